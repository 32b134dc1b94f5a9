// Opening the database (placeholder: the schema and migrations are being written).
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

export type DB = Database.Database;

export const DEFAULT_DB = "data/thidua.sqlite";

export function dbPath(opt?: string): string {
  return opt ?? process.env.THIDUA_DB ?? DEFAULT_DB;
}

export function openDb(path: string): DB {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  return db;
}
