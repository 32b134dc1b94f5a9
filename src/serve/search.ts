// Tone-aware search over article texts, with snippets that link to the matching sentence.
// A query typed without tone marks ("hoa binh") matches any tones ("Hòa Bình"); a query typed with them
// matches those tones only. Matching runs on the normalised text (old/new tone placement are one).
import { fold, normalize } from "../extract/normalize.js";
import { splitSentences } from "../extract/sentences.js";
import { html, type Html } from "./html.js";
import { hasRelation, type DB } from "./data.js";
import { parseSearch, search as ftsSearch } from "../store/search.js";

export interface SearchHit {
  article_id: number | string; title: string | null; outlet: string | null; published: string | null; url: string | null; status: string | null;
  sentence: number | null; snippet: Html; matches: number;
}

export interface SearchQuery { terms: string[]; toned: boolean }

export function parseQuery(q: string): SearchQuery {
  const norm = normalize(q.trim()).norm.toLowerCase();
  const toned = fold(norm) !== norm;
  const key = toned ? norm : fold(norm);
  // a quoted part is one phrase; other words are separate terms, all required
  const terms: string[] = [];
  key.replace(/"([^"]+)"|(\S+)/g, (_m, phrase: string | undefined, word: string | undefined) => { const t = (phrase ?? word ?? "").trim().replace(/\s+/g, " "); if (t) terms.push(t); return ""; });
  return { terms, toned };
}

function matchKey(text: string, toned: boolean): { key: string; map: Int32Array } {
  const { norm, map } = normalize(text);
  const lower = norm.toLowerCase();
  // lower-casing keeps the length for Vietnamese; if a rare letter changes length, fold (same length) instead
  const key = toned && lower.length === norm.length ? lower.replace(/\s+/g, (s) => " ".repeat(s.length)) : fold(norm).replace(/\s+/g, (s) => " ".repeat(s.length));
  return { key, map };
}

const LETTER = /[\p{L}\p{N}]/u;

/** Matches of a term at syllable boundaries: "hoa" finds "Hòa" but not "hoàn". */
function occurrences(key: string, term: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let p = key.indexOf(term); p >= 0; p = key.indexOf(term, p + 1)) {
    const before = p > 0 ? key[p - 1]! : " ";
    const after = key[p + term.length] ?? " ";
    if (!LETTER.test(before) && !LETTER.test(after)) out.push([p, p + term.length]);
  }
  return out;
}

function registerFunctions(db: DB): void {
  db.function("thidua_matches", { deterministic: true }, (text: unknown, toned: unknown, terms: unknown) => {
    const { key } = matchKey(String(text ?? ""), toned === 1);
    return (JSON.parse(String(terms)) as string[]).every((t) => occurrences(key, t).length > 0) ? 1 : 0;
  });
}

const registered = new WeakSet<DB>();

type ArticleText = { id: number | string; title: string | null; outlet: string | null; published: string | null; url: string | null; status: string | null; text: string };

/**
 * Articles matching every term. With the store's full-text index (search_index) the index finds them,
 * best first; without it (an older database) the texts are scanned.
 */
export function searchArticles(db: DB, q: string, limit = 50): { hits: SearchHit[]; total: number; query: SearchQuery; indexed: boolean } {
  const query = parseQuery(q);
  if (!query.terms.length) return { hits: [], total: 0, query, indexed: false };
  if (hasRelation(db, "search_index")) {
    try { return { ...indexedSearch(db, query, q, limit), query, indexed: true }; } catch { /* an index the FTS query cannot use: scan instead */ }
  }
  return { ...scanSearch(db, query, limit), query, indexed: false };
}

