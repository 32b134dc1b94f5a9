// Descriptions of the tables, views and columns, kept in the database (_meta_tables, _meta_columns) and
// exported as Datasette metadata.json.
import type { DB } from "./db.js";

const ARTICLE_COLS: Record<string, string> = {
  article_id: "Id of the story's primary article (articles.id)",
  source: "File path or URL the article was read from",
  url: "URL of the article", title: "Headline", published: "Publication date/time (ISO 8601)", outlet: "Newspaper or site",
  fact_id: "Id of the fact (facts.id)", sentence_index: "Index of the sentence in the article (splitSentences of the normalised text)",
  start: "Start offset of the fact in articles.text (UTF-16)", end: "End offset (exclusive)", rule: "Extraction rule that found the fact",
  confidence: "Confidence of the rule, 0..1", extractor_version: "Version of the extractor that produced the fact",
  fact_articles: "Distinct stories that state the same fact (1 = single source)", fact_outlets: "Distinct outlets that state the same fact",
};

export const TABLES: Record<string, { description: string; columns?: Record<string, string> }> = {
  articles: { description: "One row per article read: stored (facts extracted), skipped (not about emulation clusters; see skip_reason) or duplicate (a near-duplicate or re-edited copy of the story duplicate_of).", columns: {
    id: "Article id", text: "Cleaned text as the page wrote it (title paragraph, blank line, body)", raw: "Raw page (HTML) when there was one",
    status: "stored | skipped | duplicate", skip_reason: "Why the article was skipped or which story it copies", body_hash: "sha-256 of the normalised body",
    canonical_url: "Canonical URL (one story)", locality: "Province the article is mostly about (evidence for resolving clusters)", duplicate_of: "The story this copy belongs to" } },
  article_sources: { description: "Every source one story was seen as: its own article, exact copies, same-URL versions and near-duplicates.", columns: {
    how: "primary | same-body | same-url | near-duplicate", similarity: "Estimated Jaccard similarity (MinHash) to the story", copy_id: "The copy's own article row, when it differs" } },
  facts: { description: "One row per extracted fact with its provenance; details in fact_<kind>.", columns: { kind: "clusters, members, roles, officials, commitments, awards, events or documents", skey: "Key of the fact over canonical entities (same skey = same fact)" } },
  clusters: { description: "Canonical emulation clusters (cụm) and blocs (khối): kind, number, system and locality.", columns: { key: "Resolution key: kind|number|system|locality (or the name without a number)", system: "System (MTTQ, Công an, …)", locality: "Province, or 'toàn quốc'" } },
  units: { description: "Canonical units (agencies, localities, organisations) named as members, leaders or award recipients.", columns: { key: "Comparison key (abbreviations expanded, tone placement and case unified)", parent: "Province the name places the unit in" } },
  persons: { description: "Canonical persons named with a post.", columns: { key: "Comparison key of the name" } },
  cluster_aliases: { description: "Names a cluster was written as, how often, and the rule and evidence that merged each." },
  unit_aliases: { description: "Names a unit was written as, how often, and the rule and evidence that merged each." },
  person_aliases: { description: "Names a person was written as, how often, and the rule and evidence that merged each." },
  person_merges: { description: "Each mention joined to a known person: the rule (same-name-same-post, same-name-same-place, same-name-no-conflict) and the evidence." },
  unit_keys: { description: "Every comparison key a unit is known by (exact lookups)." },
  unit_variants: { description: "Keys with one word replaced by *: candidates for one-letter typo merges." },
  article_revisions: { description: "Earlier texts of a story whose body changed under the same canonical URL (a re-fetched or re-ingested edited article): the story keeps the newest text and facts, each older text is kept here.", columns: {
    article_id: "The story", text: "The text before it was replaced", body_hash: "sha-256 of that normalised body", extractor_version: "Extractor version of the facts that text had", replaced_at: "When the newer text replaced it" } },
  lsh_buckets: { description: "MinHash LSH buckets (16 bands of 6 rows) of each story's body, to find near-duplicates." },
    fact_support: { description: "For each fact key, the number of distinct stories and outlets stating it." },
  search_index: { description: "FTS5 index of articles (rowid = 2 × article id, kind 'article') and of each article's facts (rowid = 2 × article id + 1, kind = the facts as JSON); *_folded columns have diacritics removed. Contentless: the texts stay in articles and the fact tables." },
  v_clusters: { description: "Cluster mentions, one row per mention, with the canonical cluster.", columns: { ...ARTICLE_COLS, cluster_id: "Canonical cluster id", cluster: "Canonical cluster name", cluster_surface: "As written" } },
  v_cluster_members: { description: "Members of clusters, one row per member fact.", columns: { ...ARTICLE_COLS, cluster_id: "Canonical cluster id", cluster: "Canonical cluster name", cluster_kind: "cụm or khối", cluster_number: "Number of the cluster", cluster_surface: "Cluster name as written", unit_id: "Canonical unit id", unit: "Unit as written", unit_canonical: "Canonical unit name" } },
  v_cluster_roles: { description: "Leaders (trưởng) and deputies (phó) of clusters by year.", columns: { ...ARTICLE_COLS, cluster_id: "Canonical cluster id", cluster: "Canonical cluster name", unit_id: "Canonical unit id", unit: "Unit as written", unit_canonical: "Canonical unit name", role: "trưởng or phó", year: "Year the role is held" } },
  v_officials: { description: "Officials: one row per (person, title) in an article. Here `title` is the official's title and `article_title` the article's.", columns: { ...ARTICLE_COLS, article_title: "Headline of the article", person_id: "Canonical person id", name: "Name as written", rank: "Military/police rank or degree", title: "The official's title as written" } },
  v_commitments: { description: "Items of covenants signed by clusters.", columns: { ...ARTICLE_COLS, cluster_id: "Canonical cluster id", cluster: "Canonical cluster name", year: "Year of the covenant", text: "The item as written" } },
  v_awards: { description: "Awards and titles with their recipients.", columns: { ...ARTICLE_COLS, award: "Award as written", recipient: "Recipient as written", recipient_unit_id: "Canonical unit of the recipient", year: "Year of the achievement", status: "proposed, conferred or registered" } },
  v_events: { description: "Meetings reported (signing, review, launch, other).", columns: { ...ARTICLE_COLS, cluster_id: "Cluster the meeting is about (nullable)", type: "signing, review, launch or other", date: "YYYY-MM-DD", location: "Where" } },
  v_documents: { description: "Numbered documents cited.", columns: { ...ARTICLE_COLS, kind: "Kế hoạch, Quyết định, …", number: "Document number", date: "YYYY-MM-DD", issuer: "Issuing body" } },
  v_awards_by_recipient: { description: "Awards grouped by canonical recipient, year, award and status, with distinct articles and outlets." },
  v_cluster_timeline: { description: "One row per (cluster, year): leader, deputy, members, and the articles that say so.", columns: { leader: "Leading unit(s), '; '-joined", deputy: "Deputy unit(s)", members: "Member units, '; '-joined", articles: "Distinct articles", outlets: "Distinct outlets", sources: "JSON array of {article_id, url, title}" } },
  v_person_titles: { description: "One row per (person, title) with when it was first and last seen.", columns: { first_seen: "Earliest publication date", last_seen: "Latest publication date", articles: "Distinct articles", outlets: "Distinct outlets" } },
  v_story_sources: { description: "Every source of every story (article_sources with the story's title)." },
};

