// Full-text search over articles and facts (FTS5), tone-aware: every text is indexed as written
// (NFC, one tone placement) and folded. A query with any diacritic searches the written columns, so
// "thể" does not find "thế"; a query without any searches the folded ones, so "ha noi" finds "Hà Nội".
// Row ids: 2·id for an article's own row, 2·id + 1 for the row of its facts, so a load that stores articles in
// id order writes rowids in increasing order (FTS5 flushes its pending terms whenever a rowid goes down).
import type { DB } from "./db.js";
import { fold, normalize } from "../extract/normalize.js";
import { factLine } from "./prep.js";

type Stmts = ReturnType<typeof prepare>;
const cache = new WeakMap<DB, Stmts>();
function prepare(db: DB) {
  return {
    insert: db.prepare("INSERT INTO search_index (rowid, kind, article_id, title, body, title_folded, body_folded) VALUES (?, ?, ?, ?, ?, ?, ?)"),
    remove: db.prepare("DELETE FROM search_index WHERE rowid = ?"),
  };
}
function stmts(db: DB): Stmts {
  let s = cache.get(db);
  if (!s) { s = prepare(db); cache.set(db, s); }
  return s;
}

const written = (s: string) => normalize(s).norm;

// ---------- rows held back until the batch commits ----------
// FTS5 writes its pending terms out as a new segment at every savepoint, and storeArticle runs in a savepoint:
// one small segment per article, merged again and again. A bulk load (the ingest job) holds the search rows of
// the batch here instead and writes them all at once, outside any savepoint, before it commits.
type Row = [rowid: number, kind: string, articleId: number, title: string, body: string, titleFolded: string, bodyFolded: string];
interface Held { rows: Map<number, Row>; journal: Array<[number, Row | undefined]> }
const held = new WeakMap<DB, Held>();

/** From now on, search rows written through this connection wait for flushSearchRows (call it before COMMIT). */
export function holdSearchRows(db: DB): void {
  if (!held.has(db)) held.set(db, { rows: new Map(), journal: [] });
}

/** Writes the rows held back, in rowid order; `stop` also ends holding them. */
export function flushSearchRows(db: DB, stop = false): void {
  const h = held.get(db);
  if (!h) return;
  const ins = stmts(db).insert;
  for (const r of [...h.rows.values()].sort((a, b) => a[0] - b[0])) ins.run(...r);
  h.rows.clear();
  h.journal.length = 0;
  if (stop) held.delete(db);
}

/** Forgets the rows held back (the batch was rolled back). */
export function dropSearchRows(db: DB): void {
  const h = held.get(db);
  if (h) { h.rows.clear(); h.journal.length = 0; }
}

/** A point to go back to when the article being stored fails (its savepoint is rolled back). */
export function searchMark(db: DB): number {
  return held.get(db)?.journal.length ?? 0;
}

export function searchRollback(db: DB, mark: number): void {
  const h = held.get(db);
  if (!h) return;
  while (h.journal.length > mark) {
    const [rowid, before] = h.journal.pop()!;
    if (before) h.rows.set(rowid, before); else h.rows.delete(rowid);
  }
}

function insertRow(db: DB, r: Row): void {
  const h = held.get(db);
  if (!h) { stmts(db).insert.run(...r); return; }
  h.journal.push([r[0], h.rows.get(r[0])]);
  h.rows.set(r[0], r);
}

function removeRow(db: DB, rowid: number): void {
  const h = held.get(db);
  if (h?.rows.has(rowid)) { h.journal.push([rowid, h.rows.get(rowid)]); h.rows.delete(rowid); return; }
  stmts(db).remove.run(rowid);
}

export const articleRowid = (articleId: number): number => 2 * articleId;
export const factsRowid = (articleId: number): number => 2 * articleId + 1;

/** Title and body already normalised (normalize(…).norm). */
export function indexArticle(db: DB, articleId: number, t: string, b: string): void {
  insertRow(db, [articleRowid(articleId), "article", articleId, t, b, fold(t), fold(b)]);
}

