// Read-only data access for the web pages, written against the view contract (v_* views) and the
// canonical tables clusters, units, persons, articles. Nothing here writes.
import type Database from "better-sqlite3";
import { openReadOnly as openStoreReadOnly } from "../store/db.js";

export type DB = Database.Database;
type Id = number | string;

/** Opens an existing database read-only (the store's checks: exists, opens, has articles); query_only on top. */
export function openReadOnly(path: string): DB {
  const db = openStoreReadOnly(path);
  db.pragma("query_only = ON");
  return db;
}

/** Ids in URLs are numbers when they look like numbers, so they compare equal to INTEGER keys. */
export function idParam(raw: string): Id | null {
  if (/^\d{1,15}$/.test(raw)) return Number(raw);
  if (/^[\w.:-]{1,200}$/u.test(raw)) return raw;
  return null;
}

export function hasRelation(db: DB, name: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = ? AND type IN ('table','view')").get(name);
}

/** Names of the contract relations this database lacks (shown on the pages instead of failing). */
export function missingRelations(db: DB): string[] {
  const need = ["articles", "clusters", "units", "persons", "v_cluster_members", "v_cluster_roles", "v_officials", "v_commitments", "v_awards", "v_events", "v_documents", "v_cluster_timeline", "v_person_titles"];
  return need.filter((n) => !hasRelation(db, n));
}

export interface ArticleCols { article_id: Id; source: string; url: string | null; title: string | null; published: string | null; outlet: string | null }
export interface ProvCols { fact_id: Id; sentence_index: number | null; start: number; end: number; rule: string | null; confidence: number | null; extractor_version: string | null }
export type FactRow = ArticleCols & ProvCols;

// Entity columns are null until entity resolution has run on a fact.
export interface MemberRow extends FactRow { cluster_id: Id | null; cluster: string | null; cluster_kind: string | null; cluster_number: number | null; cluster_surface: string | null; unit_id: Id | null; unit: string; unit_canonical: string | null }
export interface RoleRow extends FactRow { cluster_id: Id | null; cluster: string | null; unit_id: Id | null; unit: string; unit_canonical: string | null; role: string; year: number | null }
export interface OfficialRow extends FactRow { person_id: Id | null; name: string; rank: string | null; title: string; article_title?: string | null }
export interface CommitmentRow extends FactRow { cluster_id: Id | null; cluster: string | null; year: number | null; text: string }
export interface AwardRow extends FactRow { award: string; recipient: string; recipient_unit_id: Id | null; year: number | null; status: string }
export interface EventRow extends FactRow { cluster_id: Id | null; type: string; date: string | null; location: string | null }
export interface DocumentRow extends FactRow { kind: string; number: string; date: string | null; issuer: string | null }
export interface TimelineRow { cluster_id: Id; cluster: string; cluster_kind: string; cluster_number: number | null; locality: string | null; year: number | null; leader: string | null; deputy: string | null; members: string | null; articles: number; outlets: number; sources: string | null }
export interface PersonTitleRow { person_id: Id; name: string; title: string; first_seen: string | null; last_seen: string | null; articles: number; outlets: number }
export interface ClusterRow { id: Id; kind: string; number: number | null; name: string; locality: string | null; system: string | null }
export interface UnitRow { id: Id; name: string; kind: string | null }
export interface PersonRow { id: Id; name: string }
export interface ArticleRow { id: Id; source: string; url: string | null; title: string | null; published: string | null; outlet: string | null; author: string | null; text: string; status: string | null; skip_reason: string | null; duplicate_of?: Id | null }

const ORDER = "ORDER BY published, article_id, start";

function all<T>(db: DB, sql: string, ...params: unknown[]): T[] {
  return db.prepare(sql).all(...params) as T[];
}

// ---- clusters list ----

export interface ClusterFilters { kind?: string; locality?: string; year?: number }
export interface ClusterListItem extends ClusterRow { years: string | null; articles: number; outlets: number }

