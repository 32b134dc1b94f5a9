// Extraction on worker threads, results in input order (so a run is deterministic whatever the timing).
// extract() is a pure function of the article, so any number of workers gives the same records.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Article, ExtractionRecord, InputError } from "../types.js";
import { extract } from "./extract.js";

export type PoolIn = { article: Article } | { error: InputError };
export type PoolOut = { article: Article; record: ExtractionRecord } | { error: InputError };

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

/** Extract every article of `items`; `workers` <= 1 runs in this thread. Errors pass through in place. */
export async function* extractAll(items: AsyncIterable<PoolIn>, workers = defaultWorkers()): AsyncGenerator<PoolOut> {
  const script = workers > 1 ? workerScript() : null;
  if (!script) {
    for await (const it of items) {
      if ("error" in it) { yield it; continue; }
      try { yield { article: it.article, record: extract(it.article) }; } catch (e) { yield failed(it.article, (e as Error).message); }
    }
    return;
  }
  const pool = Array.from({ length: workers }, () => new Worker(script));
  const maxInFlight = workers * 8;
  const done = new Map<number, PoolOut>();
  const articles = new Map<number, Article>();
  let wake: (() => void) | null = null;
  const notify = () => { const w = wake; wake = null; w?.(); };
  pool.forEach((w) => {
    w.on("message", (m: { id: number; record?: ExtractionRecord; error?: string }) => {
      const article = articles.get(m.id)!;
      articles.delete(m.id);
      done.set(m.id, m.record ? { article, record: m.record } : failed(article, m.error ?? "unknown error"));
      notify();
    });
    w.on("error", (e) => { for (const [id, a] of articles) { done.set(id, failed(a, e.message)); articles.delete(id); } notify(); });
  });
  let next = 0; // id given to the next input
  let emit = 0; // id of the next result to yield
  let rr = 0;
  const iterator = items[Symbol.asyncIterator]();
  let exhausted = false;
  try {
    while (!exhausted || emit < next) {
      while (!exhausted && next - emit < maxInFlight) {
        const r = await iterator.next();
        if (r.done) { exhausted = true; break; }
        const id = next++;
        if ("error" in r.value) { done.set(id, r.value); continue; }
        articles.set(id, r.value.article);
        pool[rr++ % workers]!.postMessage({ id, article: r.value.article });
      }
      while (done.has(emit)) { const out = done.get(emit)!; done.delete(emit); emit++; yield out; }
      if (emit < next && !done.has(emit)) await new Promise<void>((res) => { wake = res; if (done.has(emit)) notify(); });
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
