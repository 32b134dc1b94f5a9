// Storing one article and its facts in one transaction (a savepoint when the caller batches writes).
// One story is stored once: an exact copy of the body or the same canonical URL only adds a source,
// a near-duplicate (MinHash) is kept as a copy linked to the story, without facts of its own.
// A different body under a known canonical URL, published no earlier than the story, is a revision:
// the story takes the new text and facts and its old text goes to article_revisions.
import type { Article, ExtractionRecord, FactKind, Provenance } from "../types.js";
import { FACT_KINDS } from "../types.js";
import type { DB } from "./db.js";
import { bands, blobToSig, MAX_CANDIDATES, NEAR_DUPLICATE, sigToBlob, similarity } from "./dedup.js";
import { nameKey } from "./names.js";
import { indexArticleRow, indexFactLines, searchMark, searchRollback, unindexArticle, unindexFacts } from "./search.js";
import { factLine, prepareStore, searchableFacts, type StorePrep } from "./prep.js";

export type StoreStatus = "stored" | "duplicate" | "near-duplicate" | "skipped";
export interface StoreResult {
  status: StoreStatus; articleId: number | null; reason?: string; counts: Record<string, number>;
  /** The story existed under this URL with another body: its text and facts were replaced (status stored or skipped). */
  revised?: boolean;
}

type Stmts = ReturnType<typeof prepare>;
const cache = new WeakMap<DB, Stmts>();

