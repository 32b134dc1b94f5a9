// Body extraction on the article-extraction benchmark: reads <dir>/html/<id>.html.gz (and the ids of
// <dir>/ground-truth.json), writes PRED.json {"<id>": {"articleBody": "…"}} for score-body.mjs.
// The benchmark's article body leaves photo captions out, so caption blocks are left out unless --captions.
//   node dist/bench/body-pred.js BENCH_DIR PRED.json [--captions]
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { extractBody } from "../ingest/body.js";

/** UTF-8 unless the page declares another charset in its first bytes. */
export function decodePage(buf: Buffer): string {
  const head = buf.subarray(0, 4096).toString("latin1");
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const cs = m?.[1]?.toLowerCase();
  if (cs && cs !== "utf-8" && cs !== "utf8" && iconv.encodingExists(cs)) return iconv.decode(buf, cs);
  return buf.toString("utf8");
}

function main(argv: string[]): number {
  const args = argv.filter((a) => !a.startsWith("--"));
  const [dir, out] = args;
  if (!dir || !out) { console.error("usage: body-pred BENCH_DIR PRED.json [--captions]"); return 2; }
  const captions = argv.includes("--captions");
  let ids: string[];
  try {
    ids = Object.keys(JSON.parse(readFileSync(join(dir, "ground-truth.json"), "utf8")) as Record<string, unknown>);
  } catch {
    ids = readdirSync(join(dir, "html")).filter((f) => f.endsWith(".html.gz")).map((f) => f.slice(0, -8));
  }
  const pred: Record<string, { articleBody: string }> = {};
  let failed = 0, listing = 0;
  const t0 = process.hrtime.bigint();
  for (const id of ids) {
    const file = join(dir, "html", `${id}.html.gz`);
    try {
      const r = extractBody(decodePage(gunzipSync(readFileSync(file))), { captions });
      if (r.isListing) { listing++; console.error(`${id}: ${r.reason}`); }
      pred[id] = { articleBody: r.text };
    } catch (e) {
      failed++;
      console.error(`${file}: ${(e as Error).message}`);
      pred[id] = { articleBody: "" };
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  writeFileSync(out, JSON.stringify(pred));
  console.error(`${ids.length} pages, ${listing} judged listings, ${failed} failed, ${(ms / ids.length).toFixed(1)} ms/page -> ${out}`);
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
