// The read-only SQL box over the views, with CSV download.
import { html, qs, type Html } from "../html.js";
import { page, support } from "../layout.js";
import { runReadOnlySql, type SqlOutcome } from "../sql.js";
import { hasRelation, type DB } from "../data.js";

export const EXAMPLE_SQL = "SELECT cluster, year, leader, deputy, articles, outlets\nFROM v_cluster_timeline\nORDER BY cluster, year\nLIMIT 50";

/** Relations a researcher can query: the v_* views first, then the tables. */
function relations(db: DB): Array<{ name: string; type: string; description: string | null }> {
  // the store describes its tables and views in _meta_tables; shown on hover
  const described = hasRelation(db, "_meta_tables");
  return db.prepare(`SELECT s.name, s.type, ${described ? "m.description" : "NULL"} AS description FROM sqlite_schema s
    ${described ? "LEFT JOIN _meta_tables m ON m.name = s.name" : ""}
    WHERE s.type IN ('view','table') AND s.name NOT LIKE 'sqlite_%' AND s.name NOT LIKE 'search_index_%' ORDER BY s.type = 'table', s.name`).all() as Array<{ name: string; type: string; description: string | null }>;
}

export async function sqlView(db: DB, dbPath: string, params: URLSearchParams): Promise<Html> {
  const q = params.get("q") ?? "";
  let outcome: SqlOutcome | null = null;
  if (q.trim()) outcome = await runReadOnlySql(dbPath, q, { maxRows: 1000 });
  const rels = relations(db);
  const form = html`<form class="sql" method="get" action="/sql">
    <textarea name="q" spellcheck="false" aria-label="SQL">${q.trim() ? q : EXAMPLE_SQL}</textarea>
    <p><button type="submit">Run</button> <span class="muted">read-only: statements that write, ATTACH, load_extension and writing PRAGMAs are refused; at most 1000 rows are shown, the CSV has up to 100 000; select article_id and outlet to see how many articles and outlets the rows rest on.</span></p></form>`;
  let result: Html | string = "";
  if (outcome && "error" in outcome) result = html`<p class="error" role="alert">${outcome.error}</p>`;
  else if (outcome) {
    const o = outcome;
    // when the result carries article_id (every fact view does), say what it rests on
    const ai = o.columns.indexOf("article_id");
    const oi = o.columns.indexOf("outlet");
    const rest = ai >= 0 && oi >= 0 ? support(o.rows.map((r) => ({ article_id: r[ai] as string, outlet: oi >= 0 ? (r[oi] as string | null) : null })), "the rows shown") : "";
    result = html`${rest}<p>${o.rows.length} ${o.rows.length === 1 ? "row" : "rows"}${o.truncated ? " (more not shown)" : ""} · <a class="csv" href="/sql.csv${qs({ q })}" download="thidua-query.csv">download CSV</a></p>
      <div style="overflow-x:auto"><table class="result"><thead><tr>${o.columns.map((c) => html`<th>${c}</th>`)}</tr></thead><tbody>
      ${o.rows.map((r) => html`<tr>${r.map((v) => html`<td>${v === null ? html`<span class="muted">NULL</span>` : String(v)}</td>`)}</tr>`)}
      </tbody></table></div>`;
  }
  return page("SQL", html`<h1>SQL over the views</h1>${form}${result}
    <h2>Views and tables</h2><p>${rels.map((r, i) => html`${i ? ", " : ""}<a href="/sql${qs({ q: `SELECT * FROM "${r.name}" LIMIT 50` })}" title="${r.description ?? r.type}"><code>${r.name}</code></a>`)}</p>`);
}
