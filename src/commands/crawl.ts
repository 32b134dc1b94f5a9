// thidua crawl --config FILE: the nightly crawl of the configured outlets into the database.
import type { Command } from "commander";
import { availableParallelism } from "node:os";
import { ConfigError, loadConfig, type CrawlConfig } from "../ingest/crawl/config.js";
import { crawl, type CrawlSummary } from "../ingest/crawl/crawl.js";
import { parseDuration } from "../ingest/crawl/duration.js";
import { CrawlLockedError } from "../ingest/crawl/lock.js";
import { jsonLogger, silent, terminalLogger, type Logger } from "../ingest/crawl/log.js";
import { EXIT } from "../exit.js";

interface CrawlCliOptions { config: string; since?: string; db?: string; warc?: string; maxPages?: string; workers?: string; fresh?: boolean; quiet?: boolean }

function usage(msg: string): never {
  console.error(`thidua crawl: ${msg}`);
  process.exit(EXIT.usage);
}

export function formatSummary(s: CrawlSummary): string {
  const lines = [
    `crawl run ${s.run}${s.resumed ? " (resumed)" : ""}${s.interrupted ? " — interrupted, the next run continues it" : ""}: ${s.seconds.toFixed(1)} s → ${s.db}`,
    `  fetched ${s.fetched}, not modified ${s.notModified}, new articles ${s.newArticles}, changed ${s.changedArticles}, unchanged ${s.unchangedArticles}, relevant ${s.relevant}, filtered by keywords ${s.filtered}, blocked by robots.txt ${s.blocked}, failed ${s.failed}, still queued ${s.queuedLeft}`,
  ];
  const reasons = Object.entries(s.failedBy);
  if (reasons.length) lines.push(`  failed by reason: ${reasons.map(([k, v]) => `${k} ${v}`).join(", ")}`);
  for (const [h, c] of Object.entries(s.perHost).sort()) lines.push(`  ${h}: fetched ${c.fetched}, not modified ${c.notModified}, failed ${c.failed}`);
  if (s.warc) lines.push(`  archive: ${s.warc}`);
  return lines.join("\n");
}

export function register(program: Command): void {
  program
    .command("crawl")
    .description("crawl the outlets of a sources config (polite, incremental, resumable) and store their articles and facts")
    .requiredOption("--config <file>", "sources config (JSON; see docs/crawl.example.json)")
    .option("--since <duration>", "skip feed and sitemap entries older than this (e.g. 24h, 7d)")
    .option("--db <file>", "database file (default: $THIDUA_DB or data/thidua.sqlite)")
    .option("--warc <dir>", "archive every request and response to DIR/thidua-crawl-RUN-….warc.gz")
    .option("--max-pages <n>", "at most N requests in this run (all outlets)")
    .option("--workers <n>", "threads parsing pages and extracting facts (default: one per core but one, left to fetching and storing; 0 = none)")
    .option("--fresh", "start a new run even if the last one was interrupted (default: continue it)")
    .option("-q, --quiet", "no progress or logs, only the summary and errors")
    .action(async (o: CrawlCliOptions) => {
      let cfg: CrawlConfig;
      try { cfg = loadConfig(o.config); } catch (e) {
        if (e instanceof ConfigError) { console.error(`thidua crawl: ${e.message}`); process.exit(EXIT.usage); }
        throw e;
      }
      const sinceMs = o.since === undefined ? null : parseDuration(o.since);
      if (sinceMs === null && o.since !== undefined) usage(`--since: not a duration: ${o.since} (try 24h, 7d, 90m)`);
      let maxPages: number | undefined;
      if (o.maxPages !== undefined) {
        maxPages = Number(o.maxPages);
        if (!Number.isInteger(maxPages) || maxPages < 1) usage(`--max-pages: not a positive integer: ${o.maxPages}`);
      }
      const workers = o.workers === undefined ? Math.max(0, availableParallelism() - 1) : Number(o.workers);
      if (!Number.isInteger(workers) || workers < 0) usage(`--workers: not a whole number: ${o.workers}`);
      const progress = { fetched: 0, notModified: 0, newArticles: 0, failed: 0 };
      let log: Logger = silent;
      let done = () => {};
      if (!o.quiet) {
        if (process.stderr.isTTY) {
          const t = terminalLogger(process.stderr, () => progress);
          const count: Logger = (e) => {
            if (e.event === "fetched") { progress.fetched++; if (e.result === "new") progress.newArticles++; }
            else if (e.event === "not-modified") progress.notModified++;
            else if (e.event === "failed") progress.failed++;
            t.log(e);
          };
          log = count; done = t.done;
        } else log = jsonLogger(process.stderr);
      }
      // first signal: finish the pages in flight and stop cleanly; second: stop at once
      const ac = new AbortController();
      const onSignal = (sig: NodeJS.Signals) => {
        if (ac.signal.aborted) process.exit(EXIT.partial);
        if (!o.quiet) process.stderr.write(`\nthidua crawl: ${sig}: finishing the pages in flight (again to stop at once)\n`);
        ac.abort();
      };
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      let s: CrawlSummary;
      try {
        s = await crawl(cfg, { db: o.db, warcDir: o.warc, sinceMs, maxPages, fresh: o.fresh, workers, log, signal: ac.signal });
      } catch (e) {
        if (e instanceof CrawlLockedError) { done(); console.error(`thidua crawl: ${e.message}`); process.exit(EXIT.usage); }
        throw e;
      }
      done();
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      console.log(formatSummary(s));
      if (s.failed > 0 || s.interrupted) process.exitCode = EXIT.partial;
    });
}