/** The article's row from texts prepared beforehand (prepareStore). */
export function indexArticleRow(db: DB, articleId: number, p: { title: string; body: string; titleFolded: string; bodyFolded: string }): void {
  insertRow(db, [articleRowid(articleId), "article", articleId, p.title, p.body, p.titleFolded, p.bodyFolded]);
}

/**
 * The facts of an article as one search row, which costs one index insert per article instead of one per fact.
 * The index keeps no copy of the texts (contentless), except this row's `kind`: [factId, kind, text] per fact, as JSON.
 */
export function indexFacts(db: DB, articleId: number, facts: Array<[number, string, string]>): void {
  indexFactLines(db, articleId, facts.map(([id, k, t]) => [id, k, factLine(t)]));
}

/** indexFacts with each text already a search line (factLine). */
export function indexFactLines(db: DB, articleId: number, lines: Array<[number, string, string]>): void {
  if (!lines.length) return;
  const b = lines.map(([, , t]) => t).join("\n");
  insertRow(db, [factsRowid(articleId), JSON.stringify(lines), articleId, "", b, "", fold(b)]);
}

/** Searchable text of each fact of an article, read back from the fact tables (to rebuild the index). */
function storedFactTexts(db: DB, articleId: number): Array<[number, string, string]> {
  return (db.prepare(`
    SELECT f.id, f.kind, CASE f.kind
      WHEN 'clusters' THEN (SELECT name FROM fact_clusters WHERE fact_id = f.id)
      WHEN 'members' THEN (SELECT unit FROM fact_members WHERE fact_id = f.id)
      WHEN 'roles' THEN (SELECT unit || ' (' || role || ')' FROM fact_roles WHERE fact_id = f.id)
      WHEN 'officials' THEN (SELECT name || coalesce((SELECT ', ' || group_concat(title, ', ') FROM (SELECT title FROM fact_titles WHERE fact_id = f.id ORDER BY idx)), '') FROM fact_officials WHERE fact_id = f.id)
      WHEN 'commitments' THEN (SELECT text FROM fact_commitments WHERE fact_id = f.id)
      WHEN 'awards' THEN (SELECT award || ': ' || recipient FROM fact_awards WHERE fact_id = f.id)
      WHEN 'events' THEN (SELECT location FROM fact_events WHERE fact_id = f.id)
      WHEN 'documents' THEN (SELECT kind || ' ' || number || coalesce(' ' || issuer, '') FROM fact_documents WHERE fact_id = f.id)
    END AS text
    FROM facts f WHERE f.article_id = ? ORDER BY f.kind, f.idx`).raw().all(articleId) as Array<[number, string, string | null]>).filter((r): r is [number, string, string] => r[2] != null);
}

/** Indexes every stored and skipped article and its facts again (after the index was recreated). */
export function rebuildSearchIndex(db: DB): number {
  const ids = db.prepare("SELECT id FROM articles WHERE status IN ('stored', 'skipped') ORDER BY id").pluck().all() as number[];
  const get = db.prepare("SELECT title, text, body_start FROM articles WHERE id = ?");
  db.transaction(() => {
    db.exec("DELETE FROM search_index");
    for (const id of ids) {
      const a = get.get(id) as { title: string | null; text: string; body_start: number };
      indexArticle(db, id, a.title ? written(a.title) : "", written(a.text.slice(a.body_start)));
      indexFacts(db, id, storedFactTexts(db, id));
    }
  })();
  return ids.length;
}

/** Removes an article's own row (its text changed). */
export function unindexArticle(db: DB, articleId: number): void {
  removeRow(db, articleRowid(articleId));
}

export function unindexFacts(db: DB, articleId: number): void {
  removeRow(db, factsRowid(articleId));
}

export interface SearchHit {
  kind: string; // "article" or a fact kind
  article_id: number;
  fact_id: number | null;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published: string | null;
  snippet: string;
}

export interface ParsedQuery { terms: string[]; toned: boolean; fts: string }

