// The "core" schema: articles and their sources, facts (one table of provenance, one detail table per kind),
// canonical entities with aliases, near-duplicate buckets, search index, and the views of the view contract.
import type { Migration } from "./migrate.js";

const TABLES = `
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  url TEXT,
  canonical_url TEXT,
  title TEXT,
  published TEXT,
  outlet TEXT,
  author TEXT,
  format TEXT,
  text TEXT NOT NULL,
  body_start INTEGER NOT NULL DEFAULT 0,
  raw TEXT,
  extra TEXT,
  flags TEXT,
  status TEXT NOT NULL CHECK (status IN ('stored','skipped','duplicate')),
  skip_reason TEXT,
  duplicate_of INTEGER REFERENCES articles(id),
  similarity REAL,
  body_hash TEXT NOT NULL,
  locality TEXT,
  extractor_version TEXT,
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX articles_hash ON articles(body_hash);
CREATE INDEX articles_curl ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX articles_status ON articles(status);
CREATE INDEX articles_dup ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE article_sources (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  url TEXT,
  title TEXT,
  outlet TEXT,
  published TEXT,
  body_hash TEXT,
  how TEXT NOT NULL CHECK (how IN ('primary','same-body','same-url','near-duplicate')),
  similarity REAL,
  copy_id INTEGER REFERENCES articles(id),
  seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  UNIQUE (article_id, source)
);
CREATE INDEX article_sources_source ON article_sources(source);

CREATE TABLE minhash (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  sig BLOB NOT NULL
);
CREATE TABLE lsh_buckets (
  band INTEGER NOT NULL,
  hash INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;

CREATE TABLE clusters (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  number INTEGER,
  name TEXT NOT NULL,
  locality TEXT,
  system TEXT,
  core TEXT
);
CREATE INDEX clusters_block ON clusters(kind, number, system, locality);
CREATE TABLE cluster_aliases (
  cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  rule TEXT NOT NULL,
  evidence TEXT,
  PRIMARY KEY (cluster_id, alias)
);

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT,
  parent TEXT
);
CREATE TABLE unit_aliases (
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  rule TEXT NOT NULL,
  evidence TEXT,
  PRIMARY KEY (unit_id, alias)
);
CREATE TABLE unit_keys (
  key TEXT PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX unit_keys_unit ON unit_keys(unit_id);
CREATE TABLE resolve_state (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE unit_variants (
  variant TEXT NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  PRIMARY KEY (variant, unit_id)
) WITHOUT ROWID;

CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  name TEXT NOT NULL
);
CREATE INDEX persons_key ON persons(key);
CREATE TABLE person_aliases (
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  rule TEXT NOT NULL,
  evidence TEXT,
  PRIMARY KEY (person_id, alias)
);

-- One row per fact: where it is and who found it. Details per kind below.
CREATE TABLE facts (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  idx INTEGER NOT NULL,
  sentence_index INTEGER,
  start INTEGER,
  "end" INTEGER,
  rule TEXT,
  confidence REAL,
  extractor_version TEXT NOT NULL,
  skey TEXT,
  resolved INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX facts_article ON facts(article_id, kind);
CREATE INDEX facts_skey ON facts(kind, skey);
CREATE INDEX facts_unresolved ON facts(resolved) WHERE resolved = 0;

CREATE TABLE fact_clusters (
  fact_id INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, number INTEGER, name TEXT NOT NULL, locality TEXT, system TEXT,
  declared_members INTEGER, listed_members INTEGER,
  cluster_id INTEGER REFERENCES clusters(id)
);
CREATE INDEX fact_clusters_cluster ON fact_clusters(cluster_id);
CREATE TABLE fact_members (
  fact_id INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
  cluster_idx INTEGER, unit TEXT NOT NULL,
  cluster_id INTEGER REFERENCES clusters(id), unit_id INTEGER REFERENCES units(id)
);
CREATE INDEX fact_members_cluster ON fact_members(cluster_id, unit_id);
CREATE INDEX fact_members_unit ON fact_members(unit_id);
CREATE TABLE fact_roles (
  fact_id INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
  cluster_idx INTEGER, unit TEXT NOT NULL, role TEXT NOT NULL, year INTEGER,
  cluster_id INTEGER REFERENCES clusters(id), unit_id INTEGER REFERENCES units(id)
);
CREATE INDEX fact_roles_cluster ON fact_roles(cluster_id, unit_id);
CREATE INDEX fact_roles_unit ON fact_roles(unit_id);
CREATE TABLE fact_officials (
  fact_id INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
  name TEXT NOT NULL, rank TEXT,
  person_id INTEGER REFERENCES persons(id)
);
CREATE INDEX fact_officials_person ON fact_officials(person_id);
CREATE TABLE fact_titles (
  id INTEGER PRIMARY KEY,
  fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  sentence_index INTEGER, start INTEGER, "end" INTEGER, rule TEXT, confidence REAL
);
CREATE INDEX fact_titles_fact ON fact_titles(fact_id);
CREATE TABLE fact_commitments (
  fact_id INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
  cluster_idx INTEGER, year INTEGER, text TEXT NOT NULL,
  cluster_id INTEGER REFERENCES clusters(id)
);
CREATE INDEX fact_commitments_cluster ON fact_commitments(cluster_id);
CREATE TABLE fact_awards (
  fact_id INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
  award TEXT NOT NULL, recipient TEXT NOT NULL, year INTEGER, status TEXT NOT NULL,
  recipient_unit_id INTEGER REFERENCES units(id)
);
CREATE INDEX fact_awards_unit ON fact_awards(recipient_unit_id);
CREATE TABLE fact_events (
  fact_id INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
  type TEXT NOT NULL, date TEXT, location TEXT,
  cluster_idx INTEGER,
  cluster_id INTEGER REFERENCES clusters(id)
);
CREATE INDEX fact_events_cluster ON fact_events(cluster_id);
CREATE TABLE fact_documents (
  fact_id INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, number TEXT NOT NULL, date TEXT, issuer TEXT
);

-- How many distinct stories and outlets state the same fact (same canonical entities): refreshed by resolve.
CREATE TABLE fact_support (
  kind TEXT NOT NULL,
  skey TEXT NOT NULL,
  articles INTEGER NOT NULL,
  outlets INTEGER NOT NULL,
  PRIMARY KEY (kind, skey)
) WITHOUT ROWID;

-- Search: each text as written (NFC, tone placement unified) and folded (no diacritics).
-- rowid = article id for articles, -article id for the facts of that article.
CREATE VIRTUAL TABLE search_index USING fts5(
  kind UNINDEXED, article_id UNINDEXED, title, body, title_folded, body_folded,
  tokenize = "unicode61 remove_diacritics 0"
);

CREATE TABLE _meta_tables (name TEXT PRIMARY KEY, description TEXT NOT NULL);
CREATE TABLE _meta_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, description TEXT NOT NULL, PRIMARY KEY (table_name, column_name));
`;

