// thidua ingest PATH...: read articles, extract facts (worker threads), store them (one writer, batched).
import type { Command } from "commander";
import cliProgress from "cli-progress";
import { readArticles } from "../ingest/read.js";
import { parseShard } from "../ingest/shard.js";
import { extractAll, defaultWorkers, readJobs } from "../extract/pool.js";
import { dbPath, openDb, type DB } from "../store/db.js";
import { storeArticle, type StoreStatus } from "../store/write.js";
import { FACT_KINDS, type FactKind } from "../types.js";
import { EXIT } from "../exit.js";
import * as storeApi from "../store/api.js";
import { dropSearchRows, flushSearchRows, holdSearchRows } from "../store/search.js";

export interface IngestOptions {
  db?: string;
  workers?: number;
  shard?: string;
  batch?: number;
  /** Largest input accepted, in bytes (bigger pages are reported and skipped). */
  maxBytes?: number;
  progress?: boolean;
  quiet?: boolean;
  /**
   * Entity resolution runs after at least this many new articles (and at the end), beside the extraction still going
   * on; the gap grows with the run (a quarter of what it has stored, up to 8 times this), since part of each pass
   * costs in proportion to the whole database, and stays bounded so that one pass never holds too much at once.
   */
  resolveEvery?: number;
  /** Called after each stored article (benchmarks sample memory here). */
  onArticle?: (n: number) => void;
}

export interface IngestSummary {
  read: number;
  byStatus: Record<StoreStatus, number>;
  failed: number;
  facts: Record<FactKind, number>;
  db: string;
}

/** The ingest job, usable from code (bench, tests) as well as from the command line. */
export async function ingest(paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const path = dbPath(opts.db);
  const db = openDb(path);
  const batchSize = Math.max(1, opts.batch ?? 200);
  const summary: IngestSummary = {
    read: 0, failed: 0, db: path,
    byStatus: { stored: 0, duplicate: 0, "near-duplicate": 0, skipped: 0 },
    facts: Object.fromEntries(FACT_KINDS.map((k) => [k, 0])) as Record<FactKind, number>,
  };
  const showBar = opts.progress !== false && !opts.quiet && process.stderr.isTTY;
  const bar = showBar
    ? new cliProgress.SingleBar({ stream: process.stderr, format: "ingest {bar} {value} articles | {stored} stored, {dups} duplicate, {skipped} skipped, {failed} failed", hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(1, 0, { stored: 0, dups: 0, skipped: 0, failed: 0 });
  let inBatch = 0;
  let lastCommit = Date.now();
  // the batch's search rows are written together just before it commits (see holdSearchRows)
  holdSearchRows(db);
  const commit = (db: DB) => { if (db.inTransaction) { flushSearchRows(db); db.exec("COMMIT"); } inBatch = 0; lastCommit = Date.now(); };
  // resolution is incremental: run on what is committed so far, it overlaps with the workers' extraction
  const resolveEvery = Math.max(1, opts.resolveEvery ?? 2500);
  let unresolved = 0;
  let storedInRun = 0;
  try {
    const workers = opts.workers ?? defaultWorkers();
    const readOpts = { shard: parseShard(opts.shard), ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) };
    // with workers, whole files are read and parsed on the workers too
    const items = workers > 1 ? readJobs(paths, readOpts) : readArticles(paths, readOpts);
    for await (const out of extractAll(items, workers, { prep: true, read: opts.maxBytes ? { maxBytes: opts.maxBytes } : {} })) {
      if ("error" in out) {
        summary.failed++;
        bar?.stop();
        console.error(`thidua: ${out.error.source}: ${out.error.reason}`);
        bar?.start(Math.max(summary.read + summary.failed + 1, 1), summary.read + summary.failed);
        continue;
      }
      summary.read++;
      if (!db.inTransaction) db.exec("BEGIN");
      try {
        const res = storeArticle(db, out.article, out.record, out.prep);
        summary.byStatus[res.status]++;
        if (res.status === "stored") { unresolved++; storedInRun++; }
        if (res.status === "stored") for (const k of FACT_KINDS) summary.facts[k] += out.record[k].length;
      } catch (e) {
        summary.failed++;
        console.error(`thidua: ${out.article.source}: could not store: ${(e as Error).message}`);
      }
      opts.onArticle?.(summary.read);
      if (++inBatch >= batchSize || Date.now() - lastCommit > 500) {
        commit(db);
        if (unresolved >= Math.max(resolveEvery, Math.min(storedInRun / 4, resolveEvery * 8))) { storeApi.afterIngest?.(db); unresolved = 0; }
      }
      if (bar) {
        const n = summary.read + summary.failed;
        bar.setTotal(Math.max(bar.getTotal(), n + 1));
        bar.update(n, { stored: summary.byStatus.stored, dups: summary.byStatus.duplicate + summary.byStatus["near-duplicate"], skipped: summary.byStatus.skipped, failed: summary.failed });
      }
    }
    commit(db);
    storeApi.afterIngest?.(db);
  } finally {
    bar?.stop();
    dropSearchRows(db);
    if (db.inTransaction) db.exec("ROLLBACK");
    db.close();
  }
  return summary;
}

export function register(program: Command): void {
  program
    .command("ingest")
    .description("read articles (.txt, .html, .jsonl, .warc[.gz], folders, - for stdin), extract their facts and store both")
    .argument("<paths...>", "files or folders (recursive); - reads standard input")
    .option("--db <file>", "database file (default: $THIDUA_DB or data/thidua.sqlite)")
    .option("--workers <n>", "extraction worker threads (default: one per core)", (v) => Number.parseInt(v, 10))
    .option("--shard <i/n>", "take only shard i of n of the inputs (for running one job on several processes or machines)")
    .option("--batch <n>", "articles per write transaction", (v) => Number.parseInt(v, 10))
    .option("--max-bytes <n>", "largest input file or record accepted (default 50 MB)", (v) => Number.parseInt(v, 10))
    .option("--no-progress", "no progress bar")
    .option("-q, --quiet", "print only errors")
    .action(async (paths: string[], o: IngestOptions) => {
      const s = await ingest(paths, o);
      if (!o.quiet) {
        const facts = FACT_KINDS.map((k) => `${k} ${s.facts[k]}`).join(", ");
        console.log(`ingest: ${s.read} articles read: ${s.byStatus.stored} stored, ${s.byStatus.duplicate} duplicate, ${s.byStatus["near-duplicate"]} near-duplicate, ${s.byStatus.skipped} skipped (not about emulation clusters); ${s.failed} failed → ${s.db}`);
        console.log(`facts stored: ${facts}`);
        const totals = storeApi.factTotals?.(s.db);
        if (totals) console.log(`database now holds: ${Object.entries(totals).map(([k, v]) => `${k} ${v}`).join(", ")}`);
      }
      if (s.failed) process.exitCode = EXIT.partial;
    });
}
