// The crawl against a fake news site on 127.0.0.1: politeness, faults, incremental second run, WARC.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, createReadStream, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { WARCParser } from "warcio";
import { parseConfig } from "../../src/ingest/crawl/config.js";
import { crawl } from "../../src/ingest/crawl/crawl.js";
import { readArticles } from "../../src/ingest/read.js";
import { startSite, siteConfig, type Site } from "./site.js";

let site: Site;
let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), "thidua-crawl-")); });
afterEach(async () => { await site?.close(); rmSync(dir, { recursive: true, force: true }); });

const paths = (s: Site) => s.hits.map((h) => h.path);

describe("crawl of a fake news site", () => {
  it("follows listings, feeds and sitemaps, keeps out of disallowed paths and spaces requests by Crawl-delay", async () => {
    site = await startSite({ articles: 6, crawlDelay: 0.03 });
    const db = join(dir, "a.sqlite");
    const s = await crawl(parseConfig(siteConfig(site.base), "site.json"), { db });
    const p = paths(site);
    // robots.txt first, disallowed paths never
    expect(p[0]).toBe("/robots.txt");
    expect(p.filter((x) => x.startsWith("/private/"))).toEqual([]);
    expect(s.blocked).toBe(2);
    // articles from the section pages, the feed and the news sitemap (bai-6 is only in the sitemap)
    for (let i = 0; i <= 6; i++) expect(p).toContain(`/thi-dua/bai-${i}-cum-thi-dua.html`);
    expect(p).toContain("/sitemap-news.xml");
    expect(p).not.toContain("/the-thao/bong-da.html"); // no pattern matches
    expect(p).not.toContain("/kinh-te/gia-vang.html"); // feed item without the keywords
    // each URL once in a run
    expect(new Set(p).size).toBe(p.length);
    // at least Crawl-delay (30 ms, above the configured 5 ms) between two request starts
    const at = site.hits.map((h) => h.at);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(29);
    // bai-0..6, then related links: sitemap → bai-6 (depth 1) → bai-7 (2) → bai-8 (3 = maxDepth), no further
    expect(s.newArticles).toBe(9);
    expect(p).not.toContain("/thi-dua/bai-9-cum-thi-dua.html");
    expect(s.failed).toBe(0);
    const conn = new Database(db, { readonly: true });
    const revs = conn.prepare("SELECT url, count(*) AS n FROM crawl_revisions GROUP BY url").all() as { url: string; n: number }[];
    conn.close();
    expect(revs.length).toBe(9);
    expect(revs.every((r) => r.n === 1)).toBe(true);
  });

  it("second run sends conditional requests, handles 304s without re-extracting, and keeps a revision of a changed article", async () => {
    site = await startSite({ articles: 4 });
    const db = join(dir, "b.sqlite");
    const cfg = parseConfig(siteConfig(site.base, { delay: 0 }), "site.json");
    const first = await crawl(cfg, { db });
    expect(first.newArticles).toBeGreaterThan(0);
    const firstCount = site.hits.length;
    site.edit(1);
    const second = await crawl(cfg, { db });
    const again = site.hits.slice(firstCount).filter((h) => h.path !== "/robots.txt");
    expect(again.length).toBeGreaterThan(0);
    // every page fetched again carries the validators it was given
    for (const h of again) expect(h.headers["if-none-match"], h.path).toMatch(/^"[0-9a-f]{16}"$/);
    for (const h of again) expect(h.headers["if-modified-since"], h.path).toBeDefined();
    expect(second.newArticles).toBe(0);
    expect(second.changedArticles).toBe(1);
    expect(second.notModified).toBe(again.length - 1);
    const conn = new Database(db, { readonly: true });
    const revs = conn.prepare("SELECT run_id, text FROM crawl_revisions WHERE url LIKE '%/bai-1-cum-thi-dua.html' ORDER BY id").all() as { run_id: number; text: string }[];
    const fetches = conn.prepare("SELECT result, count(*) AS n FROM crawl_fetches WHERE run_id = ? GROUP BY result").all(second.run) as { result: string; n: number }[];
    conn.close();
    expect(revs.length).toBe(2);
    expect(revs[1]!.text).toContain("Cập nhật lần 1");
    expect(revs[0]!.text).not.toContain("Cập nhật");
    expect(Object.fromEntries(fetches.map((f) => [f.result, f.n]))["not-modified"]).toBe(second.notModified);
  });

  it("an edited article's story takes the new text and facts; the old text is kept as a revision", async () => {
    site = await startSite({ articles: 4 });
    const db = join(dir, "r.sqlite");
    const cfg = parseConfig(siteConfig(site.base, { delay: 0 }), "site.json");
    const leaders = () => {
      const conn = new Database(db, { readonly: true });
      try {
        return {
          articles: conn.prepare("SELECT id, status, text FROM articles WHERE url LIKE '%/bai-1-cum-thi-dua.html'").all() as { id: number; status: string; text: string }[],
          leaders: conn.prepare(`SELECT r.unit FROM fact_roles r JOIN facts f ON f.id = r.fact_id JOIN articles a ON a.id = f.article_id
            WHERE a.url LIKE '%/bai-1-cum-thi-dua.html' AND r.role = 'trưởng'`).pluck().all() as string[],
          revisions: conn.prepare("SELECT article_id, text FROM article_revisions").all() as { article_id: number; text: string }[],
          unresolved: conn.prepare("SELECT count(*) FROM facts WHERE resolved = 0").pluck().get() as number,
        };
      } finally { conn.close(); }
    };
    await crawl(cfg, { db });
    const before = leaders();
    expect(before.articles, JSON.stringify(before)).toHaveLength(1);
    expect(before.leaders, before.articles[0]!.status).toEqual(["Sở Xây dựng"]);
    expect(before.revisions).toEqual([]);
    site.edit(1);
    const second = await crawl(cfg, { db });
    expect(second.changedArticles).toBe(1);
    const after = leaders();
    expect(after.articles).toHaveLength(1);
    expect(after.articles[0]!.id).toBe(before.articles[0]!.id);
    expect(after.articles[0]!.text).toContain("Cập nhật lần 1");
    expect(after.leaders).toEqual(["Sở Nội vụ"]);
    expect(after.revisions).toEqual([{ article_id: before.articles[0]!.id, text: before.articles[0]!.text }]);
    expect(after.unresolved).toBe(0); // the crawl resolved the new facts at its end
  });

  it("survives the night's faults: 5xx then success, 429 with Retry-After, a hanging server, a redirect loop, a 30 MB body, a lying charset", async () => {
    site = await startSite({ articles: 2, faults: true });
    const db = join(dir, "c.sqlite");
    const s = await crawl(parseConfig(siteConfig(site.base, { delay: 0 }, { sitemaps: [], feeds: [] }), "site.json"), { db, warcDir: join(dir, "warc") });
    const count = (p: string) => site.hits.filter((h) => h.path === p).length;
    const at = (p: string) => site.hits.filter((h) => h.path === p).map((h) => h.at);
    expect(count("/loi/flaky-cum-thi-dua.html")).toBe(3);
    const busy = at("/loi/busy-cum-thi-dua.html");
    expect(busy.length).toBe(2);
    expect(busy[1]! - busy[0]!).toBeGreaterThanOrEqual(990); // Retry-After: 1
    expect(count("/loi/hang-cum-thi-dua.html")).toBe(3); // retries 2
    expect(s.failedBy["timeout"]).toBe(1);
    expect(s.failedBy["redirect-loop"]).toBe(1);
    expect(s.failedBy["too-large"]).toBe(1);
    expect(site.hugeBytesSent()).toBeLessThan(10 * 1024 * 1024); // aborted, not read to the end
    expect(s.failed).toBe(3);
    const conn = new Database(db, { readonly: true });
    const latin = conn.prepare("SELECT text FROM crawl_revisions WHERE url LIKE '%latin%'").get() as { text: string };
    const flaky = conn.prepare("SELECT state FROM crawl_frontier WHERE url LIKE '%flaky%'").get() as { state: string };
    const loop = conn.prepare("SELECT state, retryable FROM crawl_frontier WHERE url LIKE '%/loop-%'").get() as { state: string; retryable: number };
    conn.close();
    expect(latin.text).toContain("Cụm thi đua số");
    expect(flaky.state).toBe("done");
    expect(loop).toEqual({ state: "failed", retryable: 0 });

    // the archive has a request and a response for each exchange, with WARC/1.1 headers and digests
    const files = readdirSync(join(dir, "warc"));
    expect(files.length).toBe(1);
    const parser = new WARCParser(createReadStream(join(dir, "warc", files[0]!)));
    const types: string[] = [];
    const responses = new Map<string, string>();
    for await (const rec of parser) {
      types.push(rec.warcType ?? "");
      expect(rec.warcHeaders.protocol).toBe("WARC/1.1");
      expect(rec.warcHeaders.headers.get("WARC-Record-ID")).toMatch(/^<urn:uuid:/);
      expect(rec.warcHeaders.headers.get("WARC-Date")).toBeTruthy();
      if (rec.warcType === "response") {
        expect(rec.warcHeaders.headers.get("WARC-Payload-Digest")).toMatch(/^sha256:/);
        responses.set(rec.warcTargetURI!, new TextDecoder().decode(await rec.readFully(true)));
      }
    }
    expect(types[0]).toBe("warcinfo");
    expect(types.filter((t) => t === "request").length).toBe(types.filter((t) => t === "response").length);
    expect(responses.get(`${site.base}/loi/flaky-cum-thi-dua.html`)).toContain("Cụm thi đua");
    expect([...responses.keys()]).not.toContain(`${site.base}/loi/huge-cum-thi-dua.html`);
  }, 20_000);

  it("writes a WARC that `thidua ingest` reads back into the same articles", async () => {
    site = await startSite({ articles: 3 });
    const db = join(dir, "d.sqlite");
    const s = await crawl(parseConfig(siteConfig(site.base, { delay: 0 }), "site.json"), { db, warcDir: join(dir, "warc") });
    const file = join(dir, "warc", readdirSync(join(dir, "warc"))[0]!);
    const replayed = new Map<string, string>();
    for await (const item of readArticles([file])) if ("article" in item && item.article.url) replayed.set(item.article.url, item.article.text);
    const conn = new Database(db, { readonly: true });
    const revs = conn.prepare("SELECT url, text FROM crawl_revisions").all() as { url: string; text: string }[];
    conn.close();
    expect(revs.length).toBe(s.newArticles);
    expect(revs.length).toBeGreaterThan(0);
    for (const r of revs) expect(replayed.get(r.url), r.url).toBe(r.text);
  });

  it("with --since skips feed and sitemap entries dated before the window, still following undated links", async () => {
    site = await startSite({ articles: 6 });
    const s = await crawl(parseConfig(siteConfig(site.base, { delay: 0 }), "site.json"), { db: join(dir, "e.sqlite"), sinceMs: 86_400_000 });
    const p = paths(site);
    expect(p).toContain("/sitemap-index.xml");
    expect(p).not.toContain("/sitemap-news.xml"); // its lastmod in the index is 2024-03-15
    expect(p).not.toContain("/thi-dua/bai-6-cum-thi-dua.html"); // only in that sitemap
    expect(p).toContain("/thi-dua/bai-0-cum-thi-dua.html"); // linked from the section page
    expect(s.newArticles).toBe(6);
  });

  it("follows the Sitemap lines of robots.txt unless the outlet says not to", async () => {
    site = await startSite({ articles: 3, robotsSitemap: true });
    const only = `/thi-dua/bai-8-cum-thi-dua.html`; // listed only in the robots sitemap
    const on = await crawl(parseConfig(siteConfig(site.base, { delay: 0 }, { sitemaps: [] }), "site.json"), { db: join(dir, "r1.sqlite") });
    expect(on.failed).toBe(0);
    expect(paths(site).filter((p) => p === "/sitemap-robots.xml")).toHaveLength(1); // two lines, one URL
    expect(paths(site)).toContain(only);
    site.hits.length = 0;
    await crawl(parseConfig(siteConfig(site.base, { delay: 0 }, { sitemaps: [], robotsSitemaps: false }), "site.json"), { db: join(dir, "r2.sqlite") });
    expect(paths(site)).not.toContain("/sitemap-robots.xml");
    expect(paths(site)).not.toContain(only);
  });
});
