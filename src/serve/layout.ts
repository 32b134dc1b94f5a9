// The page shell (navigation, inline style) and small shared pieces of markup.
import { html, trusted, type Html, type Part } from "./html.js";

const STYLE = `
:root { --fg:#1d232b; --muted:#5b6673; --line:#d9dee4; --bg:#fff; --soft:#f4f6f8; --accent:#0b5cad;
  --lead:#b3401d; --deputy:#d98c1f; --member:#5b8fc9; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color:var(--fg); background:var(--bg); }
header { background:#14324f; color:#fff; padding:.5rem 1.25rem; display:flex; gap:1.25rem; align-items:center; flex-wrap:wrap; }
header a { color:#fff; text-decoration:none; } header a:hover { text-decoration:underline; }
header .brand { font-weight:700; letter-spacing:.02em; }
header form { margin-left:auto; } header input { padding:.25rem .5rem; border-radius:4px; border:0; min-width:14rem; }
main { max-width:72rem; margin:0 auto; padding:1rem 1.25rem 3rem; }
h1 { font-size:1.5rem; margin:.5rem 0; } h2 { font-size:1.15rem; margin:1.5rem 0 .5rem; border-bottom:1px solid var(--line); padding-bottom:.2rem; }
a { color:var(--accent); }
.support { color:var(--muted); font-size:.9rem; margin:.25rem 0 1rem; }
.muted { color:var(--muted); }
table { border-collapse:collapse; width:100%; font-size:.92rem; }
th, td { text-align:left; padding:.3rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:var(--soft); font-weight:600; }
.src { font-size:.8rem; white-space:nowrap; }
form.filters { display:flex; gap:.75rem; flex-wrap:wrap; align-items:end; background:var(--soft); padding:.6rem .75rem; border-radius:6px; }
form.filters label { display:flex; flex-direction:column; font-size:.8rem; color:var(--muted); }
select, input, textarea, button { font:inherit; }
.article-text { max-width:48rem; }
.article-text p { margin:0 0 .9rem; white-space:pre-wrap; }
.s { scroll-margin-top:4rem; }
.s:target { background:#fff3b0; outline:2px solid #f0c419; }
mark.f { background:#e4eefb; border-bottom:2px solid var(--accent); padding:0 1px; border-radius:2px; }
mark.f-roles { background:#fbe6df; border-color:var(--lead); }
mark.f-members { background:#e3f0fb; border-color:var(--member); }
mark.f-clusters { background:#ece4fb; border-color:#6b4bb3; }
mark.f-officials { background:#e2f5e6; border-color:#2f8a46; }
mark.f-commitments { background:#fff0d6; border-color:var(--deputy); }
mark.f-awards { background:#fde2f1; border-color:#b3307a; }
mark.f-events, mark.f-documents { background:#eee; border-color:#777; }
.legend span { display:inline-block; margin-right:.6rem; font-size:.8rem; }
.timeline svg { max-width:100%; height:auto; border:1px solid var(--line); border-radius:6px; background:#fff; }
.sql textarea { width:100%; min-height:6rem; font-family:ui-monospace, monospace; font-size:.9rem; }
.error { background:#fde8e8; border:1px solid #e0a0a0; padding:.6rem .8rem; border-radius:6px; }
.snippet b { background:#fff3b0; font-weight:600; }
.pill { display:inline-block; padding:0 .4rem; border-radius:9px; background:var(--soft); font-size:.8rem; }
`;

export function page(title: string, body: Part, opts: { q?: string } = {}): Html {
  return html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · thidua</title><style>${trusted(STYLE)}</style></head>
<body><header><a class="brand" href="/">thidua</a><a href="/clusters">Cụm / khối thi đua</a><a href="/search">Tìm kiếm</a><a href="/sql">SQL</a>
<form action="/search" method="get" role="search"><input type="search" name="q" value="${opts.q ?? ""}" placeholder="Tìm trong bài viết…" aria-label="search"></form></header>
<main>${body}</main></body></html>`;
}

export interface SupportRow { article_id: number | string; outlet: string | null }

/** "Based on N articles from M outlets": every page says what its facts rest on. */
export function support(rows: SupportRow[], what = "what this page shows"): Html {
  const articles = new Set(rows.map((r) => String(r.article_id)));
  const outlets = new Set(rows.map((r) => r.outlet).filter((o): o is string => !!o));
  const noOutlet = rows.some((r) => !r.outlet);
  const a = articles.size, o = outlets.size;
  const outletText = o === 0
    ? html`${a ? "outlets not stated" : "no outlet"}`
    : html`<b>${o}</b> ${o === 1 ? "outlet" : "distinct outlets"}${noOutlet ? " (some articles name none)" : ""}`;
  return html`<p class="support" data-articles="${a}" data-outlets="${o}">Based on <b>${a}</b> ${a === 1 ? "article" : "distinct articles"} from ${outletText} — ${what}.</p>`;
}

export interface SourceRow { article_id: number | string; start: number; sentence_index?: number | null; title?: string | null; outlet?: string | null; published?: string | null; rule?: string | null; confidence?: number | null }

/** Link from a fact to the sentence it came from. */
export function sourceLink(r: SourceRow): Html {
  const tip = [r.title, r.outlet, r.published?.slice(0, 10), r.rule && `rule ${r.rule}`, r.confidence != null ? `confidence ${r.confidence}` : null].filter(Boolean).join(" · ");
  return html`<a class="src" href="${factHref(r)}" title="${tip}">source ↗</a>`;
}

/** `#s-N` names the sentence; without a sentence index the fact's own offset anchor is used. */
export function factHref(r: { article_id: number | string; start: number; sentence_index?: number | null }): string {
  const base = `/article/${encodeURIComponent(String(r.article_id))}`;
  return r.sentence_index != null && r.sentence_index >= 0 ? `${base}#s-${r.sentence_index}` : `${base}#at-${r.start}`;
}

export function notFound(what: string): Html {
  return page("Not found", html`<h1>Not found</h1><p>${what}</p><p><a href="/clusters">Back to the clusters</a></p>`);
}

export function errorPage(title: string, message: string): Html {
  return page(title, html`<h1>${title}</h1><p class="error">${message}</p>`);
}