// Columns every fact view starts with (article and provenance).
const ART = `a.id AS article_id, a.source, a.url, a.title, a.published, a.outlet`;
const PROV = `f.id AS fact_id, f.sentence_index, f.start, f."end", f.rule, f.confidence, f.extractor_version,
  coalesce(s.articles, 1) AS fact_articles, coalesce(s.outlets, CASE WHEN a.outlet IS NULL THEN 0 ELSE 1 END) AS fact_outlets`;
const FROM = (kind: string, detail: string) => `FROM facts f JOIN ${detail} d ON d.fact_id = f.id
  JOIN articles a ON a.id = f.article_id AND a.status = 'stored'
  LEFT JOIN fact_support s ON s.kind = '${kind}' AND s.skey = f.skey`;

const VIEWS = `
CREATE VIEW v_clusters AS SELECT ${ART}, ${PROV},
  d.cluster_id, c.name AS cluster, d.kind AS cluster_kind, d.number AS cluster_number, d.name AS cluster_surface,
  d.locality, d.system, d.declared_members, d.listed_members
  ${FROM("clusters", "fact_clusters")} LEFT JOIN clusters c ON c.id = d.cluster_id;

CREATE VIEW v_cluster_members AS SELECT ${ART}, ${PROV},
  d.cluster_id, c.name AS cluster, c.kind AS cluster_kind, c.number AS cluster_number,
  (SELECT fc.name FROM facts f2 JOIN fact_clusters fc ON fc.fact_id = f2.id WHERE f2.article_id = f.article_id AND f2.kind = 'clusters' AND f2.idx = d.cluster_idx) AS cluster_surface,
  d.unit_id, d.unit, u.name AS unit_canonical
  ${FROM("members", "fact_members")} LEFT JOIN clusters c ON c.id = d.cluster_id LEFT JOIN units u ON u.id = d.unit_id;

CREATE VIEW v_cluster_roles AS SELECT ${ART}, ${PROV},
  d.cluster_id, c.name AS cluster, d.unit_id, d.unit, u.name AS unit_canonical, d.role, d.year
  ${FROM("roles", "fact_roles")} LEFT JOIN clusters c ON c.id = d.cluster_id LEFT JOIN units u ON u.id = d.unit_id;

-- "title" is the official's title here (one row per person and title); the article's title is article_title.
CREATE VIEW v_officials AS SELECT a.id AS article_id, a.source, a.url, a.title AS article_title, a.published, a.outlet, f.id AS fact_id,
  coalesce(t.sentence_index, f.sentence_index) AS sentence_index, coalesce(t.start, f.start) AS start, coalesce(t."end", f."end") AS "end",
  coalesce(t.rule, f.rule) AS rule, coalesce(t.confidence, f.confidence) AS confidence, f.extractor_version,
  coalesce(s.articles, 1) AS fact_articles, coalesce(s.outlets, CASE WHEN a.outlet IS NULL THEN 0 ELSE 1 END) AS fact_outlets,
  d.person_id, d.name, d.rank, t.title, t.id AS title_id
  FROM facts f JOIN fact_officials d ON d.fact_id = f.id
  JOIN articles a ON a.id = f.article_id AND a.status = 'stored'
  LEFT JOIN fact_titles t ON t.fact_id = f.id
  LEFT JOIN fact_support s ON s.kind = 'titles' AND s.skey = (d.person_id || '|' || t.title_key);

CREATE VIEW v_commitments AS SELECT ${ART}, ${PROV},
  d.cluster_id, c.name AS cluster, d.year, d.text
  ${FROM("commitments", "fact_commitments")} LEFT JOIN clusters c ON c.id = d.cluster_id;

CREATE VIEW v_awards AS SELECT ${ART}, ${PROV},
  d.award, d.recipient, d.recipient_unit_id, u.name AS recipient_canonical, d.year, d.status
  ${FROM("awards", "fact_awards")} LEFT JOIN units u ON u.id = d.recipient_unit_id;

CREATE VIEW v_events AS SELECT ${ART}, ${PROV},
  d.cluster_id, c.name AS cluster, d.type, d.date, d.location
  ${FROM("events", "fact_events")} LEFT JOIN clusters c ON c.id = d.cluster_id;

CREATE VIEW v_documents AS SELECT ${ART}, ${PROV},
  d.kind, d.number, d.date, d.issuer
  ${FROM("documents", "fact_documents")};

-- Awards by recipient and year.
CREATE VIEW v_awards_by_recipient AS
  SELECT recipient_unit_id, coalesce(recipient_canonical, recipient) AS recipient, year, award, status,
    count(DISTINCT article_id) AS articles, count(DISTINCT outlet) AS outlets
  FROM v_awards GROUP BY recipient_unit_id, coalesce(recipient_canonical, recipient), year, award, status;

-- Cluster facts with the year they speak of (the stated year, else the date, else the publication year).
CREATE VIEW v_cluster_facts_by_year AS
  SELECT cluster_id, article_id, url, title, outlet, CAST(substr(published, 1, 4) AS INTEGER) AS year, 'member' AS what, unit_canonical AS unit FROM v_cluster_members WHERE cluster_id IS NOT NULL
  UNION ALL SELECT cluster_id, article_id, url, title, outlet, coalesce(year, CAST(substr(published, 1, 4) AS INTEGER)), role, unit_canonical FROM v_cluster_roles WHERE cluster_id IS NOT NULL
  UNION ALL SELECT cluster_id, article_id, url, title, outlet, coalesce(year, CAST(substr(published, 1, 4) AS INTEGER)), 'commitment', NULL FROM v_commitments WHERE cluster_id IS NOT NULL
  UNION ALL SELECT cluster_id, article_id, url, title, outlet, coalesce(CAST(substr(date, 1, 4) AS INTEGER), CAST(substr(published, 1, 4) AS INTEGER)), 'event', NULL FROM v_events WHERE cluster_id IS NOT NULL
  UNION ALL SELECT cluster_id, article_id, url, title, outlet, CAST(substr(published, 1, 4) AS INTEGER), 'mention', NULL FROM v_clusters WHERE cluster_id IS NOT NULL;

CREATE VIEW v_cluster_timeline AS
  SELECT c.id AS cluster_id, c.name AS cluster, c.kind AS cluster_kind, c.number AS cluster_number, c.locality, y.year,
    (SELECT group_concat(unit, '; ') FROM (SELECT DISTINCT unit FROM v_cluster_facts_by_year z WHERE z.cluster_id = c.id AND z.year IS y.year AND z.what = 'trưởng' ORDER BY unit)) AS leader,
    (SELECT group_concat(unit, '; ') FROM (SELECT DISTINCT unit FROM v_cluster_facts_by_year z WHERE z.cluster_id = c.id AND z.year IS y.year AND z.what = 'phó' ORDER BY unit)) AS deputy,
    (SELECT group_concat(unit, '; ') FROM (SELECT DISTINCT unit FROM v_cluster_facts_by_year z WHERE z.cluster_id = c.id AND z.year IS y.year AND z.what = 'member' ORDER BY unit)) AS members,
    y.articles, y.outlets,
    (SELECT json_group_array(json_object('article_id', id, 'url', url, 'title', title)) FROM (SELECT DISTINCT article_id AS id, url, title FROM v_cluster_facts_by_year z WHERE z.cluster_id = c.id AND z.year IS y.year ORDER BY article_id)) AS sources
  FROM clusters c JOIN (SELECT cluster_id, year, count(DISTINCT article_id) AS articles, count(DISTINCT outlet) AS outlets FROM v_cluster_facts_by_year GROUP BY cluster_id, year) y ON y.cluster_id = c.id;

CREATE VIEW v_person_titles AS
  SELECT o.person_id, p.name,
    -- the fullest way the post was written
    (SELECT t2.title FROM fact_officials o2 JOIN fact_titles t2 ON t2.fact_id = o2.fact_id
      WHERE o2.person_id = o.person_id AND t2.title_key = t.title_key ORDER BY length(t2.title) DESC, t2.id LIMIT 1) AS title,
    min(o.published) AS first_seen, max(o.published) AS last_seen,
    count(DISTINCT o.article_id) AS articles, count(DISTINCT o.outlet) AS outlets
  FROM v_officials o JOIN persons p ON p.id = o.person_id
  JOIN fact_titles t ON t.id = o.title_id
  GROUP BY o.person_id, t.title_key;

-- Every article a story was seen as (the story's own article and every copy).
CREATE VIEW v_story_sources AS
  SELECT s.article_id, a.title AS story_title, s.source, s.url, s.title, s.outlet, s.published, s.how, s.similarity
  FROM article_sources s JOIN articles a ON a.id = s.article_id;
`;

