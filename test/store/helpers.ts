// Building articles and records by hand, so store tests do not depend on the extractor's progress.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Article, ClusterFact, ExtractionRecord, Provenance } from "../../src/types.js";
import { openDb, type DB } from "../../src/store/db.js";

export function tempDb(): { db: DB; path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "thidua-store-"));
  const path = join(dir, "t.sqlite");
  const db = openDb(path);
  return { db, path, cleanup: () => { try { db.close(); } catch { /* closed */ } rmSync(dir, { recursive: true, force: true }); } };
}

export function article(source: string, title: string, body: string, meta: Partial<Article> = {}): Article {
  return {
    source, title, url: null, published: "2020-02-06", outlet: null, author: null,
    text: `${title}\n\n${body}`, bodyStart: title.length + 2, format: "txt", ...meta,
  };
}

/** Provenance of the first occurrence of `needle` in the article's text. */
export function at(a: Article, needle: string, rule = "test"): Provenance {
  const start = a.text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" is not in ${a.source}`);
  return { start, end: start + needle.length, sentence: 0, rule, confidence: 0.9 };
}

export function record(a: Article, parts: Partial<ExtractionRecord> = {}, version = "test-1"): ExtractionRecord {
  return {
    source: a.source,
    article: { title: a.title, url: a.url, published: a.published, outlet: a.outlet, author: a.author },
    clusters: [], members: [], roles: [], officials: [], commitments: [], awards: [], events: [], documents: [], notes: [],
    extractor: { version }, ...parts,
  };
}

export function cluster(a: Article, name: string, number: number | null, extra: Partial<ClusterFact> = {}): ClusterFact {
  return { kind: "cụm", number, name, locality: null, prov: at(a, name), ...extra };
}

/** A filler paragraph of distinct words, so different test stories are not near-duplicates of each other. */
export function filler(seed: string, n = 80): string {
  const words = ["tổ chức", "phong trào", "đơn vị", "năm", "kết quả", "công tác", "nhiệm vụ", "triển khai", "thực hiện", "đánh giá", "hội nghị", "cán bộ", "nhân dân", "địa phương", "chương trình"];
  let h = 0;
  for (const c of seed) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < n; i++) { h = (h * 1103515245 + 12345) >>> 0; out.push(words[h % words.length]!, String(h % 997)); }
  return out.join(" ") + ".";
}
