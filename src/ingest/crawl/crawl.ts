// The crawl: claims URLs from the frontier in the database, fetches them politely, and commits each
// page (its facts, its frontier state, the links it led to, its fetch record) in one transaction,
// so that a crawl killed at any moment resumes where it stopped without fetching a stored page again.
import PQueue from "p-queue";
import type { CrawlConfig, OutletConfig } from "./config.js";
import { fetchPage, makeAgent, type Exchange, type FetchResult, type FetchSettings } from "./fetch.js";
import { makeHostGate } from "./hosts.js";
import { makeRobots } from "./robots.js";
import { decodeBody } from "./decode.js";
import type { Found } from "./discover.js";
import { classify, type Source } from "./classify.js";
import { makePagePool } from "./page-pool.js";
import type { PageOutput } from "./page.js";
import { endRun, migrateCrawl, openRun, type FrontierRow, type Kind, type Run } from "./state.js";
import { openWarc, type WarcWriter } from "./warc.js";
import { lockCrawl } from "./lock.js";
import { silent, type Logger } from "./log.js";
import { dbPath, openDb, type DB } from "../../store/db.js";
import { reviseArticle, storeArticle } from "../../store/write.js";
import * as storeApi from "../../store/api.js";

export interface CrawlOptions {
  db?: string;
  warcDir?: string;
  /** Skip feed and sitemap entries dated before now minus this (ms). */
  sinceMs?: number | null;
  /** Requests in this run, all outlets together. */
  maxPages?: number;
  /** Start a new run even if the last one did not finish. */
  fresh?: boolean;
  log?: Logger;
  /** Aborting stops claiming new pages; pages in flight are finished and committed. */
  signal?: AbortSignal;
  /** Worker threads for parsing and extraction (0: in this thread, the default). */
  workers?: number;
  /** Called after each committed page (benchmarks sample memory here). */
  onPage?: (n: number) => void;
}

export interface HostCounts { fetched: number; notModified: number; failed: number }

export interface CrawlSummary {
  run: number;
  resumed: boolean;
  interrupted: boolean;
  /** Responses with a body (2xx). */
  fetched: number;
  notModified: number;
  newArticles: number;
  changedArticles: number;
  unchangedArticles: number;
  /** Articles in which at least one cụm/khối was recognised. */
  relevant: number;
  /** Fetched articles that did not match the outlet's keywords. */
  filtered: number;
  /** URLs not requested because robots.txt disallows them. */
  blocked: number;
  failed: number;
  failedBy: Record<string, number>;
  perHost: Record<string, HostCounts>;
  queuedLeft: number;
  seconds: number;
  db: string;
  warc: string | null;
}

const nowIso = () => new Date().toISOString();

function hostOf(url: string): string { return new URL(url).host.toLowerCase(); }

export async function crawl(cfg: CrawlConfig, opts: CrawlOptions = {}): Promise<CrawlSummary> {
  const t0 = Date.now();
  const path = dbPath(opts.db);
  const db = openDb(path);
  let unlock: () => void;
  try { unlock = lockCrawl(path); } catch (e) { db.close(); throw e; }
  try { return await crawlLocked(cfg, opts, db, path, t0); } finally { unlock(); }
}

