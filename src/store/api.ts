// Hooks the ingest command calls: entity resolution after a batch, and the facts held by the database.
import type { DB } from "./db.js";
import { openReadOnly } from "./db.js";
import { resolve } from "./resolve.js";
import { countFacts } from "./write.js";

/** Runs after every ingest batch (incremental entity resolution). */
export const afterIngest: ((db: DB) => void) | undefined = (db) => { resolve(db); };

/** Facts per kind in the database at `path` (stored articles only). */
export const factTotals: ((path: string) => Record<string, number>) | undefined = (path) => {
  const db = openReadOnly(path);
  try { return countFacts(db); } finally { db.close(); }
};
