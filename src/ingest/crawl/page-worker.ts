// Worker thread: turns fetched bodies into links, articles and facts (processPage) for the crawl.
import { parentPort } from "node:worker_threads";
import { processPage, type PageInput } from "./page.js";

parentPort?.on("message", (msg: { id: number; input: PageInput }) => {
  try {
    parentPort!.postMessage({ id: msg.id, output: processPage(msg.input) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).message });
  }
});
