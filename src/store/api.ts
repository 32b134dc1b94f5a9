// Hooks the ingest command calls after a batch (placeholder until the store lands).
import type { DB } from "./db.js";

/** Runs after every ingest batch (entity resolution). */
export const afterIngest: ((db: DB) => void) | undefined = undefined;
/** Facts per kind in the database at `path`. */
export const factTotals: ((path: string) => Record<string, number>) | undefined = undefined;
