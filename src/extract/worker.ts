// Worker thread: reads whole files (text dumps, HTML pages) and runs the pure extractor on the articles posted
// by the pool, with what storing them needs (prepareStore) when the pool asks for it.
import { parentPort } from "node:worker_threads";
import { runJob, type PoolJob, type PoolOptions } from "./pool.js";

parentPort?.on("message", (msg: { id: number; job: PoolJob; prep: boolean; read: PoolOptions["read"] }) => {
  runJob(msg.job, { prep: msg.prep, read: msg.read }).then(
    (items) => parentPort!.postMessage({ id: msg.id, items }),
    (e: unknown) => parentPort!.postMessage({ id: msg.id, error: (e as Error).stack ?? String(e) }),
  );
});
