// Where an article's time goes: each stage of the ingest job timed on its own, on one thread, over the
// same generated files. The parallel pipeline overlaps these stages on the cores; their sum is the CPU
// an article costs, which is what bounds the pipeline however it is scheduled.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readArticles } from "../ingest/read.js";
import { walkPaths } from "../ingest/files.js";
import { extract } from "../extract/extract.js";
import { prepareStore, type StorePrep } from "../store/prep.js";
import { openDb } from "../store/db.js";
import { storeArticle } from "../store/write.js";
import { flushSearchRows, holdSearchRows } from "../store/search.js";
import { resolve } from "../store/resolve.js";
import type { Article, ExtractionRecord } from "../types.js";

export interface StageCosts {
  articles: number;
  /** Milliseconds per article. */
  read: number;
  extract: number;
  prepare: number;
  /** storeArticle (articles, sources, facts, duplicates' signatures) without the search rows. */
  store: number;
  /** The search rows written into FTS5 at each batch's end (flushSearchRows). */
  searchIndex: number;
  commit: number;
  resolve: number;
}

const ms = (t0: number) => performance.now() - t0;

/** Times each stage over the first `n` files under `dir` (one thread, batches of 200 as the ingest job writes). */
export async function stageCosts(dir: string, n: number): Promise<StageCosts> {
  const files: string[] = [];
  for (const w of walkPaths([dir])) { if ("file" in w) files.push(w.file.path); if (files.length >= n) break; }
  // warm-up: lexicons load, the JIT settles
  for await (const it of readArticles(files.slice(0, 100))) if ("article" in it) extract(it.article);

  let t0 = performance.now();
  const articles: Article[] = [];
  for await (const it of readArticles(files)) if ("article" in it) articles.push(it.article);
  const read = ms(t0);

  t0 = performance.now();
  const records: ExtractionRecord[] = articles.map((a) => extract(a));
  const extractMs = ms(t0);

  t0 = performance.now();
  const preps: StorePrep[] = articles.map((a, i) => prepareStore(a, records[i]!));
  const prepare = ms(t0);

  const tmp = mkdtempSync(join(tmpdir(), "thidua-stages-"));
  const db = openDb(join(tmp, "stages.sqlite"));
  let store = 0, searchIndex = 0, commit = 0;
  try {
    holdSearchRows(db);
    for (let i = 0; i < articles.length; i += 200) {
      let t = performance.now();
      db.exec("BEGIN");
      for (let k = i; k < Math.min(i + 200, articles.length); k++) storeArticle(db, articles[k]!, records[k]!, preps[k]);
      store += ms(t);
      t = performance.now();
      flushSearchRows(db);
      searchIndex += ms(t);
      t = performance.now();
      db.exec("COMMIT");
      commit += ms(t);
    }
    t0 = performance.now();
    resolve(db);
    const resolveMs = ms(t0);
    const per = (x: number) => x / articles.length;
    return {
      articles: articles.length, read: per(read), extract: per(extractMs), prepare: per(prepare),
      store: per(store), searchIndex: per(searchIndex), commit: per(commit), resolve: per(resolveMs),
    };
  } finally {
    db.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