function prepare(db: DB) {
  return {
    byHash: db.prepare("SELECT id, coalesce(duplicate_of, id) AS story FROM articles WHERE body_hash = ? ORDER BY id LIMIT 1"),
    byUrl: db.prepare("SELECT id, coalesce(duplicate_of, id) AS story FROM articles WHERE canonical_url = ? ORDER BY id LIMIT 1"),
    sourceSeen: db.prepare("SELECT article_id FROM article_sources WHERE source = ? LIMIT 1"),
    insertArticle: db.prepare(`INSERT INTO articles (source, url, canonical_url, title, published, outlet, author, format, text, body_start, raw, extra, flags,
      status, skip_reason, duplicate_of, similarity, body_hash, locality, extractor_version)
      VALUES (@source, @url, @canonical_url, @title, @published, @outlet, @author, @format, @text, @body_start, @raw, @extra, @flags,
      @status, @skip_reason, @duplicate_of, @similarity, @body_hash, @locality, @extractor_version)`),
    insertSource: db.prepare(`INSERT OR IGNORE INTO article_sources (article_id, source, url, title, outlet, published, body_hash, how, similarity, copy_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertSig: db.prepare("INSERT INTO minhash (article_id, sig) VALUES (?, ?)"),
    insertBucket: db.prepare("INSERT OR IGNORE INTO lsh_buckets (band, hash, article_id) VALUES (?, ?, ?)"),
    bucket: db.prepare("SELECT article_id FROM lsh_buckets WHERE band = ? AND hash = ? LIMIT 256").pluck(),
    sig: db.prepare("SELECT sig FROM minhash WHERE article_id = ?"),
    insertFact: db.prepare(`INSERT INTO facts (article_id, kind, idx, sentence_index, start, "end", rule, confidence, extractor_version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    cluster: db.prepare("INSERT INTO fact_clusters (fact_id, kind, number, name, locality, system, declared_members, listed_members) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
    member: db.prepare("INSERT INTO fact_members (fact_id, cluster_idx, unit) VALUES (?, ?, ?)"),
    role: db.prepare("INSERT INTO fact_roles (fact_id, cluster_idx, unit, role, year) VALUES (?, ?, ?, ?, ?)"),
    official: db.prepare("INSERT INTO fact_officials (fact_id, name, rank) VALUES (?, ?, ?)"),
    title: db.prepare(`INSERT INTO fact_titles (fact_id, idx, title, title_key, sentence_index, start, "end", rule, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    commitment: db.prepare("INSERT INTO fact_commitments (fact_id, cluster_idx, year, text) VALUES (?, ?, ?, ?)"),
    award: db.prepare("INSERT INTO fact_awards (fact_id, award, recipient, year, status) VALUES (?, ?, ?, ?, ?)"),
    event: db.prepare("INSERT INTO fact_events (fact_id, type, date, location, cluster_idx) VALUES (?, ?, ?, ?, ?)"),
    document: db.prepare("INSERT INTO fact_documents (fact_id, kind, number, date, issuer) VALUES (?, ?, ?, ?, ?)"),
    setMentions: db.prepare("UPDATE articles SET locality_mentions = ? WHERE id = ?"),
    factIds: db.prepare("SELECT id FROM facts WHERE article_id = ?"),
    deleteFacts: db.prepare("DELETE FROM facts WHERE article_id = ?"),
    story: db.prepare("SELECT id, source, title, published, text, body_start, body_hash, status, extractor_version FROM articles WHERE id = ?"),
    insertRevision: db.prepare(`INSERT INTO article_revisions (article_id, source, title, published, text, body_start, body_hash, extractor_version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    updateArticle: db.prepare(`UPDATE articles SET source = @source, url = @url, canonical_url = coalesce(@canonical_url, canonical_url), title = @title,
      published = @published, outlet = @outlet, author = @author, format = @format, text = @text, body_start = @body_start, raw = @raw, extra = @extra,
      flags = @flags, status = @status, skip_reason = @skip_reason, body_hash = @body_hash, locality = @locality, locality_mentions = @mentions,
      extractor_version = @extractor_version WHERE id = @id`),
    revisionByHash: db.prepare("SELECT article_id FROM article_revisions WHERE body_hash = ? LIMIT 1").pluck(),
    deleteSig: db.prepare("DELETE FROM minhash WHERE article_id = ?"),
    deleteBucket: db.prepare("DELETE FROM lsh_buckets WHERE band = ? AND hash = ? AND article_id = ?"),
    updateSource: db.prepare("UPDATE article_sources SET url = ?, title = ?, outlet = ?, published = ?, body_hash = ? WHERE article_id = ? AND source = ?"),
    counts: db.prepare("SELECT f.kind, count(*) AS n FROM facts f JOIN articles a ON a.id = f.article_id AND a.status = 'stored' GROUP BY f.kind"),
    // one transaction function per connection (a savepoint when the caller batches writes)
    tx: db.transaction((db: DB, a: Article, record: ExtractionRecord, p: StorePrep) => storeInTransaction(db, a, record, p)),
  };
}

export function stmts(db: DB): Stmts {
  let s = cache.get(db);
  if (!s) { s = prepare(db); cache.set(db, s); }
  return s;
}

const zeroCounts = (): Record<string, number> => Object.fromEntries(FACT_KINDS.map((k) => [k, 0]));

/**
 * Stores an article and its record. `prep` is prepareStore(article, record), computed beforehand (the ingest
 * job has its extraction workers compute it); without it, it is computed here.
 */
export function storeArticle(db: DB, article: Article, record: ExtractionRecord, prep?: StorePrep): StoreResult {
  const p = prep ?? prepareStore(article, record);
  const mark = searchMark(db);
  try { return stmts(db).tx(db, article, record, p); } catch (e) { searchRollback(db, mark); throw e; }
}

function rowOf(a: Article, p: StorePrep, version: string) {
  return {
    source: a.source, url: a.url, canonical_url: p.curl, title: a.title, published: a.published, outlet: a.outlet, author: a.author,
    format: a.format, text: a.text, body_start: a.bodyStart, raw: a.raw ?? null,
    extra: a.extra && Object.keys(a.extra).length ? JSON.stringify(a.extra) : null,
    flags: a.flags?.length ? JSON.stringify(a.flags) : null,
    body_hash: p.hash, extractor_version: version,
  };
}

/** Dates as stored (ISO, maybe with a time): is `later` on or after `earlier`? Unknown dates do not object. */
function notEarlier(later: string | null, earlier: string | null): boolean {
  if (!later || !earlier) return true;
  const [x, y] = [Date.parse(later), Date.parse(earlier)];
  return Number.isNaN(x) || Number.isNaN(y) ? later >= earlier : x >= y;
}

function storeInTransaction(db: DB, a: Article, record: ExtractionRecord, p: StorePrep): StoreResult {
  const s = stmts(db);
  const { hash, curl } = p;
  const source = (story: number, how: string, sim: number | null, copy: number | null) =>
    s.insertSource.run(story, a.source, a.url, a.title, a.outlet, a.published, hash, how, sim, copy);

  // the same body again (re-ingest, or the same text under another address): one more source at most
  const same = s.byHash.get(hash) as { id: number; story: number } | undefined;
  if (same) {
    source(same.story, "same-body", 1, null);
    return { status: "duplicate", articleId: same.story, reason: `same body as article ${same.story}`, counts: zeroCounts() };
  }
  // an earlier text of a revised story (the old file read again) changes nothing
  const earlier = s.revisionByHash.get(hash) as number | undefined;
  if (earlier !== undefined) {
    source(earlier, "same-url", null, null);
    return { status: "duplicate", articleId: earlier, reason: `an earlier text of article ${earlier}`, counts: zeroCounts() };
  }
  const base = rowOf(a, p, record.extractor.version);
  const copy = (story: number, how: "same-url" | "near-duplicate", sim: number | null, reason: string): StoreResult => {
    const id = Number(s.insertArticle.run({ ...base, status: "duplicate", skip_reason: reason, duplicate_of: story, similarity: sim, locality: null }).lastInsertRowid);
    source(story, how, sim, id);
    return { status: how === "same-url" ? "duplicate" : "near-duplicate", articleId: story, reason, counts: zeroCounts() };
  };
  // the same canonical URL is the same story: a newer body revises it, an older one is kept as a copy
  if (curl) {
    const byUrl = s.byUrl.get(curl) as { id: number; story: number } | undefined;
    if (byUrl) {
      const story = s.story.get(byUrl.story) as StoryRow | undefined;
      // only the URL's own story is revised (a copy's URL belongs to another page's story)
      if (story && byUrl.id === byUrl.story && story.status !== "duplicate" && notEarlier(a.published, story.published)) return reviseInTransaction(db, story, a, record, p);
      return copy(byUrl.story, "same-url", null, `same URL as article ${byUrl.story} (an earlier version)`);
    }
  }
  // near-duplicates: candidates share an LSH bucket, confirmed by the estimated Jaccard similarity
  const sig = p.sig;
  const bucketHashes = bands(sig);
  const shared = new Map<number, number>();
  bucketHashes.forEach((h, band) => { for (const id of s.bucket.all(band, h) as number[]) shared.set(id, (shared.get(id) ?? 0) + 1); });
  let best: { id: number; sim: number } | null = null;
  const cands = [...shared].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_CANDIDATES);
  for (const [id] of cands) {
    const row = s.sig.get(id) as { sig: Buffer } | undefined;
    if (!row) continue;
    const sim = similarity(sig, blobToSig(row.sig));
    if (sim >= NEAR_DUPLICATE && (!best || sim > best.sim)) best = { id, sim };
  }
  if (best) {
    const b = best as { id: number; sim: number };
    return copy(b.id, "near-duplicate", b.sim, `near-duplicate of article ${b.id} (estimated similarity ${b.sim.toFixed(2)})`);
  }

  const reason = p.skip;
  const loc = p.locality;
  const id = Number(s.insertArticle.run({ ...base, status: reason ? "skipped" : "stored", skip_reason: reason, duplicate_of: null, similarity: null, locality: loc?.name ?? null }).lastInsertRowid);
  if (loc) s.setMentions.run(loc.mentions, id);
  source(id, "primary", null, null);
  s.insertSig.run(id, sigToBlob(sig));
  bucketHashes.forEach((h, band) => s.insertBucket.run(band, h, id));
  indexArticleRow(db, id, p);
  if (reason) return { status: "skipped", articleId: id, reason, counts: zeroCounts() };
  const counts = writeFacts(db, id, record, p.factLines);
  return { status: "stored", articleId: id, counts };
}

interface StoryRow { id: number; source: string; title: string | null; published: string | null; text: string; body_start: number; body_hash: string; status: string; extractor_version: string | null }

/**
 * A story's body changed (the page was edited): the old text becomes a revision, the story takes the new
 * text, metadata, hash, MinHash and search rows, and its facts are replaced (left unresolved for the next
 * resolve). Nothing changes when the body is the same. Returns the story's id as articleId.
 */
export function reviseArticle(db: DB, storyId: number, article: Article, record: ExtractionRecord): StoreResult {
  return db.transaction(() => {
    const story = stmts(db).story.get(storyId) as StoryRow | undefined;
    if (!story) throw new Error(`article ${storyId} is not in the database`);
    if (story.status === "duplicate") throw new Error(`article ${storyId} is a copy, not a story`);
    return reviseInTransaction(db, story, article, record, prepareStore(article, record));
  })();
}

function reviseInTransaction(db: DB, story: StoryRow, a: Article, record: ExtractionRecord, p: StorePrep): StoreResult {
  const s = stmts(db);
  const id = story.id;
  if (story.body_hash === p.hash) return { status: "duplicate", articleId: id, reason: `same body as article ${id}`, counts: zeroCounts() };
  s.insertRevision.run(id, story.source, story.title, story.published, story.text, story.body_start, story.body_hash, story.extractor_version);
  const reason = p.skip;
  const loc = p.locality;
  s.updateArticle.run({ ...rowOf(a, p, record.extractor.version), id, status: reason ? "skipped" : "stored", skip_reason: reason, locality: loc?.name ?? null, mentions: loc?.mentions ?? null });
  if (s.updateSource.run(a.url, a.title, a.outlet, a.published, p.hash, id, a.source).changes === 0) {
    s.insertSource.run(id, a.source, a.url, a.title, a.outlet, a.published, p.hash, "same-url", null, null);
  }
  // the near-duplicate buckets follow the new body
  const old = s.sig.get(id) as { sig: Buffer } | undefined;
  if (old) bands(blobToSig(old.sig)).forEach((h, band) => s.deleteBucket.run(band, h, id));
  s.deleteSig.run(id);
  s.insertSig.run(id, sigToBlob(p.sig));
  bands(p.sig).forEach((h, band) => s.insertBucket.run(band, h, id));
  unindexArticle(db, id);
  indexArticleRow(db, id, p);
  deleteFacts(db, id);
  const base = { articleId: id, revised: true, reason: `revised: the body under this URL changed (earlier text kept in article_revisions)` };
  if (reason) return { ...base, status: "skipped", reason, counts: zeroCounts() };
  return { ...base, status: "stored", counts: writeFacts(db, id, record, p.factLines) };
}

function provArgs(p: Provenance | undefined): [number | null, number | null, number | null, string | null, number | null] {
  return p ? [p.sentence ?? null, p.start ?? null, p.end ?? null, p.rule ?? null, p.confidence ?? null] : [null, null, null, null, null];
}

/** Nearest cluster mentioned before `start` (the cluster a meeting report is about), else the first. */
function clusterBefore(record: ExtractionRecord, start: number): number | null {
  if (!record.clusters.length) return null;
  let best = 0;
  record.clusters.forEach((c, i) => { if (c.prov.start <= start) best = i; });
  return best;
}

/**
 * Inserts the facts of a record for an article (not yet resolved to entities), and the article's facts search row.
 * `lines` are the search lines of searchableFacts(record) when already computed (prepareStore).
 */
export function writeFacts(db: DB, articleId: number, record: ExtractionRecord, lines?: string[]): Record<string, number> {
  const s = stmts(db);
  const v = record.extractor.version;
  const counts = zeroCounts();
  const ids: Record<string, number[]> = {};
  const fact = (kind: FactKind, idx: number, p: Provenance | undefined): number => {
    counts[kind]!++;
    const id = Number(s.insertFact.run(articleId, kind, idx, ...provArgs(p), v).lastInsertRowid);
    (ids[kind] ??= [])[idx] = id;
    return id;
  };
  record.clusters.forEach((c, i) => {
    const id = fact("clusters", i, c.prov);
    s.cluster.run(id, c.kind, c.number, c.name, c.locality, c.system ?? null, c.declaredMembers ?? null, c.listedMembers ?? null);
  });
  record.members.forEach((m, i) => s.member.run(fact("members", i, m.prov), m.cluster, m.unit));
  record.roles.forEach((r, i) => s.role.run(fact("roles", i, r.prov), r.cluster, r.unit, r.role, r.year));
  record.officials.forEach((o, i) => {
    const id = fact("officials", i, o.prov);
    s.official.run(id, o.name, o.rank);
    o.titles.forEach((t, k) => s.title.run(id, k, t, nameKey(t), ...provArgs(o.titleProv?.[k])));
  });
  record.commitments.forEach((c, i) => s.commitment.run(fact("commitments", i, c.prov), c.cluster, c.year, c.text));
  record.awards.forEach((a, i) => s.award.run(fact("awards", i, a.prov), a.award, a.recipient, a.year, a.status));
  record.events.forEach((e, i) => s.event.run(fact("events", i, e.prov), e.type, e.date, e.location, clusterBefore(record, e.prov.start)));
  record.documents.forEach((d, i) => s.document.run(fact("documents", i, d.prov), d.kind, d.number, d.date, d.issuer ?? null));
  const facts = searchableFacts(record);
  const texts = lines && lines.length === facts.length ? lines : facts.map((f) => factLine(f.text));
  indexFactLines(db, articleId, facts.map((f, i) => [ids[f.kind]![f.idx]!, f.kind, texts[i]!]));
  return counts;
}

/** Removes an article's facts (and their search entries). */
export function deleteFacts(db: DB, articleId: number): void {
  const s = stmts(db);
  unindexFacts(db, articleId);
  s.deleteFacts.run(articleId);
}

/** Facts per kind held by stored articles (what the views show, before near-duplicate copies, which hold none). */
export function countFacts(db: DB): Record<FactKind, number> {
  const out = zeroCounts() as Record<FactKind, number>;
  for (const r of stmts(db).counts.all() as Array<{ kind: FactKind; n: number }>) out[r.kind] = r.n;
  return out;
}
