// Worker thread: runs the pure extractor on articles posted by the pool.
import { parentPort } from "node:worker_threads";
import type { Article } from "../types.js";
import { extract } from "./extract.js";

parentPort?.on("message", (msg: { id: number; article: Article }) => {
  try {
    parentPort!.postMessage({ id: msg.id, record: extract(msg.article) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).stack ?? String(e) });
  }
});
