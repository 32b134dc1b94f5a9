// npm run bench [-- --quick] [-- --sizes 10000,100000] [-- --out FILE] [-- --no-crawl]
// One command, one table: extraction throughput (one worker, all workers), ingest+extract+store for
// 10,000 and 100,000 generated articles of ~5 KB with peak RSS and database size, the read-and-scan
// limit (read the same files, one regular-expression scan) with ratios, and the crawler's own overhead.
// Results are printed and written to bench/results.md with the date and the machine.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem, availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { generateArticle } from "./gen.js";
import { extract } from "../extract/extract.js";
import { extractAll } from "../extract/pool.js";
import { stageCosts } from "./stages.js";
import type { Article } from "../types.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const sizesArg = args[args.indexOf("--sizes") + 1];
const SIZES = args.includes("--sizes") && sizesArg ? sizesArg.split(",").map(Number) : quick ? [2000, 10000] : [10000, 100000];
const EXTRACT_N = quick ? 1000 : 3000;
const outArg = args.includes("--out") ? args[args.indexOf("--out") + 1] : undefined;
const crawl = !args.includes("--no-crawl");
const root = fileURLToPath(new URL("../../", import.meta.url));
const work = join(tmpdir(), "thidua-bench");
const lines: string[] = [];
const say = (s = "") => { console.log(s); lines.push(s); };
const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

function articlesFor(n: number): Article[] {
  return Array.from({ length: n }, (_, i) => {
    const g = generateArticle(i, 7, 5000, "txt");
    return { source: `${g.name}.txt`, text: g.text, bodyStart: g.meta.title.length + 2, title: g.meta.title, url: null, published: g.meta.published, outlet: g.meta.outlet, author: g.meta.author, format: "txt" };
  });
}

async function extractionRate(articles: Article[], workers: number): Promise<number> {
  const t0 = performance.now();
  if (workers <= 1) { for (const a of articles) extract(a); }
  else {
    async function* src() { for (const a of articles) yield { article: a }; }
    for await (const _ of extractAll(src(), workers)) { /* drain */ }
  }
  return articles.length / ((performance.now() - t0) / 1000);
}

function ensureCorpus(n: number): string {
  const dir = join(work, `gen-${n}`);
  if (!existsSync(join(dir, "gold")) || readdirSync(join(dir, "gold")).length !== n) {
    rmSync(dir, { recursive: true, force: true });
    execFileSync(process.execPath, [join(root, "dist/bench/gen.js"), String(n), "--out", dir, "--format", "txt", "--seed", "11"], { stdio: "ignore" });
  }
  return join(dir, "articles");
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const d of readdirSync(dir).sort()) { const p = join(dir, d); if (statSync(p).isDirectory()) out.push(...listFiles(p)); else out.push(p); }
  return out;
}

function readAndScan(dir: string): { seconds: number; bytes: number; hits: number } {
  const files = listFiles(dir);
  const re = /(?:cụm|khối) thi đua/giu;
  const t0 = performance.now();
  let bytes = 0, hits = 0;
  for (const f of files) { const s = readFileSync(f, "utf8"); bytes += s.length; hits += s.match(re)?.length ?? 0; }
  return { seconds: (performance.now() - t0) / 1000, bytes, hits };
}

