// Safe HTML building: every interpolated value is escaped unless it is already Html.
// Pages are built only through `html`, so text from articles can never become markup.

export class Html {
  constructor(readonly value: string) {}
  toString(): string { return this.value; }
}

export type Part = Html | string | number | boolean | null | undefined | Part[];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;"));
}

function render(p: Part): string {
  if (p === null || p === undefined || p === false) return "";
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return p.map(render).join("");
  return escapeHtml(String(p));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested `html` values pass through. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new Html(out);
}

/** Markup made by this process (SVG drawn by the server); never pass article text here. */
export function trusted(s: string): Html { return new Html(s); }

export function join(parts: Part[], sep: Part): Html {
  const out: Part[] = [];
  parts.forEach((p, i) => { if (i) out.push(sep); out.push(p); });
  return new Html(render(out));
}

/** Query string from a record, skipping empty values. */
export function qs(params: Record<string, string | number | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
}
