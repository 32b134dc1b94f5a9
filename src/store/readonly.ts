// Every query path is read-only: a read-only connection, and before running, a check of the statement
// itself (better-sqlite3's stmt.readonly), with ATTACH, load_extension, VACUUM and PRAGMA writes refused by name.
import type Database from "better-sqlite3";
import type { DB } from "./db.js";
import { fold, normalize } from "../extract/normalize.js";

/** A statement refused because it could write, attach or load code: exit code 2. */
export class RefusedError extends Error {}

// pragmas that only read; any other pragma, or one with "=", is refused
const READ_PRAGMAS = new Set(["table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list", "collation_list", "function_list", "compile_options", "user_version", "schema_version", "page_count", "page_size", "freelist_count", "encoding", "foreign_keys"]);

// strip comments and string literals, so a word inside a string does not count
function code(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, " ").replace(/'(?:[^']|'')*'/g, "''");
}

export function prepareReadOnly(db: DB, sql: string): Database.Statement {
  const c = code(sql);
  if (/\battach\b/i.test(c)) throw new RefusedError("refused: ATTACH is not allowed (queries run on the knowledge base only)");
  if (/\bdetach\b/i.test(c)) throw new RefusedError("refused: DETACH is not allowed");
  if (/\bload_extension\b/i.test(c)) throw new RefusedError("refused: load_extension is not allowed (no code is loaded into the database)");
  if (/\bvacuum\b/i.test(c)) throw new RefusedError("refused: VACUUM is not allowed (it writes)");
  const pragma = /^\s*pragma\s+(?:\w+\.)?(\w+)\s*(=|\()?/i.exec(c);
  if (pragma) {
    if (pragma[2] === "=" || !READ_PRAGMAS.has(pragma[1]!.toLowerCase())) throw new RefusedError(`refused: PRAGMA ${pragma[1]}${pragma[2] === "=" ? " = …" : ""} is not a read-only pragma`);
  }
  let stmt: Database.Statement;
  try { stmt = db.prepare(sql); }
  catch (e) { throw new SqlError(`SQL error: ${(e as Error).message}`); }
  if (!stmt.readonly) throw new RefusedError("refused: the statement would change the database (queries are read-only; use thidua ingest, resolve or reextract to write)");
  if (!stmt.reader) throw new RefusedError("refused: the statement returns no rows (only queries that read are allowed)");
  return stmt;
}

/** SQL that does not parse (exit code 2: the request is wrong). */
export class SqlError extends Error {}

/** Functions the saved queries use: thidua_fold(text) folds diacritics and case for matching. */
export function registerQueryFunctions(db: DB): void {
  db.function("thidua_fold", { deterministic: true }, (s: unknown) => (s == null ? null : fold(normalize(String(s)).norm)));
}