function indexedSearch(db: DB, query: SearchQuery, q: string, limit: number): { hits: SearchHit[]; total: number } {
  // the index's own snippets cost a normalisation each: ask for a few more hits than articles shown, count the rest
  const { hits } = ftsSearch(db, q, limit * 2);
  const total = db.prepare("SELECT count(DISTINCT article_id) FROM search_index WHERE search_index MATCH ?").pluck().get(parseSearch(q).fts) as number;
  const get = db.prepare("SELECT id, title, outlet, published, url, status, text FROM articles WHERE id = ?");
  const factSentence = hasRelation(db, "facts") ? db.prepare("SELECT sentence_index FROM facts WHERE id = ?").pluck() : null;
  const byArticle = new Map<string, (typeof hits)[number]>();
  for (const h of hits) if (!byArticle.has(String(h.article_id))) byArticle.set(String(h.article_id), h);
  const out = [...byArticle.values()].slice(0, limit).map((h) => {
    const a = get.get(h.article_id) as ArticleText;
    let snip = snippet(a.text, query);
    if (!snip.matches) {
      // the match is in a fact's text (normalised) or split across lines: show the index's own snippet
      const sentence = h.fact_id != null && factSentence ? ((factSentence.get(h.fact_id) as number | null) ?? null) : null;
      const parts = h.snippet.split(/\[|\]/).map((p, i) => (i % 2 ? html`<b>${p}</b>` : html`${p}`));
      snip = { sentence, snippet: html`${parts}`, matches: 1 };
    }
    return { article_id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url, status: a.status ?? null, ...snip };
  });
  return { hits: out, total: Math.max(total, byArticle.size) };
}

function scanSearch(db: DB, query: SearchQuery, limit: number): { hits: SearchHit[]; total: number } {
  if (!registered.has(db)) { registerFunctions(db); registered.add(db); }
  const ids = db.prepare("SELECT id FROM articles WHERE thidua_matches(text, ?, ?) ORDER BY published DESC, id")
    .pluck().all(query.toned ? 1 : 0, JSON.stringify(query.terms)) as Array<number | string>;
  const get = db.prepare("SELECT id, title, outlet, published, url, status, text FROM articles WHERE id = ?");
  const hits = ids.slice(0, limit).map((id) => {
    const a = get.get(id) as ArticleText;
    return { article_id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url, status: a.status ?? null, ...snippet(a.text, query) };
  });
  return { hits, total: ids.length };
}

/** The first sentence holding a match, clipped around it, with every match in it in bold. */
export function snippet(text: string, query: SearchQuery): { sentence: number | null; snippet: Html; matches: number } {
  const { key, map } = matchKey(text, query.toned);
  const tagged = query.terms.flatMap((t, ti) => occurrences(key, t).map((o) => ({ o, ti })));
  const hits = tagged.map((x) => x.o).sort((a, b) => a[0] - b[0]);
  // neighbouring words of the query are shown as one bold run
  const found: Array<[number, number]> = [];
  for (const h of hits) {
    const last = found[found.length - 1];
    if (last && h[0] <= last[1]) last[1] = Math.max(last[1], h[1]);
    else if (last && /^ +$/.test(key.slice(last[1], h[0]))) last[1] = h[1];
    else found.push([h[0], h[1]]);
  }
  if (!found.length) return { sentence: null, snippet: html``, matches: 0 };
  // the sentence holding the most of the query's terms (the first such), around its first match
  const sentences = splitSentences(normalize(text).norm);
  const sentenceOf = (p: number) => { // sentences are sorted and disjoint
    let lo = 0, hi = sentences.length - 1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; const x = sentences[mid]!; if (p < x.start) hi = mid - 1; else if (p >= x.end) lo = mid + 1; else return x; }
    return null;
  };
  const termsIn = new Map<number, Set<number>>();
  for (const { o, ti } of tagged) { const x = sentenceOf(o[0]); if (x) termsIn.set(x.index, (termsIn.get(x.index) ?? new Set()).add(ti)); }
  let best: number | null = null;
  for (const [idx, set] of termsIn) if (best === null || set.size > termsIn.get(best)!.size || (set.size === termsIn.get(best)!.size && idx < best)) best = idx;
  const s = best === null ? null : sentences[best]!;
  const first = (s ? found.find((f) => f[0] >= s.start && f[0] < s.end) : undefined) ?? found[0]!;
  let from = s ? s.start : first[0];
  let to = s ? s.end : first[1];
  if (to - from > 320) { from = Math.max(from, first[0] - 140); to = Math.min(to, first[1] + 180); }
  const parts: Html[] = [];
  let at = from;
  for (const [a, b] of found) {
    if (a < at || b > to) continue;
    parts.push(html`${text.slice(map[at]!, map[a]!)}<b>${text.slice(map[a]!, map[b]!)}</b>`);
    at = b;
  }
  parts.push(html`${text.slice(map[at]!, map[to]!)}`);
  const pre = s && from > s.start ? "…" : "";
  const post = s && to < s.end ? "…" : "";
  return { sentence: s ? s.index : null, snippet: html`${pre}${parts}${post}`, matches: hits.length };
}