const VIEW_NAMES = [...VIEWS.matchAll(/CREATE VIEW (\w+)/g)].map((m) => m[1]!);
/** Views are replaced whole: a later migration that changes them drops every view first. */
const REPLACE_VIEWS = VIEW_NAMES.map((v) => `DROP VIEW IF EXISTS ${v};`).reverse().join("\n") + VIEWS;

export const CORE_MIGRATIONS: Migration[] = [
  { version: 1, name: "articles, facts, entities, search", sql: TABLES },
  { version: 2, name: "fact views", sql: REPLACE_VIEWS },
  { version: 3, name: "fact views: v_person_titles names its columns", sql: REPLACE_VIEWS },
  { version: 4, name: "fact views: v_officials.title is the official's title, article_title the article's", sql: REPLACE_VIEWS },
  { version: 5, name: "articles.locality_mentions", sql: "ALTER TABLE articles ADD COLUMN locality_mentions INTEGER;" },
  { version: 6, name: "person_merges", sql: `CREATE TABLE person_merges (
    person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    alias TEXT NOT NULL, rule TEXT NOT NULL, evidence TEXT);
    CREATE INDEX person_merges_person ON person_merges(person_id);` },
  { version: 8, name: "search index without a copy of the texts (contentless FTS5; rebuilt from the articles on open)", sql: `
    DROP TABLE search_index;
    CREATE VIRTUAL TABLE search_index USING fts5(
      kind UNINDEXED, article_id UNINDEXED, title, body, title_folded, body_folded,
      tokenize = "unicode61 remove_diacritics 0", content = "", contentless_delete = 1, contentless_unindexed = 1);
    CREATE TABLE IF NOT EXISTS _pending (task TEXT PRIMARY KEY);
    INSERT OR IGNORE INTO _pending (task) VALUES ('rebuild search index');` },
  { version: 7, name: "fact views: v_person_titles shows the fullest spelling of each post", sql: REPLACE_VIEWS },
  { version: 9, name: "article_revisions: earlier texts of a story whose body changed under the same URL", sql: `
    CREATE TABLE article_revisions (
      id INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      source TEXT,
      title TEXT,
      published TEXT,
      text TEXT NOT NULL,
      body_start INTEGER NOT NULL,
      body_hash TEXT NOT NULL,
      extractor_version TEXT,
      replaced_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
    );
    CREATE INDEX article_revisions_article ON article_revisions(article_id);
    CREATE INDEX article_revisions_hash ON article_revisions(body_hash);` },
  { version: 10, name: "search index rows numbered 2·id (article) and 2·id + 1 (its facts), increasing as articles are stored (rebuilt on open)", sql: `
    CREATE TABLE IF NOT EXISTS _pending (task TEXT PRIMARY KEY);
    INSERT OR IGNORE INTO _pending (task) VALUES ('rebuild search index');` },
];

/** Names of the fact views (for export and the README). */
export const FACT_VIEWS = ["v_clusters", "v_cluster_members", "v_cluster_roles", "v_officials", "v_commitments", "v_awards", "v_events", "v_documents"] as const;
