// Opening the database: the writer (WAL, foreign keys, busy timeout, schema brought up to date)
// and read-only connections for every query path.
import Database from "better-sqlite3";
import { existsSync, mkdirSync } from "node:fs";
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

/** A read-only connection to an existing database (query, search, export, explain, stats). */
export function openReadOnly(path: string): DB {
  if (path !== ":memory:" && !existsSync(path)) throw new DatabaseMissingError(`${path}: no such database (run "thidua ingest" first, or pass --db FILE / set THIDUA_DB)`);
  let db: DB;
  try {
    // the busy timeout applies from the open on (a reader may meet the writer's checkpoint)
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5000 });
    db.prepare("SELECT count(*) FROM sqlite_schema").get();
  } catch (e) {
    throw new DatabaseMissingError(`${path}: cannot open the database: ${(e as Error).message}`);
  }
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'articles'").get()) {
    db.close();
    throw new DatabaseMissingError(`${path}: not a thidua database (no articles table)`);
  }
  return db;
}
