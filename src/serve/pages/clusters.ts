// The list of clusters, filterable by kind, locality and year.
import { html, qs, type Html } from "../html.js";
import { page, support } from "../layout.js";
import { clusterFilterOptions, listClusters, type ClusterFilters, type DB } from "../data.js";

export function clustersPage(db: DB, params: URLSearchParams): Html {
  const year = Number.parseInt(params.get("year") ?? "", 10);
  const f: ClusterFilters = {
    kind: params.get("kind") || undefined,
    locality: params.get("locality") || undefined,
    year: Number.isFinite(year) ? year : undefined,
  };
  const opts = clusterFilterOptions(db);
  const { clusters, support: rows } = listClusters(db, f);
  const option = (value: string | number, current: string | number | undefined) => html`<option value="${value}"${current !== undefined && String(current) === String(value) ? html` selected` : ""}>${value}</option>`;
  const filters = html`<form class="filters" method="get" action="/clusters">
    <label>Kind <select name="kind"><option value="">all</option>${opts.kinds.map((k) => option(k, f.kind))}</select></label>
    <label>Locality <select name="locality"><option value="">all</option>${opts.localities.map((l) => option(l, f.locality))}</select></label>
    <label>Year <select name="year"><option value="">all</option>${opts.years.map((y) => option(y, f.year))}</select></label>
    <button type="submit">Filter</button> ${f.kind || f.locality || f.year ? html`<a href="/clusters">clear</a>` : ""}
  </form>`;
  const table = clusters.length
    ? html`<table class="clusters"><thead><tr><th>Cluster</th><th>Kind</th><th>No.</th><th>Locality</th><th>System</th><th>Years</th><th>Articles</th><th>Outlets</th></tr></thead><tbody>
      ${clusters.map((c) => html`<tr><td><a href="/cluster/${encodeURIComponent(String(c.id))}">${c.name}</a></td><td>${c.kind}</td><td>${c.number ?? ""}</td><td>${c.locality ?? ""}</td><td>${c.system ?? ""}</td><td>${c.years ?? ""}</td><td>${c.articles}</td><td>${c.outlets}</td></tr>`)}
      </tbody></table>`
    : html`<p class="muted">No cluster matches these filters.</p>`;
  const title = f.kind || f.locality || f.year ? `Clusters (${[f.kind, f.locality, f.year].filter(Boolean).join(", ")})` : "Clusters";
  return page(title, html`<h1>${title}</h1>${support(rows, `${clusters.length} ${clusters.length === 1 ? "cluster" : "clusters"}`)}${filters}<p></p>${table}
    <p class="muted">Filters are links: <a href="/clusters${qs({ kind: f.kind, locality: f.locality, year: f.year })}">this view</a>.</p>`);
}