interface IngestRun { seconds: number; peakRssMb: number; read: number; stored: number; failed: number; samples: Array<[number, number]> }
function ingestRun(dir: string, workers: number): IngestRun & { dbMb: number } {
  const db = join(work, `bench-${Date.now()}.sqlite`);
  const r = spawnSync(process.execPath, [join(root, "dist/bench/ingest-child.js"), db, String(workers), dir], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`ingest run failed: ${r.stderr.slice(-2000)}`);
  const res = JSON.parse(r.stdout.trim().split("\n").pop()!) as IngestRun;
  const conn = new Database(db); conn.pragma("wal_checkpoint(TRUNCATE)"); conn.close();
  const dbMb = statSync(db).size / 2 ** 20;
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  return { ...res, dbMb };
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const cores = availableParallelism();
  const sqlite = (new Database(":memory:").prepare("select sqlite_version() v").get() as { v: string }).v;
  say(`# thidua benchmark, ${new Date().toISOString().slice(0, 10)}`);
  say();
  say(`Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cores} cores, ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM; Node ${process.version}; SQLite ${sqlite}.`);
  say(`Corpus: generated articles of ~5 KB (npm run gen), text format.${quick ? " Quick mode (smaller sizes)." : ""}`);
  say();
  // 1. extraction alone
  const arts = articlesFor(EXTRACT_N);
  await extractionRate(arts.slice(0, 200), 1); // warm-up (lexicons, JIT)
  const one = await extractionRate(arts, 1);
  // workers start cold (each loads the lexicons and warms its JIT, as in an ingest): a longer run, so that start is
  // a small part of it, as in any real load
  const all = await extractionRate(Array.from({ length: 4 }, () => arts).flat(), cores);
  say("| measure | value | note |");
  say("| --- | ---: | --- |");
  say(`| extraction, 1 thread | ${fmt(one)} articles/s | target ≥ 300 |`);
  say(`| extraction, ${cores} workers | ${fmt(all)} articles/s | ${fmt(all / one, 2)}x of one thread (${fmt(EXTRACT_N * 4)} articles, worker start included) |`);
  // 2. ingest + extract + store, with the read-and-scan limit beside it
  const runs: Array<{ n: number; run: IngestRun & { dbMb: number }; scan: ReturnType<typeof readAndScan> }> = [];
  for (const n of SIZES) {
    const dir = ensureCorpus(n);
    const scan = readAndScan(dir);
    const run = ingestRun(dir, cores);
    runs.push({ n, run, scan });
    say(`| ingest+extract+store, ${fmt(n)} articles | ${fmt(run.stored / run.seconds)} articles/s | ${fmt(run.seconds, 1)} s, peak RSS ${fmt(run.peakRssMb)} MB, ${run.failed} failed |`);
    say(`| read-and-scan limit, ${fmt(n)} articles | ${fmt(n / scan.seconds)} articles/s | ${fmt(scan.seconds, 2)} s for ${fmt(scan.bytes / 2 ** 20)} MiB; pipeline is ${fmt(run.seconds / scan.seconds, 1)}x the limit (target ≤ 10x) |`);
    say(`| database size, ${fmt(n)} articles | ${fmt((run.dbMb * 1000) / n, 2)} MB per 1,000 articles | ${fmt(run.dbMb)} MB in all |`);
  }
  const big = runs.at(-1);
  if (big) {
    const s = big.run.samples;
    const first = s.find(([n]) => n >= 10000) ?? s[0];
    const last = s.at(-1);
    if (first && last && last[0] > first[0]) say(`| memory from ${fmt(first[0])} to ${fmt(last[0])} articles | ${fmt(first[1] / 2 ** 20)} → ${fmt(last[1] / 2 ** 20)} MB RSS | flat is the target |`);
    if (big.n >= 100000) say(`| 100,000 articles in under 5 minutes | ${big.run.seconds < 300 ? "yes" : "no"} (${fmt(big.run.seconds, 1)} s) | peak RSS ${fmt(big.run.peakRssMb)} MB (target < 1 GB) |`);
  }
  // 3. the crawler's own overhead against a local site with no per-host delay
  if (crawl) try {
    const crawlModule = "./crawl.js"; // written alongside the crawler
    const mod = (await import(crawlModule)) as { benchCrawl?: (o: { pages: number }) => Promise<{ pages: number; seconds: number; pagesPerSecond: number; peakRssMb: number; rssAt?: number[] }> };
    if (mod.benchCrawl) {
      const pages = quick ? 1000 : 10000;
      const c = await mod.benchCrawl({ pages });
      const rss = c.rssAt?.length ? ` RSS ${c.rssAt.map((x) => fmt(x)).join(" → ")} MB` : "";
      say(`| crawl of a local site, ${fmt(c.pages)} pages, delay 0 | ${fmt(c.pagesPerSecond)} pages/s | target ≥ 200; peak RSS ${fmt(c.peakRssMb)} MB${rss} |`);
    }
  } catch (e) {
    say(`| crawl of a local site | not measured | ${(e as Error).message.split("\n")[0]} |`);
  }
  // 4. where an article's time goes, stage by stage on one thread (the budget the 10x target leaves is beside it);
  // last, so that the articles it holds do not count in the crawl's memory
  const first = runs[0];
  if (first) {
    const st = await stageCosts(ensureCorpus(first.n), quick ? 1000 : 3000);
    const total = st.read + st.extract + st.prepare + st.store + st.searchIndex + st.commit + st.resolve;
    const budget = (10 * first.scan.seconds * 1000 * cores) / first.n; // CPU ms per article within 10x of the scan
    say();
    [
      `Where an article's time goes (${fmt(st.articles)} of the generated articles, each stage alone on one thread, ms per article):`,
      "",
      "| stage | ms per article | share |",
      "| --- | ---: | ---: |",
      ...([["read and parse the file", st.read], ["extract (the recognisers)", st.extract], ["prepare to store (hash, MinHash, locality, search texts)", st.prepare],
        ["store rows (articles, sources, facts)", st.store], ["full-text index (FTS5 rows at each batch's end)", st.searchIndex], ["commit", st.commit],
        ["entity resolution", st.resolve]] as Array<[string, number]>).map(([k, v]) => `| ${k} | ${fmt(v, 3)} | ${fmt((100 * v) / total)}% |`),
      `| **all stages** | **${fmt(total, 3)}** | CPU time an article costs; on ${cores} cores at best ${fmt((1000 * cores) / total)} articles/s |`,
      "",
      `Within 10x of the read-and-scan limit (${fmt(first.n)} articles) an article may cost ${fmt(budget, 3)} ms of CPU on ${cores} cores; ` +
        `extraction alone takes ${fmt(st.extract / budget, 1)} times that.`,
    ].forEach((l) => say(l));
  }
  say();
  const out = outArg ?? join(root, "bench", "results.md");
  writeFileSync(out, lines.join("\n") + "\n");
  console.log(`\nwritten to ${out}`);
}

main().catch((e: unknown) => { console.error(`bench: ${(e as Error).stack ?? e}`); process.exit(3); });