async function crawlLocked(cfg: CrawlConfig, opts: CrawlOptions, db: DB, path: string, t0: number): Promise<CrawlSummary> {
  const log = opts.log ?? silent;
  db.pragma("synchronous = NORMAL"); // WAL: a kill loses nothing committed; only a power cut could lose the last pages
  migrateCrawl(db);
  const run = openRun(db, cfg.file, opts.fresh ?? false);
  const outlets = new Map(cfg.outlets.map((o) => [o.name, o]));
  const summary: CrawlSummary = {
    run: run.id, resumed: run.resumed, interrupted: false, fetched: 0, notModified: 0, newArticles: 0, changedArticles: 0, unchangedArticles: 0,
    relevant: 0, filtered: 0, blocked: 0, failed: 0, failedBy: {}, perHost: {}, queuedLeft: 0, seconds: 0, db: path, warc: null,
  };
  log({ event: "start", run: run.id, resumed: run.resumed, db: path, outlets: cfg.outlets.length });

  const st = statements(db);
  if (!run.resumed) db.transaction(() => { for (const o of cfg.outlets) seed(db, st, o, run); })();

  const settings: FetchSettings = { ...cfg };
  const agent = makeAgent(cfg, Math.max(cfg.perHostConcurrency, 2));
  const delayOf = new Map<string, number>(); // per host: the largest delay any outlet on it asks for
  for (const o of cfg.outlets) for (const h of o.hosts) delayOf.set(h, Math.max(delayOf.get(h) ?? 0, o.delayMs ?? cfg.delayMs));
  const gate = makeHostGate(cfg.delayMs, cfg.perHostConcurrency);
  for (const [h, d] of delayOf) gate.setDelay(h, d);
  const global = new PQueue({ concurrency: cfg.concurrency });
  let stopping = false;
  const onAbort = () => { stopping = true; log({ event: "stopping", reason: "signal" }); wake(); };
  opts.signal?.addEventListener("abort", onAbort);
  if (opts.signal?.aborted) stopping = true;
  const pages = makePagePool(opts.workers ?? 0);
  const warc: WarcWriter | null = opts.warcDir ? openWarc(opts.warcDir, run.id, "thidua/0.1 crawl") : null;
  summary.warc = warc?.path ?? null;
  const archive = (exs: Exchange[]) => { if (warc) for (const e of exs) warc.write(e); };

  const robots = makeRobots(db, "thidua", async (url) => {
    // waits for the host's turn without taking a slot: a redirect to another site asks for its
    // robots.txt while holding the first site's slot, and two such pages must not wait on each other
    const r = await fetchPage(agent, url, { ...settings, retries: Math.min(settings.retries, 1), maxBodyBytes: 512 * 1024 }, {}, {
      beforeRequest: (u) => gate.turn(hostOf(u)), afterResponse: (u) => gate.ended(hostOf(u)), stopping: () => stopping,
    });
    archive(r.exchanges);
    if (r.ok) return { status: r.status, body: decodeBody(r.body, r.headers["content-type"]).text };
    if (r.status !== undefined) return { status: r.status, body: "" };
    return { error: r.reason };
  });

  // budgets count requests claimed in this run, including those of an earlier process of the same run
  const used = new Map<string, number>();
  for (const r of db.prepare("SELECT outlet, count(*) AS n FROM crawl_fetches WHERE run_id = ? GROUP BY outlet").all(run.id) as { outlet: string; n: number }[]) used.set(r.outlet, r.n);
  let usedTotal = [...used.values()].reduce((a, b) => a + b, 0);
  const alivePerHost = new Map<string, number>();
  let alive = 0;
  let committed = 0;
  let wakeUp: (() => void) | null = null;
  function wake() { const w = wakeUp; wakeUp = null; w?.(); }
  const maxAlive = cfg.concurrency * 4;
  const maxAlivePerHost = cfg.perHostConcurrency + 2;
  const hostCounts = (h: string): HostCounts => (summary.perHost[h] ??= { fetched: 0, notModified: 0, failed: 0 });
  const fail = (url: string, host: string, reason: string, kind: string) => {
    summary.failed++;
    summary.failedBy[kind] = (summary.failedBy[kind] ?? 0) + 1;
    hostCounts(host).failed++;
    log({ event: "failed", url, kind, reason });
  };

  const task = async (row: FrontierRow, outlet: OutletConfig) => {
    const host = row.host;
    try {
      const rules = await robots.rules(row.url);
      if (outlet.robotsSitemaps && rules.sitemaps.length) queueRobotsSitemaps(outlet, row, rules.sitemaps);
      if (!rules.allowed(row.url)) {
        const reason = rules.refused ?? "disallowed by robots.txt";
        st.setState.run(rules.refused ? "failed" : "blocked", reason, rules.refused ? 1 : 0, row.url);
        if (rules.refused) fail(row.url, host, reason, "robots-unavailable");
        else { summary.blocked++; log({ event: "blocked", url: row.url }); }
        return;
      }
      if (rules.crawlDelayMs !== null) {
        if (rules.crawlDelayMs > cfg.maxCrawlDelayMs) {
          st.setState.run("failed", `Crawl-delay ${rules.crawlDelayMs / 1000} s is over maxCrawlDelay; host skipped this run`, 1, row.url);
          fail(row.url, host, "Crawl-delay over maxCrawlDelay", "crawl-delay-too-long");
          return;
        }
        gate.setDelay(host, Math.max(delayOf.get(host) ?? cfg.delayMs, rules.crawlDelayMs));
      }
      await gate.acquire(host);
      let result: FetchResult;
      const started = Date.now();
      try {
        if (stopping) return; // still queued
        let first = true;
        result = (await global.add(() => fetchPage(agent, row.url, settings, { etag: row.etag, lastModified: row.last_modified }, {
          allowed: async (u) => (await robots.rules(u)).allowed(u),
          beforeRequest: async (u) => { if (first) { first = false; return; } await gate.turn(hostOf(u)); },
          afterResponse: (u) => gate.ended(hostOf(u)),
          onRetryAfter: (u, ms) => gate.pause(hostOf(u), ms),
          stopping: () => stopping,
        })))!;
      } finally { gate.release(host); }
      archive(result.exchanges);
      await handle(row, outlet, result, Date.now() - started);
    } catch (e) {
      // a bug or a database error on one page must not end the night
      try { st.setState.run("failed", `internal error: ${(e as Error).message}`, 1, row.url); } catch { /* database gone */ }
      fail(row.url, host, `internal error: ${(e as Error).message}`, "internal");
    }
  };

  // Sitemap: lines of robots.txt join the frontier once per outlet and site in a process; later runs
  // requeue them with the outlet's other sitemaps (seed), and a 304 makes that cheap.
  const robotsSeen = new Set<string>();
  const queueRobotsSitemaps = (outlet: OutletConfig, row: FrontierRow, sitemaps: string[]) => {
    const key = `${outlet.name} ${new URL(row.url).origin}`;
    if (robotsSeen.has(key)) return;
    robotsSeen.add(key);
    db.transaction(() => {
      for (const url of sitemaps) enqueue(st, outlet, { url, hint: null, lastmod: null, sitemap: true }, "sitemap", { ...row, depth: 0 }, run, null);
    })();
    wake();
  };

  /** Everything after the response: parse and extract outside the transaction, then commit it all at once. */
  const handle = async (row: FrontierRow, outlet: OutletConfig, r: FetchResult, ms: number): Promise<void> => {
    const at = nowIso();
    const host = row.host;
    if (!r.ok) {
      if (r.kind === "stopped") return; // still queued
      db.transaction(() => {
        st.fetched.run(run.id, row.url, outlet.name, at, r.status ?? null, ms, 0, "failed", r.reason);
        st.failed.run(r.reason, r.retryable ? 1 : 0, r.status ?? null, row.attempts + r.attempts, row.url);
      })();
      fail(row.url, host, r.reason, r.kind);
      return;
    }
    const validators = [r.headers.etag ?? row.etag, r.headers["last-modified"] ?? row.last_modified] as const;
    if (r.notModified) {
      db.transaction(() => {
        st.fetched.run(run.id, row.url, outlet.name, at, 304, ms, 0, "not-modified", null);
        st.done.run(at, run.id, 304, validators[0], validators[1], row.body_hash, r.url, null, row.url);
      })();
      summary.notModified++;
      hostCounts(host).notModified++;
      log({ event: "not-modified", url: row.url });
      return commitDone();
    }
    summary.fetched++;
    hostCounts(host).fetched++;
    let page: PageOutput;
    try {
      page = await pages.run({
        body: r.body, contentType: r.headers["content-type"], headers: r.headers, url: r.url, queuedUrl: row.url,
        isArticle: row.kind === "article", followLinks: row.depth < outlet.maxDepth, hint: row.hint, keywords: outlet.keywords, previousHash: row.body_hash,
      });
    } catch (e) {
      db.transaction(() => {
        st.fetched.run(run.id, row.url, outlet.name, at, r.status, ms, r.body.length, "failed", `unreadable: ${(e as Error).message}`);
        st.failed.run(`unreadable: ${(e as Error).message}`, 0, r.status, row.attempts + r.attempts, row.url);
      })();
      fail(row.url, host, `unreadable: ${(e as Error).message}`, "unreadable");
      return;
    }
    const { article, record, result, bodyHash } = page;
    const links = { found: page.links, from: page.from };
    const filtered = result === "filtered";
    let articleId: number | null = null;
    db.transaction(() => {
      st.fetched.run(run.id, row.url, outlet.name, at, r.status, ms, r.body.length, result, null);
      if (article && record) {
        // an edited page replaces its story's text and facts (the old text is kept as a revision)
        const stored = result === "changed" && row.article_id != null && isStory(row.article_id, [row.url, r.url])
          ? reviseArticle(db, row.article_id, article, record)
          : storeArticle(db, article, record);
        articleId = stored.articleId;
        st.revision.run(row.url, run.id, at, bodyHash, articleId, stored.status, article.title, article.text);
      }
      const newState = filtered ? "filtered" : "done";
      st.done.run(at, run.id, r.status, validators[0], validators[1], bodyHash, r.url, articleId, row.url);
      if (newState === "filtered") st.setState.run("filtered", "keywords did not match", 0, row.url);
      for (const f of links.found) enqueue(st, outlet, f, links.from, row, run, opts.sinceMs ?? null);
    })();
    if (result === "new") summary.newArticles++;
    else if (result === "changed") summary.changedArticles++;
    else if (result === "unchanged") summary.unchangedArticles++;
    else if (result === "filtered") summary.filtered++;
    if (record && record.clusters.length > 0) summary.relevant++;
    log({ event: "fetched", url: row.url, status: r.status, ms, result, links: links.found.length, ...(record ? { clusters: record.clusters.length } : {}) });
    commitDone();
  };
  // the page's own story (not a story it was found to copy, which another page owns)
  const ownStory = db.prepare("SELECT 1 FROM articles WHERE id = ? AND status != 'duplicate' AND (url = ? OR url = ?)").pluck();
  const isStory = (id: number, urls: [string, string]) => ownStory.get(id, ...urls) !== undefined;
  const commitDone = () => { committed++; opts.onPage?.(committed); };

  // the dispatcher: keeps a bounded number of pages alive, a few per host, within each outlet's budget
  const claim = db.prepare("SELECT * FROM crawl_frontier WHERE state = 'queued' AND outlet = ? ORDER BY depth, rowid LIMIT ?");
  // Rows are read in batches into memory (nothing is written to claim them: a crash leaves them
  // queued, which is what the next run needs); `taken` holds the URLs buffered or in flight.
  const buffers = new Map<string, FrontierRow[]>(cfg.outlets.map((o) => [o.name, []]));
  const taken = new Set<string>();
  const BATCH = Math.max(64, maxAlive * 4);
  const refill = (o: OutletConfig): boolean => {
    const buf = buffers.get(o.name)!;
    const rows = claim.all(o.name, taken.size + BATCH) as FrontierRow[];
    for (const r of rows) if (!taken.has(r.url)) { buf.push(r); taken.add(r.url); }
    return buf.length > 0;
  };
  const start = (row: FrontierRow, outlet: OutletConfig) => {
    used.set(outlet.name, (used.get(outlet.name) ?? 0) + 1);
    usedTotal++;
    alive++;
    alivePerHost.set(row.host, (alivePerHost.get(row.host) ?? 0) + 1);
    void task(row, outlet).finally(() => {
      alive--;
      taken.delete(row.url);
      alivePerHost.set(row.host, (alivePerHost.get(row.host) ?? 1) - 1);
      wake();
    });
  };
  const fill = (): void => {
    for (const o of cfg.outlets) {
      const buf = buffers.get(o.name)!;
      const held: FrontierRow[] = []; // rows whose host is busy: first in line next time
      let refilled = false;
      while (!stopping && alive < maxAlive && (used.get(o.name) ?? 0) < o.maxPages && (opts.maxPages === undefined || usedTotal < opts.maxPages)) {
        if (!buf.length) {
          // rows held back mean hosts are busy, not that the buffer ran dry
          if (held.length || refilled || !refill(o)) break;
          refilled = true;
          continue;
        }
        const row = buf.shift()!;
        if ((alivePerHost.get(row.host) ?? 0) >= maxAlivePerHost) {
          held.push(row);
          if (held.length >= 32) break; // look a little way ahead for another host, not through the whole buffer
          continue;
        }
        start(row, o);
      }
      buf.unshift(...held);
    }
  };
  for (;;) {
    fill();
    if (alive === 0) break; // nothing in flight and nothing could be started: the frontier is done (or budgets are)
    await new Promise<void>((r) => { wakeUp = r; });
  }
  summary.interrupted = stopping;
  opts.signal?.removeEventListener("abort", onAbort);
  summary.queuedLeft = (db.prepare("SELECT count(*) AS n FROM crawl_frontier WHERE state = 'queued'").get() as { n: number }).n;
  try { storeApi.afterIngest?.(db); } catch (e) { log({ event: "warning", message: `after-crawl store step failed: ${(e as Error).message}` }); }
  summary.seconds = (Date.now() - t0) / 1000;
  endRun(db, run, summary.interrupted ? "interrupted" : "done", summary);
  await warc?.close();
  await pages.close();
  await agent.close();
  db.close();
  log({ event: "end", ...summary });
  return summary;
}

