// Shared by the store's commands: opening the database read-only with a clear error, printing rows.
import { EXIT } from "../exit.js";
import { dbPath, openReadOnly, DatabaseMissingError, type DB } from "./db.js";
import { RefusedError, SqlError, registerQueryFunctions } from "./readonly.js";
import { toCsv, toJsonLines, toTable, type Row } from "./format.js";

/** Opens the database read-only or exits 3 with the reason. */
export function readOnlyOrExit(cmd: string, opt?: string): DB {
  try {
    const db = openReadOnly(dbPath(opt));
    registerQueryFunctions(db);
    return db;
  } catch (e) {
    fail(cmd, e);
  }
}

/** Prints the error and exits: refused or bad SQL → 2, missing database → 3, anything else → 3. */
export function fail(cmd: string, e: unknown): never {
  const msg = (e as Error)?.message ?? String(e);
  console.error(`thidua ${cmd}: ${msg}`);
  process.exit(e instanceof RefusedError || e instanceof SqlError || e instanceof UsageError ? EXIT.usage : e instanceof DatabaseMissingError ? EXIT.fatal : EXIT.fatal);
}

export class UsageError extends Error {}

export interface OutputOptions { csv?: boolean; json?: boolean; jsonl?: boolean }

export function printRows(columns: string[], rows: Row[], o: OutputOptions): void {
  if (o.csv) process.stdout.write(toCsv(columns, rows));
  else if (o.json || o.jsonl) process.stdout.write(toJsonLines(rows));
  else process.stdout.write(toTable(columns, rows));
}
