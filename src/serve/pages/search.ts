// Search page: tone-aware matches with a snippet linking to the matching sentence.
import { html, type Html } from "../html.js";
import { page, support } from "../layout.js";
import { searchArticles } from "../search.js";
import type { DB } from "../data.js";

export function searchView(db: DB, params: URLSearchParams): Html {
  const q = (params.get("q") ?? "").slice(0, 500);
  const form = html`<form class="filters" method="get" action="/search"><label>Words (without tone marks they match any tones; "quoted words" are one phrase)
    <input type="search" name="q" value="${q}" size="50" autofocus></label><button type="submit">Search</button></form>`;
  if (!q.trim()) return page("Search", html`<h1>Search</h1>${form}`, { q });
  const { hits, total, query, indexed } = searchArticles(db, q);
  const results = hits.length
    ? html`<ol class="hits">${hits.map((h) => html`<li class="hit"><a href="/article/${encodeURIComponent(String(h.article_id))}">${h.title ?? `article ${h.article_id}`}</a>
        <span class="muted">${[h.outlet, h.published?.slice(0, 10)].filter(Boolean).join(" · ")}</span>${h.status && h.status !== "stored" ? html` <span class="pill">${h.status}</span>` : ""}
        <div class="snippet">${h.snippet} ${h.sentence != null ? html`<a class="src" href="/article/${encodeURIComponent(String(h.article_id))}#s-${h.sentence}">sentence ↗</a>` : ""}</div></li>`)}</ol>`
    : html`<p class="muted">No article contains ${query.terms.map((t, i) => html`${i ? " and " : ""}“${t}”`)}.</p>`;
  return page(`Search: ${q}`, html`<h1>Search</h1>${form}
    <p>${total} ${total === 1 ? "article matches" : "articles match"}${total > hits.length ? ` (first ${hits.length} shown)` : ""}; ${query.toned ? "tone marks must match" : "any tone marks match"}${indexed ? "" : " (this database has no search index: texts were scanned)"}.</p>
    ${support(hits.map((h) => ({ article_id: h.article_id, outlet: h.outlet })), "the results shown")}${results}`, { q });
}
