// `thidua crawl` killed with SIGKILL midway, then run again: the run resumes, no stored page is
// fetched twice, and the database ends with the same articles and facts as an uninterrupted crawl.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { parseConfig } from "../../src/ingest/crawl/config.js";
import { crawl } from "../../src/ingest/crawl/crawl.js";
import { startSite, siteConfig, type Site } from "./site.js";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "bin/thidua.js");
const ARTICLES = 30;

let dir: string;
beforeAll(() => {
  if (!existsSync(join(root, "dist/commands/crawl.js"))) throw new Error("build first: npx tsc -p . (dist/commands/crawl.js is missing)");
  dir = mkdtempSync(join(tmpdir(), "thidua-resume-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(args: string[], onSpawn?: (c: ChildProcess) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "", stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    onSpawn?.(child);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

function counts(db: string) {
  const c = new Database(db, { readonly: true });
  const one = (sql: string) => (c.prepare(sql).get() as { n: number }).n;
  const out = {
    articles: one("SELECT count(*) AS n FROM articles"),
    sources: one("SELECT count(*) AS n FROM article_sources"),
    facts: one("SELECT count(*) AS n FROM facts"),
    revisions: one("SELECT count(*) AS n FROM crawl_revisions"),
    duplicateRevisions: one("SELECT count(*) AS n FROM (SELECT url FROM crawl_revisions GROUP BY url HAVING count(*) > 1)"),
  };
  c.close();
  return out;
}

describe("resume after kill -9", () => {
  let site: Site;
  afterAll(async () => { await site?.close(); });

  it("continues where it stopped, with no stored page fetched twice and no article or fact duplicated", async () => {
    // the reference: the same site crawled without interruption
    const ref = await startSite({ articles: ARTICLES });
    const refDb = join(dir, "ref.sqlite");
    await crawl(parseConfig(siteConfig(ref.base, { delay: 0 }), "ref.json"), { db: refDb });
    await ref.close();
    const expected = counts(refDb);
    expect(expected.revisions).toBeGreaterThanOrEqual(ARTICLES);
    expect(expected.facts).toBeGreaterThan(0);

    let child: ChildProcess | null = null;
    let killed = false;
    site = await startSite({
      articles: ARTICLES, articleDelayMs: 10,
      onHit: (_h, hits) => {
        const articles = hits.filter((x) => x.path.includes("/bai-")).length;
        if (!killed && articles === 12 && child) { killed = true; child.kill("SIGKILL"); }
      },
    });
    const cfgFile = join(dir, "site.json");
    writeFileSync(cfgFile, JSON.stringify(siteConfig(site.base, { delay: 0, concurrency: 2, perHostConcurrency: 2 })));
    const db = join(dir, "crawl.sqlite");

    const first = await runCli(["crawl", "--config", cfgFile, "--db", db], (c) => { child = c; });
    expect(first.signal).toBe("SIGKILL");
    const snap = new Database(db, { readonly: true });
    const storedBeforeKill = (snap.prepare("SELECT url FROM crawl_revisions").pluck().all() as string[]);
    const runsBefore = snap.prepare("SELECT id, state FROM crawl_runs").all();
    snap.close();
    expect(storedBeforeKill.length).toBeGreaterThan(0);
    expect(storedBeforeKill.length).toBeLessThan(expected.revisions);
    expect(runsBefore).toEqual([{ id: 1, state: "running" }]);
    const hitsBefore = site.hits.length;

    const second = await runCli(["crawl", "--config", cfgFile, "--db", db]);
    expect(second.stderr).not.toMatch(/"event":"failed"/);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/crawl run 1 \(resumed\)/);

    // no page stored before the kill was requested again
    const after = site.hits.slice(hitsBefore).map((h) => `${site.base}${h.path}`);
    for (const url of storedBeforeKill) expect(after, url).not.toContain(url);
    // same articles, sources and facts as the uninterrupted crawl, one revision per page
    expect(counts(db)).toEqual(expected);
    expect(counts(db).duplicateRevisions).toBe(0);
    const c = new Database(db, { readonly: true });
    expect(c.prepare("SELECT id, state FROM crawl_runs").all()).toEqual([{ id: 1, state: "done" }]);
    c.close();
  }, 30_000);

  it("on SIGTERM finishes the pages in flight, commits them and exits cleanly; the next run continues", async () => {
    let child: ChildProcess | null = null;
    let sent = false;
    const s = await startSite({
      articles: 20, articleDelayMs: 30,
      onHit: (_h, hits) => {
        if (!sent && hits.filter((x) => x.path.includes("/bai-")).length === 5 && child) { sent = true; child.kill("SIGTERM"); }
      },
    });
    const cfgFile = join(dir, "term.json");
    writeFileSync(cfgFile, JSON.stringify(siteConfig(s.base, { delay: 0, concurrency: 3, perHostConcurrency: 3 })));
    const db = join(dir, "term.sqlite");
    const r = await runCli(["crawl", "--config", cfgFile, "--db", db], (c) => { child = c; });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("interrupted, the next run continues it");
    const requested = new Set(s.hits.filter((h) => h.path.includes("/bai-")).map((h) => `${s.base}${h.path}`));
    const c = new Database(db, { readonly: true });
    const stored = new Set(c.prepare("SELECT url FROM crawl_revisions").pluck().all() as string[]);
    const states = c.prepare("SELECT state, count(*) AS n FROM crawl_frontier GROUP BY state").all() as { state: string; n: number }[];
    const run = c.prepare("SELECT state FROM crawl_runs").pluck().all();
    c.close();
    expect(stored).toEqual(requested); // every page in flight was finished and committed
    expect(states.find((x) => x.state === "queued")?.n ?? 0).toBeGreaterThan(0);
    expect(run).toEqual(["interrupted"]);
    const again = await runCli(["crawl", "--config", cfgFile, "--db", db]);
    await s.close();
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/crawl run 1 \(resumed\)/);
  }, 30_000);

  it("refuses a bad config with exit code 2 and names the file, outlet and field", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ contact: "https://example.org", outlets: [{ name: "Báo X", start: ["ftp://x"] }] }));
    const r = await runCli(["crawl", "--config", bad, "--db", join(dir, "bad.sqlite")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}: bad crawl config`);
    expect(r.stderr).toContain('outlet "Báo X": field "start[0]"');
  });

  it("writes JSON lines on stderr when it is not a terminal and a summary on stdout", async () => {
    const s = await startSite({ articles: 2 });
    const cfgFile = join(dir, "small.json");
    writeFileSync(cfgFile, JSON.stringify(siteConfig(s.base, { delay: 0 })));
    const r = await runCli(["crawl", "--config", cfgFile, "--db", join(dir, "small.sqlite"), "--max-pages", "4"]);
    await s.close();
    expect(r.code).toBe(0);
    const events = r.stderr.trim().split("\n").map((l) => JSON.parse(l) as { event: string });
    expect(events[0]!.event).toBe("start");
    expect(events.at(-1)!.event).toBe("end");
    expect(events.filter((e) => e.event === "fetched").length).toBe(4);
    expect(r.stdout).toMatch(/fetched 4, not modified 0/);
  });
});
