// One person: titles over time and the articles that name them.
import { html, type Html } from "../html.js";
import { page, sourceLink, support } from "../layout.js";
import { distinctArticles, personPage, type DB } from "../data.js";
import { articleList } from "./common.js";

export function personView(db: DB, id: number | string): Html | null {
  const p = personPage(db, id);
  if (!p) return null;
  const articles = distinctArticles(p.officials.map((o) => ({ ...o, title: o.article_title })));
  const titles = p.titles.length
    ? html`<table class="titles"><thead><tr><th>Title</th><th>First seen</th><th>Last seen</th><th>Articles</th><th>Outlets</th></tr></thead><tbody>
      ${p.titles.map((t) => html`<tr><td>${t.title}</td><td>${t.first_seen?.slice(0, 10) ?? ""}</td><td>${t.last_seen?.slice(0, 10) ?? ""}</td><td>${t.articles}</td><td>${t.outlets}</td></tr>`)}
      </tbody></table>`
    : html`<p class="muted">No title found.</p>`;
  const mentions = p.officials.length
    ? html`<table class="mentions"><thead><tr><th>Published</th><th>Rank</th><th>Title</th><th>Outlet</th><th></th></tr></thead><tbody>
      ${p.officials.map((o) => html`<tr><td>${o.published?.slice(0, 10) ?? ""}</td><td>${o.rank ?? ""}</td><td>${o.title}</td><td>${o.outlet ?? ""}</td><td>${sourceLink({ ...o, title: o.article_title })}</td></tr>`)}
      </tbody></table>`
    : "";
  const aliases = p.aliases.length ? html`<p class="muted">Written as: ${p.aliases.map((a, i) => html`${i ? " | " : ""}${a.alias} <span class="pill">${a.count}</span>`)}</p>` : "";
  return page(p.person.name, html`<h1>${p.person.name}</h1>${support(articles)}${aliases}
    <h2>Titles over time</h2>${titles}
    <h2>Mentions</h2>${mentions}
    <h2>Articles</h2>${articleList(articles)}`);
}
