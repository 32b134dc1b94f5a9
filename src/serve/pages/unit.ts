// One unit: the clusters it belonged to, its roles by year, its awards.
import { html, type Html } from "../html.js";
import { page, sourceLink, support } from "../layout.js";
import { distinctArticles, unitPage, type DB } from "../data.js";
import { articleList, entityLink } from "./common.js";

export function unitView(db: DB, id: number | string): Html | null {
  const p = unitPage(db, id);
  if (!p) return null;
  const all = [...p.members, ...p.roles, ...p.awards];
  const articles = distinctArticles(all);
  // clusters the unit belonged to (listed as a member, or named leader or deputy), with the years reported
  type Row = (typeof p.members)[number] | (typeof p.roles)[number];
  const clusters = new Map<string, { id: string; name: string; years: Set<string>; how: Set<string>; first: Row }>();
  const note = (r: Row, how: string, year: string | null) => {
    if (r.cluster_id == null) return; // not resolved to a cluster yet
    const k = String(r.cluster_id);
    const e = clusters.get(k) ?? { id: k, name: r.cluster ?? k, years: new Set<string>(), how: new Set<string>(), first: r };
    if (year) e.years.add(year);
    e.how.add(how);
    clusters.set(k, e);
  };
  for (const m of p.members) note(m, "member", m.published?.slice(0, 4) ?? null);
  for (const r of p.roles) note(r, r.role, r.year != null ? String(r.year) : r.published?.slice(0, 4) ?? null);
  const memberTable = clusters.size
    ? html`<table class="memberships"><thead><tr><th>Cluster</th><th>As</th><th>Years</th><th></th></tr></thead><tbody>
      ${[...clusters.values()].map((c) => html`<tr><td><a href="/cluster/${encodeURIComponent(c.id)}">${c.name}</a></td><td>${[...c.how].join(", ")}</td><td>${[...c.years].sort().join(", ")}</td><td>${sourceLink(c.first)}</td></tr>`)}
      </tbody></table>`
    : html`<p class="muted">Not found in any cluster.</p>`;
  const roles = p.roles.length
    ? html`<table class="roles"><thead><tr><th>Year</th><th>Role</th><th>Cluster</th><th>As written</th><th></th></tr></thead><tbody>
      ${p.roles.map((r) => html`<tr data-role="${r.role}"><td>${r.year ?? ""}</td><td>${r.role}</td><td>${entityLink("cluster", r.cluster_id, r.cluster ?? "(cluster not resolved)")}</td><td>${r.unit}</td><td>${sourceLink(r)}</td></tr>`)}
      </tbody></table>`
    : html`<p class="muted">No leader or deputy role found.</p>`;
  const awards = p.awards.length
    ? html`<table class="awards"><thead><tr><th>Year</th><th>Award</th><th>Status</th><th>As written</th><th></th></tr></thead><tbody>
      ${p.awards.map((a) => html`<tr><td>${a.year ?? ""}</td><td>${a.award}</td><td>${a.status}</td><td>${a.recipient}</td><td>${sourceLink(a)}</td></tr>`)}
      </tbody></table>`
    : html`<p class="muted">No award found.</p>`;
  const aliases = p.aliases.length ? html`<p class="muted">Written as: ${p.aliases.map((a, i) => html`${i ? " | " : ""}${a.alias} <span class="pill">${a.count}</span>`)}</p>` : "";
  return page(p.unit.name, html`<h1>${p.unit.name}</h1>${p.unit.kind ? html`<p class="muted">${p.unit.kind}</p>` : ""}
    ${support(articles)}${aliases}
    <h2>Clusters</h2>${memberTable}
    <h2>Roles</h2>${roles}
    <h2>Awards</h2>${awards}
    <h2>Articles</h2>${articleList(articles)}`);
}
