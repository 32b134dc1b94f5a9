// The ingest job hands whole text and HTML files to the workers to read: the items it sees, in order, are
// those of readArticles (errors, JSON lines, sharding included), and any number of workers stores the same.
import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { readArticles, type ReadItem, type ReadOptions } from "../../src/ingest/read.js";
import { readJobs } from "../../src/extract/pool.js";
import { generateArticle } from "../../src/bench/gen.js";
import { dump, runCli, tempDir } from "./helpers.js";

function mixedCorpus(): string {
  const dir = join(tempDir("jobs"), "in");
  mkdirSync(join(dir, "sub", "deeper"), { recursive: true });
  for (let i = 0; i < 24; i++) {
    const a = generateArticle(i, 4, 1500, i % 3 === 2 ? "html" : "txt");
    writeFileSync(join(dir, i % 2 ? "sub" : ".", `${a.name}.${a.format}`), a.content);
  }
  const lines = Array.from({ length: 6 }, (_, i) => { const a = generateArticle(100 + i, 4, 1500, "txt"); return JSON.stringify({ title: a.meta.title, text: a.text.split("\n\n").slice(1).join("\n\n"), url: `https://example.vn/${i}` }); });
  writeFileSync(join(dir, "sub", "deeper", "feed.jsonl"), [...lines.slice(0, 3), "not json", "", ...lines.slice(3)].join("\n"));
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "blank.txt"), "  \n\n ");
  writeFileSync(join(dir, "bad.txt.gz"), Buffer.from("not gzip at all"));
  writeFileSync(join(dir, "good.txt.gz"), gzipSync(Buffer.from(generateArticle(200, 4, 1500, "txt").content)));
  writeFileSync(join(dir, "listing.html"), `<html><body><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/a${i}">Tin ${i} về cụm thi đua</a></li>`).join("")}</ul></body></html>`);
  writeFileSync(join(dir, "ignored.bin"), "x");
  return dir;
}

async function viaJobs(paths: string[], opts: ReadOptions): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const it of readJobs(paths, opts)) {
    if ("file" in it) for await (const x of readArticles([it.file], { ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) })) out.push(x);
    else out.push(it);
  }
  return out;
}

async function all(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const it of items) out.push(it);
  return out;
}

describe("whole files read on the workers", () => {
  it("readJobs gives the items of readArticles, in order, sharded alike", async () => {
    const dir = mixedCorpus();
    const paths = [dir, join(dir, "ignored.bin"), join(dir, "missing.txt")];
    for (const opts of [{}, { shard: { index: 0, count: 3 } }, { shard: { index: 2, count: 3 } }, { maxBytes: 2000 }] as ReadOptions[]) {
      const want = await all(readArticles(paths, opts));
      if (!opts.shard) expect(want.filter((x) => "error" in x).length).toBeGreaterThan(3);
      expect(await viaJobs(paths, opts)).toEqual(want);
    }
  });

  it("one thread and two workers store the same articles and facts", () => {
    const dir = mixedCorpus();
    const work = tempDir("jobs-db");
    const one = join(work, "one.sqlite"), two = join(work, "two.sqlite");
    const r1 = runCli(["ingest", dir, "--db", one, "-q", "--workers", "1"]);
    const r2 = runCli(["ingest", dir, "--db", two, "-q", "--workers", "2", "--batch", "5"]);
    expect(r2.status).toBe(r1.status);
    expect(r2.stderr.split("\n").sort()).toEqual(r1.stderr.split("\n").sort());
    const a = dump(one), b = dump(two);
    expect(b.articles.length).toBeGreaterThan(20);
    expect(b).toEqual(a);
  });
});