/** Every fact that names a cluster; mentions (v_clusters, when the store has it) count as support too. */
function clusterFacts(db: DB): string {
  return `SELECT cluster_id, article_id, outlet FROM v_cluster_members
  UNION ALL SELECT cluster_id, article_id, outlet FROM v_cluster_roles
  UNION ALL SELECT cluster_id, article_id, outlet FROM v_commitments
  UNION ALL SELECT cluster_id, article_id, outlet FROM v_events WHERE cluster_id IS NOT NULL
  ${hasRelation(db, "v_clusters") ? "UNION ALL SELECT cluster_id, article_id, outlet FROM v_clusters" : ""}`;
}

export function listClusters(db: DB, f: ClusterFilters): { clusters: ClusterListItem[]; support: Array<{ article_id: Id; outlet: string | null }> } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.kind) { where.push("kind = ?"); params.push(f.kind); }
  if (f.locality) { where.push("locality = ?"); params.push(f.locality); }
  const rows = all<ClusterRow>(db, `SELECT id, kind, number, name, locality, system FROM clusters ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY locality IS NULL, locality, kind, number IS NULL, number, name`, ...params);
  // one pass over the timeline and one over the facts, joined here: the views are too heavy to query per cluster
  const years = new Map<string, Set<number>>();
  for (const t of all<{ cluster_id: Id; year: number }>(db, "SELECT DISTINCT cluster_id, year FROM v_cluster_timeline WHERE year IS NOT NULL")) {
    const k = String(t.cluster_id);
    years.set(k, (years.get(k) ?? new Set()).add(t.year));
  }
  const facts = all<{ cluster_id: Id; article_id: Id; outlet: string | null }>(db, `SELECT DISTINCT cluster_id, article_id, outlet FROM (${clusterFacts(db)}) WHERE cluster_id IS NOT NULL`);
  const byCluster = new Map<string, Array<{ article_id: Id; outlet: string | null }>>();
  for (const r of facts) {
    const k = String(r.cluster_id);
    const list = byCluster.get(k);
    if (list) list.push(r); else byCluster.set(k, [r]);
  }
  const clusters = rows
    .filter((c) => !f.year || years.get(String(c.id))?.has(f.year))
    .map((c) => {
      const sup = byCluster.get(String(c.id)) ?? [];
      return {
        ...c,
        years: [...(years.get(String(c.id)) ?? [])].sort((a, b) => a - b).join(", ") || null,
        articles: new Set(sup.map((r) => String(r.article_id))).size,
        outlets: new Set(sup.map((r) => r.outlet).filter(Boolean)).size,
      };
    });
  const support = clusters.flatMap((c) => byCluster.get(String(c.id)) ?? []);
  return { clusters, support };
}

export function clusterFilterOptions(db: DB): { kinds: string[]; localities: string[]; years: number[] } {
  const col = <T>(sql: string) => db.prepare(sql).pluck().all() as T[];
  return {
    kinds: col<string>("SELECT DISTINCT kind FROM clusters WHERE kind IS NOT NULL ORDER BY kind"),
    localities: col<string>("SELECT DISTINCT locality FROM clusters WHERE locality IS NOT NULL ORDER BY locality"),
    years: col<number>("SELECT DISTINCT year FROM v_cluster_timeline WHERE year IS NOT NULL ORDER BY year"),
  };
}

// ---- one cluster ----

/** A mention of a cluster in an article (store view v_clusters). */
export interface MentionRow extends FactRow { cluster_id: Id | null; cluster: string | null; cluster_kind: string | null; cluster_number: number | null; cluster_surface: string | null }

function mentions(db: DB, key: "cluster_id" | "article_id", id: Id): MentionRow[] {
  if (!hasRelation(db, "v_clusters")) return [];
  return all<MentionRow>(db, `SELECT * FROM v_clusters WHERE ${key} = ? ${ORDER}`, id);
}

export interface ClusterPage {
  cluster: ClusterRow;
  timeline: TimelineRow[];
  members: MemberRow[];
  roles: RoleRow[];
  commitments: CommitmentRow[];
  events: EventRow[];
  mentions: MentionRow[];
  articles: ArticleCols[];
}