/** (Re)writes the descriptions into _meta_tables and _meta_columns. */
export function writeMetadata(db: DB): void {
  const t = db.prepare("INSERT OR REPLACE INTO _meta_tables (name, description) VALUES (?, ?)");
  const c = db.prepare("INSERT OR REPLACE INTO _meta_columns (table_name, column_name, description) VALUES (?, ?, ?)");
  db.transaction(() => {
    for (const [name, m] of Object.entries(TABLES)) {
      t.run(name, m.description);
      for (const [col, d] of Object.entries(m.columns ?? {})) c.run(name, col, d);
    }
  })();
}

/** Datasette metadata.json built from the metadata tables of the database. */
export function datasetteMetadata(db: DB, dbName: string): unknown {
  const tables: Record<string, { description: string; columns?: Record<string, string> }> = {};
  for (const r of db.prepare("SELECT name, description FROM _meta_tables ORDER BY name").all() as Array<{ name: string; description: string }>) tables[r.name] = { description: r.description };
  for (const r of db.prepare("SELECT table_name, column_name, description FROM _meta_columns ORDER BY table_name, column_name").all() as Array<{ table_name: string; column_name: string; description: string }>) {
    const t = (tables[r.table_name] ??= { description: "" });
    (t.columns ??= {})[r.column_name] = r.description;
  }
  return {
    title: "thidua: emulation clusters in the Vietnamese press",
    description: "Facts extracted from Vietnamese press coverage of emulation clusters (cụm thi đua) and blocs (khối thi đua), with provenance.",
    databases: { [dbName]: { tables } },
  };
}
