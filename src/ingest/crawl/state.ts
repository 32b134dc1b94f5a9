// The crawl's own tables: runs, the frontier (one row per URL with its HTTP validators and state),
// the fetch history, the robots.txt cache and the revisions of articles.
import type { DB } from "../../store/db.js";
import { migrate, type Migration } from "../../store/migrate.js";

export const CRAWL_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "frontier, fetches, robots, runs, revisions",
    sql: `
CREATE TABLE crawl_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  state TEXT NOT NULL,            -- running | interrupted | done
  config TEXT,
  summary TEXT
);
CREATE TABLE crawl_frontier (
  url TEXT PRIMARY KEY,
  outlet TEXT NOT NULL,
  host TEXT NOT NULL,
  kind TEXT NOT NULL,             -- start | listing | article | feed | sitemap
  depth INTEGER NOT NULL,
  state TEXT NOT NULL,            -- queued | done | failed | blocked | filtered
  hint TEXT,                      -- link text or title known before fetching
  lastmod TEXT,                   -- from a sitemap or feed
  discovered_at TEXT NOT NULL,
  fetched_at TEXT,
  fetched_run INTEGER,
  status INTEGER,
  etag TEXT,
  last_modified TEXT,
  body_hash TEXT,
  final_url TEXT,
  article_id INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  reason TEXT,
  retryable INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX crawl_frontier_queue ON crawl_frontier (state, outlet, depth);
CREATE TABLE crawl_fetches (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  outlet TEXT,
  at TEXT NOT NULL,
  status INTEGER,
  ms INTEGER,
  bytes INTEGER,
  result TEXT NOT NULL,           -- new | changed | unchanged | not-modified | fetched | filtered | failed
  reason TEXT
);
CREATE INDEX crawl_fetches_url ON crawl_fetches (url);
CREATE INDEX crawl_fetches_run ON crawl_fetches (run_id);
CREATE TABLE crawl_robots (
  origin TEXT PRIMARY KEY,
  fetched_at TEXT NOT NULL,
  status INTEGER,
  body TEXT
);
CREATE TABLE crawl_revisions (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL,
  run_id INTEGER NOT NULL,
  fetched_at TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  article_id INTEGER,
  store_status TEXT,
  title TEXT,
  text TEXT NOT NULL
);
CREATE INDEX crawl_revisions_url ON crawl_revisions (url);
`,
  },
];

export function migrateCrawl(db: DB): void {
  migrate(db, "crawl", CRAWL_MIGRATIONS);
}

export type Kind = "start" | "listing" | "article" | "feed" | "sitemap";
export type State = "queued" | "done" | "failed" | "blocked" | "filtered";

export interface FrontierRow {
  url: string; outlet: string; host: string; kind: Kind; depth: number; state: State;
  hint: string | null; lastmod: string | null; fetched_at: string | null; fetched_run: number | null;
  etag: string | null; last_modified: string | null; body_hash: string | null; attempts: number;
  /** The story stored from this page (SELECT * reads it). */
  article_id: number | null;
}

export interface Run { id: number; startedAt: string; resumed: boolean }

/** Continues the last run if it did not finish (killed or interrupted), else starts a new one. */
export function openRun(db: DB, config: string, fresh: boolean): Run {
  const last = db.prepare("SELECT id, started_at, state FROM crawl_runs ORDER BY id DESC LIMIT 1").get() as { id: number; started_at: string; state: string } | undefined;
  if (last && last.state !== "done" && !fresh) {
    db.prepare("UPDATE crawl_runs SET state = 'running' WHERE id = ?").run(last.id);
    return { id: last.id, startedAt: last.started_at, resumed: true };
  }
  if (last && last.state !== "done") db.prepare("UPDATE crawl_runs SET state = 'done', ended_at = ? WHERE id = ?").run(new Date().toISOString(), last.id);
  const startedAt = new Date().toISOString();
  const id = Number(db.prepare("INSERT INTO crawl_runs (started_at, state, config) VALUES (?, 'running', ?)").run(startedAt, config).lastInsertRowid);
  // failures that may pass (timeouts, 5xx, 429) are tried again in a new run
  db.prepare("UPDATE crawl_frontier SET state = 'queued', attempts = 0 WHERE state = 'failed' AND retryable = 1").run();
  return { id, startedAt, resumed: false };
}

export function endRun(db: DB, run: Run, state: "done" | "interrupted", summary: unknown): void {
  db.prepare("UPDATE crawl_runs SET state = ?, ended_at = ?, summary = ? WHERE id = ?").run(state, new Date().toISOString(), JSON.stringify(summary), run.id);
}
