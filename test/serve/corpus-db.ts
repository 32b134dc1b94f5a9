// Test helper: a database of the bundled corpus (corpus/seeds + corpus/dev). The real pipeline
// (`thidua ingest`) is used when the store provides the views; until then the same articles are read
// and extracted by the real reader and extractor and stored in a contract-shaped database.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { readArticles } from "../../src/ingest/read.js";
import { extract } from "../../src/extract/extract.js";
import { buildContractDb, type Stored } from "./contract-db.js";

export const CORPUS = ["corpus/seeds", "corpus/dev"];

function hasViews(path: string): boolean {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    // the views exist and entity resolution has filled them
    try { return (db.prepare("SELECT count(*) FROM v_cluster_timeline").pluck().get() as number) > 0; } finally { db.close(); }
  } catch { return false; }
}

export async function corpusDb(path: string): Promise<"ingest" | "extract"> {
  const run = spawnSync(process.execPath, ["bin/thidua.js", "ingest", ...CORPUS, "--db", path, "--quiet", "--no-progress"], { encoding: "utf8" });
  if (run.status === 0 && hasViews(path)) return "ingest";
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  const items: Stored[] = [];
  for await (const it of readArticles(CORPUS)) if ("article" in it) items.push({ article: it.article, record: extract(it.article) });
  buildContractDb(path, items);
  return "extract";
}
