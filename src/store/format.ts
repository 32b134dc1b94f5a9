// Printing rows: an aligned table (the default), CSV (RFC 4180) or JSON lines.

export type Row = Record<string, unknown>;

function cell(v: unknown): string {
  if (v == null) return "";
  if (Buffer.isBuffer(v)) return `<${v.length} bytes>`;
  return String(v);
}

export function csvLine(values: unknown[]): string {
  return values.map((v) => { const s = cell(v); return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; }).join(",");
}

export function toCsv(columns: string[], rows: Row[]): string {
  return [csvLine(columns), ...rows.map((r) => csvLine(columns.map((c) => r[c])))].join("\n") + "\n";
}

export function toJsonLines(rows: Row[]): string {
  return rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("base64") : typeof v === "bigint" ? Number(v) : v))).join("\n") + (rows.length ? "\n" : "");
}

// display width: combining marks take no column
const width = (s: string) => [...s.normalize("NFC")].filter((ch) => !/\p{M}/u.test(ch)).length;

export function toTable(columns: string[], rows: Row[], maxWidth = 60): string {
  const clip = (s: string) => { const one = s.replace(/\s+/g, " "); return width(one) > maxWidth ? [...one].slice(0, maxWidth - 1).join("") + "…" : one; };
  const cells = rows.map((r) => columns.map((c) => clip(cell(r[c]))));
  const w = columns.map((c, i) => Math.max(width(c), ...cells.map((r) => width(r[i]!))));
  const line = (vals: string[]) => vals.map((v, i) => v + " ".repeat(w[i]! - width(v))).join("  ").trimEnd();
  const out = [line(columns), w.map((n) => "-".repeat(n)).join("  "), ...cells.map(line)];
  return out.join("\n") + `\n(${rows.length} row${rows.length === 1 ? "" : "s"})\n`;
}
