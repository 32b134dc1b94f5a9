// Extraction on worker threads, results in input order (so a run is deterministic whatever the timing).
// extract() is a pure function of the article, so any number of workers gives the same records.
// The ingest job hands the workers whole files to read (readJobs) and asks them for what storing needs
// (prepareStore), so the writer thread does little more than SQL.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Article, ExtractionRecord, InputError } from "../types.js";
import { extract } from "./extract.js";
import { inShard, readArticles, type ReadOptions } from "../ingest/read.js";
import { walkPaths } from "../ingest/files.js";
import { prepareStore, type StorePrep } from "../store/prep.js";

/** An article to extract, an input error passed through in place, or a whole file for the worker to read. */
export type PoolIn = { article: Article } | { error: InputError } | { file: string };
export type PoolJob = { article: Article } | { file: string };
export type PoolOut = { article: Article; record: ExtractionRecord; prep?: StorePrep } | { error: InputError };

export interface PoolOptions {
  /** Also compute prepareStore(article, record) (the ingest job stores what it extracts). */
  prep?: boolean;
  /** How { file } items are read (maxBytes, maxInflatedBytes; sharding is done by readJobs). */
  read?: Pick<ReadOptions, "maxBytes" | "maxInflatedBytes">;
  /** Jobs queued per worker at most (default 256). */
  inFlight?: number;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

function workerScript(): string | null {
  // compiled beside this module in dist/; under vitest this module is the .ts source, so look in dist/
  const beside = fileURLToPath(new URL("./worker.js", import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL("../../dist/extract/worker.js", import.meta.url));
  return existsSync(built) ? built : null;
}

const failed = (article: Article, reason: string): PoolOut => ({ error: { source: article.source, reason: `extraction failed: ${reason}` } });

/** Extraction (and the store preparation) of one article; an extractor error becomes the article's error. */
export function processArticle(article: Article, prep: boolean): PoolOut {
  let record: ExtractionRecord;
  try { record = extract(article); } catch (e) { return failed(article, (e as Error).message); }
  if (!prep) return { article, record };
  // a preparation that fails is left to storeArticle, which reports the error for this article
  try { return { article, record, prep: prepareStore(article, record) }; } catch { return { article, record }; }
}

/** What one job gives, in order (a whole file gives one article or one error). */
export async function runJob(job: PoolJob, opts: PoolOptions): Promise<PoolOut[]> {
  if ("article" in job) return [processArticle(job.article, !!opts.prep)];
  const out: PoolOut[] = [];
  for await (const item of readArticles([job.file], opts.read ?? {})) out.push("error" in item ? item : processArticle(item.article, !!opts.prep));
  return out;
}

/**
 * The items of readArticles(paths, opts), in the same order, except that whole text and HTML files come as
 * { file } for a worker to read and parse. JSON lines, WARC, standard input and sniffed files are read here.
 */
export async function* readJobs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<PoolIn> {
  const { shard, ...rest } = opts;
  for (const w of walkPaths(paths)) {
    if ("error" in w) { if (inShard(w.error.source, shard)) yield w; continue; }
    const f = w.file;
    if ((f.kind === "txt" || f.kind === "html") && f.path !== "-") {
      if (inShard(f.path, shard)) yield { file: f.path };
      continue;
    }
    // the file named alone is walked as the same kind, and sharded by readArticles as it would be
    yield* readArticles([f.path], { ...rest, ...(shard ? { shard } : {}) });
  }
}

/** Extract every article of `items`; `workers` <= 1 runs in this thread. Errors pass through in place. */
export async function* extractAll(items: AsyncIterable<PoolIn>, workers = defaultWorkers(), opts: PoolOptions = {}): AsyncGenerator<PoolOut> {
  const script = workers > 1 ? workerScript() : null;
  if (!script) {
    for await (const it of items) {
      if ("error" in it) { yield it; continue; }
      yield* await runJob(it, opts);
    }
    return;
  }
  const pool = Array.from({ length: workers }, () => new Worker(script));
  // enough jobs queued that the workers keep busy while the consumer runs a long step (a batch commit, an
  // entity resolution pass of a few seconds): a job is a path or an article, a result some tens of KB, so 256 each is cheap
  const maxInFlight = workers * (opts.inFlight ?? 256);
  const done = new Map<number, PoolOut[]>();
  const jobs = new Map<number, PoolJob>();
  const lost = (job: PoolJob, reason: string): PoolOut[] =>
    ["article" in job ? failed(job.article, reason) : { error: { source: job.file, reason: `extraction failed: ${reason}` } }];
  let wake: (() => void) | null = null;
  const notify = () => { const w = wake; wake = null; w?.(); };
  const busy = pool.map(() => 0);
  pool.forEach((w, k) => {
    w.on("message", (m: { id: number; items?: PoolOut[]; error?: string }) => {
      const job = jobs.get(m.id)!;
      jobs.delete(m.id);
      busy[k]!--;
      done.set(m.id, m.items ?? lost(job, m.error ?? "unknown error"));
      notify();
    });
    w.on("error", (e) => { for (const [id, job] of jobs) { done.set(id, lost(job, e.message)); jobs.delete(id); } notify(); });
  });
  const read = opts.read ?? {};
  let next = 0; // id given to the next input
  let emit = 0; // id of the next result to yield
  const iterator = items[Symbol.asyncIterator]();
  let exhausted = false;
  try {
    while (!exhausted || emit < next) {
      while (!exhausted && next - emit < maxInFlight) {
        const r = await iterator.next();
        if (r.done) { exhausted = true; break; }
        const id = next++;
        if ("error" in r.value) { done.set(id, [r.value]); continue; }
        const job: PoolJob = r.value;
        jobs.set(id, job);
        // the least busy worker (jobs differ in cost: a long page should not hold up the ones queued behind it)
        let k = 0;
        for (let i = 1; i < workers; i++) if (busy[i]! < busy[k]!) k = i;
        busy[k]!++;
        pool[k]!.postMessage({ id, job, prep: !!opts.prep, read });
      }
      while (done.has(emit)) { const out = done.get(emit)!; done.delete(emit); emit++; yield* out; }
      if (emit < next && !done.has(emit)) await new Promise<void>((res) => { wake = res; if (done.has(emit)) notify(); });
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
