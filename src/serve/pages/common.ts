// Markup shared by several pages.
import { html, type Html } from "../html.js";
import type { ArticleCols } from "../data.js";

export function articleList(rows: ArticleCols[]): Html {
  if (!rows.length) return html`<p class="muted">No article.</p>`;
  return html`<ul class="articles">${rows.map((a) => html`<li><a href="/article/${encodeURIComponent(String(a.article_id))}">${a.title || a.source}</a> <span class="muted">${[a.outlet, a.published?.slice(0, 10)].filter(Boolean).join(" · ")}</span>${a.url ? html` <a class="src" href="${safeUrl(a.url)}" rel="noreferrer noopener">original ↗</a>` : ""}</li>`)}</ul>`;
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown inert. */
export function safeUrl(u: string): string {
  return /^https?:\/\//i.test(u) ? u : "#";
}

/** A link to an entity page, or plain text while the entity is not resolved (id null). */
export function entityLink(kind: "cluster" | "unit" | "person", id: number | string | null | undefined, text: string, cls?: string): Html {
  if (id === null || id === undefined) return html`${text}`;
  return html`<a${cls ? html` class="${cls}"` : ""} href="/${kind}/${encodeURIComponent(String(id))}">${text}</a>`;
}