type Statements = ReturnType<typeof statements>;

function statements(db: DB) {
  return {
    get: db.prepare("SELECT * FROM crawl_frontier WHERE url = ?"),
    insert: db.prepare(`INSERT INTO crawl_frontier (url, outlet, host, kind, depth, state, hint, lastmod, discovered_at) VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?)`),
    requeue: db.prepare("UPDATE crawl_frontier SET state = 'queued', depth = min(depth, ?), lastmod = coalesce(?, lastmod), hint = coalesce(hint, ?), attempts = 0 WHERE url = ?"),
    setState: db.prepare("UPDATE crawl_frontier SET state = ?, reason = ?, retryable = ? WHERE url = ?"),
    failed: db.prepare("UPDATE crawl_frontier SET state = 'failed', reason = ?, retryable = ?, status = ?, attempts = ? WHERE url = ?"),
    done: db.prepare(`UPDATE crawl_frontier SET state = 'done', reason = NULL, retryable = 0, fetched_at = ?, fetched_run = ?, status = ?, etag = ?, last_modified = ?, body_hash = ?, final_url = ?, article_id = coalesce(?, article_id), attempts = 0 WHERE url = ?`),
    fetched: db.prepare("INSERT INTO crawl_fetches (run_id, url, outlet, at, status, ms, bytes, result, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    revision: db.prepare("INSERT INTO crawl_revisions (url, run_id, fetched_at, body_hash, article_id, store_status, title, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
  };
}

/**
 * What a new run fetches again: the entry points, the listing pages and recent sitemaps (all with
 * conditional requests, so unchanged ones cost a 304), and the articles first found within revisitFor.
 */
function seed(db: DB, st: Statements, o: OutletConfig, run: Run): void {
  const recent = new Date(Date.parse(run.startedAt) - o.revisitForMs).toISOString();
  db.prepare(`UPDATE crawl_frontier SET state = 'queued' WHERE outlet = ? AND state IN ('done', 'filtered')
    AND (kind IN ('start', 'listing', 'feed') OR (kind = 'sitemap' AND (lastmod IS NULL OR lastmod >= ?)) OR (kind = 'article' AND discovered_at >= ?))`).run(o.name, recent, recent);
  const add = (url: string, kind: Kind) => {
    const row = st.get.get(url) as FrontierRow | undefined;
    if (!row) st.insert.run(url, o.name, hostOf(url), kind, 0, null, null, run.startedAt);
    else if (row.state !== "queued") st.requeue.run(0, null, null, url);
  };
  for (const u of o.start) add(u, "start");
  for (const u of o.feeds) add(u, "feed");
  for (const u of o.sitemaps) add(u, "sitemap");
}

/** A link found on a page: new URLs are queued; known ones again only when their source says they changed. */
function enqueue(st: Statements, o: OutletConfig, f: Found, from: Source, parent: FrontierRow, run: Run, sinceMs: number | null): void {
  const kind = classify(o, f, from);
  if (!kind) return;
  const depth = kind === "sitemap" ? parent.depth : parent.depth + 1;
  if (depth > o.maxDepth && kind !== "sitemap") return;
  if (sinceMs !== null && f.lastmod && Date.parse(f.lastmod) < Date.now() - sinceMs) return;
  const row = st.get.get(f.url) as FrontierRow | undefined;
  if (!row) { st.insert.run(f.url, o.name, hostOf(f.url), kind, depth, f.hint, f.lastmod, nowIso()); return; }
  if (row.state !== "done" && row.state !== "filtered") return; // queued, in flight, failed for good or blocked
  if (row.fetched_run === run.id) return; // once per run
  // the sitemap or feed says it changed since we fetched it
  if (f.lastmod !== null && row.fetched_at !== null && f.lastmod > row.fetched_at) st.requeue.run(depth, f.lastmod, f.hint, f.url);
}
