// processPage on worker threads (parsing and extraction are most of a page's cost), or in this
// thread when workers is 0 or the compiled worker is not there (tests run the TypeScript sources).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { processPage, type PageInput, type PageOutput } from "./page.js";

export interface PagePool { run(input: PageInput): Promise<PageOutput>; close(): Promise<void> }

function workerScript(): string | null {
  const beside = fileURLToPath(new URL("./page-worker.js", import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL("../../../dist/ingest/crawl/page-worker.js", import.meta.url));
  return existsSync(built) ? built : null;
}

export function makePagePool(workers: number): PagePool {
  const script = workers > 0 ? workerScript() : null;
  if (!script) return { run: async (input) => processPage(input), close: async () => {} };
  type Pending = { resolve: (o: PageOutput) => void; reject: (e: Error) => void };
  const pending = new Map<number, Pending>();
  const load: number[] = [];
  const owner = new Map<number, number>();
  const dead: boolean[] = [];
  let next = 0;
  const pool = Array.from({ length: workers }, (_, w) => {
    const worker = new Worker(script);
    load[w] = 0;
    worker.on("message", (m: { id: number; output?: PageOutput; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      load[w]!--;
      owner.delete(m.id);
      if (!p) return;
      if (m.output) p.resolve(m.output); else p.reject(new Error(m.error ?? "worker failed"));
    });
    const die = (e: Error) => {
      // a worker that dies fails its pages, not the crawl; later pages go elsewhere
      dead[w] = true;
      for (const [id, ow] of owner) if (ow === w) { pending.get(id)?.reject(e); pending.delete(id); owner.delete(id); }
    };
    worker.on("error", die);
    worker.on("exit", (code) => { if (!dead[w]) die(new Error(`page worker exited with code ${code}`)); });
    return worker;
  });
  return {
    run(input) {
      const id = next++;
      let w = -1;
      for (let k = 0; k < pool.length; k++) if (!dead[k] && (w < 0 || load[k]! < load[w]!)) w = k; // the least busy worker
      if (w < 0) return Promise.resolve().then(() => processPage(input));
      load[w]!++;
      owner.set(id, w);
      return new Promise<PageOutput>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        pool[w]!.postMessage({ id, input });
      });
    },
    async close() { dead.fill(true, 0, pool.length); await Promise.all(pool.map((w) => w.terminate())); },
  };
}
