// Storing one article and its facts in one transaction (placeholder).
import type { Article, ExtractionRecord } from "../types.js";
import type { DB } from "./db.js";

export type StoreStatus = "stored" | "duplicate" | "near-duplicate" | "skipped";
export interface StoreResult { status: StoreStatus; articleId: number | null; reason?: string; counts: Record<string, number> }

export function storeArticle(_db: DB, _article: Article, _record: ExtractionRecord): StoreResult {
  return { status: "stored", articleId: null, counts: {} };
}
