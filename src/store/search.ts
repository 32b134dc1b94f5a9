// Full-text search over articles and facts (FTS5), tone-aware: every text is indexed as written
// (NFC, one tone placement) and folded. A query with any diacritic searches the written columns, so
// "thể" does not find "thế"; a query without any searches the folded ones, so "ha noi" finds "Hà Nội".
import type { DB } from "./db.js";
import { fold, normalize } from "../extract/normalize.js";

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

/** Title and body already normalised (normalize(…).norm). */
export function indexArticle(db: DB, articleId: number, t: string, b: string): void {
  stmts(db).insert.run(articleId, "article", articleId, t, b, fold(t), fold(b));
}

/**
 * The facts of an article as one search row (one line per fact; `kind` holds [factId, kind] per line as JSON),
 * which costs one index insert per article instead of one per fact.
 */
export function indexFacts(db: DB, articleId: number, facts: Array<[number, string, string]>): void {
  if (!facts.length) return;
  const b = facts.map(([, , t]) => written(t).replace(/\n/g, " ")).join("\n");
  stmts(db).insert.run(-articleId, JSON.stringify(facts.map(([id, k]) => [id, k])), articleId, "", b, "", fold(b));
}

export function unindexFacts(db: DB, articleId: number): void {
  stmts(db).remove.run(-articleId);
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
  const rows = db.prepare(`SELECT s.rowid AS rid, s.kind, s.article_id, s.title AS t, s.body AS b, a.title, a.url, a.outlet, a.published
    FROM search_index s JOIN articles a ON a.id = s.article_id
    WHERE search_index MATCH ? ORDER BY bm25(search_index) LIMIT ?`).all(query.fts, limit) as Array<{ rid: number; kind: string; article_id: number; t: string; b: string; title: string | null; url: string | null; outlet: string | null; published: string | null }>;
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const base = { article_id: r.article_id, title: r.title, url: r.url, outlet: r.outlet, published: r.published };
    if (r.rid > 0) { hits.push({ ...base, kind: "article", fact_id: null, snippet: snippetOf(`${r.t}\n${r.b}`, query) }); continue; }
    // the facts row of an article: report each fact whose line has every term (else any term)
    const refs = JSON.parse(r.kind) as Array<[number, string]>;
    const lines = r.b.split("\n");
    const has = (line: string, t: string) => (query.toned ? line.toLowerCase() : fold(line)).includes(t);
    const pick = (all: boolean) => lines.flatMap((l, i) => ((all ? query.terms.every((t) => has(l, t)) : query.terms.some((t) => has(l, t))) ? [i] : []));
    const idx = pick(true).length ? pick(true) : pick(false);
    for (const i of idx) { const ref = refs[i]; if (ref) hits.push({ ...base, kind: ref[1], fact_id: ref[0], snippet: snippetOf(lines[i]!, query) }); }
  }
  return { hits: hits.slice(0, limit), query };
}
