// Opening the database: the writer (WAL, foreign keys, busy timeout, schema brought up to date)
// and read-only connections for every query path.
import Database from "better-sqlite3";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { migrate } from "./migrate.js";
import { CORE_MIGRATIONS } from "./schema.js";
import { writeMetadata } from "./meta.js";
import { rebuildSearchIndex } from "./search.js";

export type DB = Database.Database;

export const DEFAULT_DB = "data/thidua.sqlite";

export function dbPath(opt?: string): string {
  return opt ?? process.env.THIDUA_DB ?? DEFAULT_DB;
}

/** A missing or unreadable database: the commands print the message and exit 3. */
export class DatabaseMissingError extends Error {}

/** The writing connection; creates the file and schema when needed. */
export function openDb(path: string): DB {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 5000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  // the writer updates indexes spread over a large file (facts, search segments): 64 MiB of page cache, not SQLite's 2
  db.pragma("cache_size = -65536");
  const version = () => (db.prepare("SELECT max(version) FROM schema_migrations WHERE component = 'core'").pluck().get() as number | null) ?? 0;
  const before = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'schema_migrations'").get() ? version() : 0;
  // descriptions follow the schema: rewritten whenever a migration ran
  if (migrate(db, "core", CORE_MIGRATIONS) !== before || !hasMeta(db)) writeMetadata(db);
  // work a migration left for code (SQL alone cannot normalise texts)
  if (db.prepare("SELECT 1 FROM _pending WHERE task = 'rebuild search index'").get()) {
    rebuildSearchIndex(db);
    db.prepare("DELETE FROM _pending WHERE task = 'rebuild search index'").run();
  }
  return db;
}

function hasMeta(db: DB): boolean {
  return !!db.prepare("SELECT 1 FROM _meta_tables LIMIT 1").get();
}

/** How long a reader waits for the writer (busy database, schema being created or migrated): 15 s, or THIDUA_BUSY_TIMEOUT_MS. */
export function readerWaitMs(): number {
  const v = Number(process.env.THIDUA_BUSY_TIMEOUT_MS);
  return Number.isFinite(v) && v >= 0 ? v : 15_000;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
// errors that mean "the writer holds the file right now", not "this file is wrong"
const transient = (e: unknown) => /^SQLITE_(BUSY|LOCKED|PROTOCOL)/.test(String((e as { code?: string }).code ?? ""));
const LATEST = Math.max(...CORE_MIGRATIONS.map((m) => m.version));

/** A writer has the database open (its WAL file is there) or has just created or changed it. */
function writerActive(path: string): boolean {
  if (existsSync(`${path}-wal`)) return true;
  try { return Date.now() - statSync(path).mtimeMs < 5000; } catch { return false; }
}

/**
 * A read-only connection to an existing database (query, search, export, explain, stats). While a writer
 * holds the file (busy at open, a checkpoint, the schema being created or migrated) it waits, up to
 * readerWaitMs(), instead of failing; after that, or for a file that is not a thidua database, it throws.
 */
export function openReadOnly(path: string, waitMs = readerWaitMs()): DB {
  if (path !== ":memory:" && !existsSync(path)) throw new DatabaseMissingError(`${path}: no such database (run "thidua ingest" first, or pass --db FILE / set THIDUA_DB)`);
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    const left = () => Math.max(0, deadline - Date.now());
    let db: DB | null = null;
    try {
      // the busy timeout applies from the open on (a reader may meet the writer's checkpoint)
      db = new Database(path, { readonly: true, fileMustExist: true, timeout: Math.max(100, Math.min(5000, left())) });
      const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
      const version = tables.has("schema_migrations")
        ? ((db.prepare("SELECT max(version) FROM schema_migrations WHERE component = 'core'").pluck().get() as number | null) ?? 0) : 0;
      if (tables.has("articles") && version >= LATEST) return db;
      // a schema being created or migrated by a writer right now: wait for it; an old database with no writer is read as it is
      if (path !== ":memory:" && left() > 0 && writerActive(path)) { db.close(); sleep(Math.min(50 * 2 ** Math.min(attempt, 4), left())); continue; }
      if (tables.has("articles")) return db;
      db.close();
      throw new DatabaseMissingError(`${path}: not a thidua database (no articles table)`);
    } catch (e) {
      if (e instanceof DatabaseMissingError) throw e;
      try { db?.close(); } catch { /* not open */ }
      if (transient(e) && left() > 0) { sleep(Math.min(50 * 2 ** Math.min(attempt, 4), left())); continue; }
      const waited = transient(e) ? ` (still busy after ${Math.round(waitMs / 1000)} s; set THIDUA_BUSY_TIMEOUT_MS to wait longer)` : "";
      throw new DatabaseMissingError(`${path}: cannot open the database: ${(e as Error).message}${waited}`);
    }
  }
}