export function clusterPage(db: DB, id: Id): ClusterPage | null {
  const cluster = db.prepare("SELECT id, kind, number, name, locality, system FROM clusters WHERE id = ?").get(id) as ClusterRow | undefined;
  if (!cluster) return null;
  const members = all<MemberRow>(db, `SELECT * FROM v_cluster_members WHERE cluster_id = ? ${ORDER}`, id);
  const roles = all<RoleRow>(db, `SELECT * FROM v_cluster_roles WHERE cluster_id = ? ORDER BY year, role DESC, published, start`, id);
  const commitments = all<CommitmentRow>(db, `SELECT * FROM v_commitments WHERE cluster_id = ? ORDER BY year, published, start`, id);
  const events = all<EventRow>(db, `SELECT * FROM v_events WHERE cluster_id = ? ORDER BY date, published, start`, id);
  const timeline = all<TimelineRow>(db, "SELECT * FROM v_cluster_timeline WHERE cluster_id = ? ORDER BY year", id);
  const named = mentions(db, "cluster_id", id);
  return { cluster, timeline, members, roles, commitments, events, mentions: named, articles: distinctArticles([...members, ...roles, ...commitments, ...events, ...named]) };
}

export function distinctArticles(rows: ArticleCols[]): ArticleCols[] {
  const seen = new Map<string, ArticleCols>();
  for (const r of rows) if (!seen.has(String(r.article_id))) seen.set(String(r.article_id), { article_id: r.article_id, source: r.source, url: r.url, title: r.title, published: r.published, outlet: r.outlet });
  return [...seen.values()].sort((a, b) => (a.published ?? "").localeCompare(b.published ?? "") || String(a.article_id).localeCompare(String(b.article_id)));
}

// ---- unit ----

export interface UnitPage { unit: UnitRow; members: MemberRow[]; roles: RoleRow[]; awards: AwardRow[]; aliases: Array<{ alias: string; count: number }> }

export function unitPage(db: DB, id: Id): UnitPage | null {
  const unit = db.prepare("SELECT * FROM units WHERE id = ?").get(id) as UnitRow | undefined;
  if (!unit) return null;
  return {
    unit,
    members: all<MemberRow>(db, `SELECT * FROM v_cluster_members WHERE unit_id = ? ${ORDER}`, id),
    roles: all<RoleRow>(db, "SELECT * FROM v_cluster_roles WHERE unit_id = ? ORDER BY year, published, start", id),
    awards: all<AwardRow>(db, "SELECT * FROM v_awards WHERE recipient_unit_id = ? ORDER BY year, published, start", id),
    aliases: aliasesOf(db, "unit", id),
  };
}

/** Aliases of an entity, when the store keeps them in <entity>_aliases(<entity>_id, alias, count). */
function aliasesOf(db: DB, entity: "unit" | "person" | "cluster", id: Id): Array<{ alias: string; count: number }> {
  const table = `${entity}_aliases`;
  if (!hasRelation(db, table)) return [];
  const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
  const key = [`${entity}_id`, "entity_id", "id"].find((k) => cols.includes(k));
  if (!key || !cols.includes("alias")) return [];
  const count = cols.includes("count") ? "count" : "1";
  return all(db, `SELECT alias, ${count} AS count FROM ${table} WHERE ${key} = ? ORDER BY ${count} DESC, alias`, id);
}

// ---- person ----

export interface PersonPage { person: PersonRow; titles: PersonTitleRow[]; officials: Array<OfficialRow & { article_title: string | null }>; aliases: Array<{ alias: string; count: number }> }

export function personPage(db: DB, id: Id): PersonPage | null {
  const person = db.prepare("SELECT * FROM persons WHERE id = ?").get(id) as PersonRow | undefined;
  if (!person) return null;
  const mentions = officials(db, "person_id", id);
  let titles: PersonTitleRow[];
  try {
    titles = all<PersonTitleRow>(db, "SELECT * FROM v_person_titles WHERE person_id = ? ORDER BY first_seen, title", id);
  } catch {
    titles = titlesFrom(mentions); // a database whose v_person_titles cannot be read: the same summary from the mentions
  }
  return { person, titles, officials: mentions, aliases: aliasesOf(db, "person", id) };
}