/** Words and "quoted phrases", all required; toned when the query carries any diacritic. */
export function parseSearch(q: string): ParsedQuery {
  const norm = normalize(q.trim()).norm.toLowerCase();
  const toned = fold(norm) !== norm;
  const key = toned ? norm : fold(norm);
  const terms: string[] = [];
  key.replace(/"([^"]+)"|([^\s"]+)/g, (_m, phrase: string | undefined, word: string | undefined) => {
    const t = (phrase ?? word ?? "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    if (t) terms.push(t);
    return "";
  });
  const cols = toned ? "{title body}" : "{title_folded body_folded}";
  const fts = terms.map((t) => `${cols} : "${t.replace(/"/g, "")}"`).join(" AND ");
  return { terms, toned, fts };
}

/** A window of the written text around the first term, terms marked with [ ]. Folding keeps length, so offsets carry over. */
export function snippetOf(text: string, q: ParsedQuery, width = 160): string {
  const norm = normalize(text).norm.replace(/\s+/g, " ");
  const key = q.toned ? norm.toLowerCase() : fold(norm);
  const sameLength = key.length === norm.length;
  const spans: Array<[number, number]> = [];
  for (const t of q.terms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+")}(?![\\p{L}\\p{N}])`, "gu");
    let m: RegExpExecArray | null;
    while ((m = re.exec(key))) spans.push([m.index, m.index + m[0].length]);
  }
  if (!sameLength || !spans.length) return norm.slice(0, width) + (norm.length > width ? "…" : "");
  spans.sort((a, b) => a[0] - b[0]);
  // words next to each other are one mark: "[Hà Nội]"
  for (let i = spans.length - 1; i > 0; i--) {
    const [p, c] = [spans[i - 1]!, spans[i]!];
    if (c[0] >= p[1] && /^\s*$/.test(norm.slice(p[1], c[0]))) { p[1] = Math.max(p[1], c[1]); spans.splice(i, 1); }
  }
  const first = spans[0]![0];
  const from = Math.max(0, first - Math.floor(width / 3));
  const to = Math.min(norm.length, from + width);
  let out = "";
  let at = from;
  for (const [s, e] of spans) {
    if (s < at || e > to) continue;
    out += norm.slice(at, s) + "[" + norm.slice(s, e) + "]";
    at = e;
  }
  out += norm.slice(at, to);
  return (from > 0 ? "…" : "") + out.trim() + (to < norm.length ? "…" : "");
}

/** Articles and facts matching the query, best first (bm25), stored and skipped articles alike. */
export function search(db: DB, q: string, limit = 20): { hits: SearchHit[]; query: ParsedQuery } {
  const query = parseSearch(q);
  if (!query.terms.length) return { hits: [], query };
  const rows = db.prepare(`SELECT s.kind, s.article_id, a.title, a.url, a.outlet, a.published, a.text
    FROM search_index s JOIN articles a ON a.id = s.article_id
    WHERE search_index MATCH ? ORDER BY bm25(search_index) LIMIT ?`).all(query.fts, limit) as Array<{ kind: string; article_id: number; title: string | null; url: string | null; outlet: string | null; published: string | null; text: string }>;
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const base = { article_id: r.article_id, title: r.title, url: r.url, outlet: r.outlet, published: r.published };
    if (r.kind === "article") { hits.push({ ...base, kind: "article", fact_id: null, snippet: snippetOf(r.text, query) }); continue; } // the text starts with the title paragraph
    // the facts row of an article: report each fact whose line has every term (else any term)
    const refs = JSON.parse(r.kind) as Array<[number, string, string]>;
    const lines = refs.map((x) => x[2]);
    const has = (line: string, t: string) => (query.toned ? line.toLowerCase() : fold(line)).includes(t);
    const pick = (all: boolean) => lines.flatMap((l, i) => ((all ? query.terms.every((t) => has(l, t)) : query.terms.some((t) => has(l, t))) ? [i] : []));
    const idx = pick(true).length ? pick(true) : pick(false);
    for (const i of idx) { const ref = refs[i]; if (ref) hits.push({ ...base, kind: ref[1], fact_id: ref[0], snippet: snippetOf(lines[i]!, query) }); }
  }
  return { hits: hits.slice(0, limit), query };
}