/** Titles over time from a person's mentions: first and last publication date, distinct articles and outlets. */
export function titlesFrom(rows: OfficialRow[]): PersonTitleRow[] {
  const by = new Map<string, { row: PersonTitleRow; articles: Set<string>; outlets: Set<string> }>();
  for (const r of rows) {
    if (!r.title) continue;
    const e = by.get(r.title) ?? { row: { person_id: r.person_id ?? "", name: r.name, title: r.title, first_seen: r.published, last_seen: r.published, articles: 0, outlets: 0 }, articles: new Set<string>(), outlets: new Set<string>() };
    if (r.published && (!e.row.first_seen || r.published < e.row.first_seen)) e.row.first_seen = r.published;
    if (r.published && (!e.row.last_seen || r.published > e.row.last_seen)) e.row.last_seen = r.published;
    e.articles.add(String(r.article_id));
    if (r.outlet) e.outlets.add(r.outlet);
    by.set(r.title, e);
  }
  return [...by.values()].map((e) => ({ ...e.row, articles: e.articles.size, outlets: e.outlets.size }))
    .sort((a, b) => (a.first_seen ?? "").localeCompare(b.first_seen ?? "") || a.title.localeCompare(b.title, "vi"));
}

/**
 * The contract gives v_officials two "title" columns (the article's and the official's). SQLite renames
 * the second one "title:1" in a view; a store may also call it official_title. The article's title is
 * always taken from articles.
 */
function officialTitleColumn(db: DB): string {
  const cols = (db.prepare("PRAGMA table_info(v_officials)").all() as Array<{ name: string }>).map((c) => c.name);
  return ["title:1", "official_title", "title"].find((c) => cols.includes(c)) ?? "title";
}

function officials(db: DB, key: "person_id" | "article_id", id: Id): Array<OfficialRow & { article_title: string | null }> {
  const col = officialTitleColumn(db).replace(/"/g, '""');
  return all<OfficialRow & { article_title: string | null }>(db,
    `SELECT o.*, o."${col}" AS title, a.title AS article_title FROM v_officials o LEFT JOIN articles a ON a.id = o.article_id
     WHERE o.${key} = ? ORDER BY o.published, o.article_id, o.start`, id);
}

// ---- article ----

export interface ArticleFacts {
  members: MemberRow[]; roles: RoleRow[]; officials: OfficialRow[]; commitments: CommitmentRow[];
  awards: AwardRow[]; events: EventRow[]; documents: DocumentRow[]; clusters: MentionRow[];
}

export function articleRow(db: DB, id: Id): ArticleRow | null {
  return (db.prepare("SELECT * FROM articles WHERE id = ?").get(id) as ArticleRow | undefined) ?? null;
}

export function articleFacts(db: DB, id: Id): ArticleFacts {
  const q = <T>(view: string) => all<T>(db, `SELECT * FROM ${view} WHERE article_id = ? ORDER BY start`, id);
  return {
    members: q<MemberRow>("v_cluster_members"), roles: q<RoleRow>("v_cluster_roles"), officials: officials(db, "article_id", id),
    commitments: q<CommitmentRow>("v_commitments"), awards: q<AwardRow>("v_awards"), events: q<EventRow>("v_events"),
    documents: q<DocumentRow>("v_documents"), clusters: mentions(db, "article_id", id),
  };
}

export interface StorySource { source: string; url: string | null; title: string | null; outlet: string | null; published: string | null; how: string | null; similarity: number | null; copy_id: Id | null }

/** Every source one story was seen as (the store's article_sources), primary first; empty when not kept. */
export function storySources(db: DB, id: Id): StorySource[] {
  if (!hasRelation(db, "article_sources")) return [];
  const cols = new Set((db.prepare("PRAGMA table_info(article_sources)").all() as Array<{ name: string }>).map((c) => c.name));
  if (!cols.has("article_id") || !cols.has("source")) return [];
  const pick = (c: string) => (cols.has(c) ? c : `NULL AS ${c}`);
  return all<StorySource>(db, `SELECT source, ${["url", "title", "outlet", "published", "how", "similarity", "copy_id"].map(pick).join(", ")}
    FROM article_sources WHERE article_id = ? ORDER BY ${cols.has("how") ? "how <> 'primary'," : ""} source`, id);
}
