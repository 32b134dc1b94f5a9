// The crawl's small parts on real inputs: config validation, Retry-After, backoff, charsets, feeds and sitemaps, host gate.
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConfig, parseConfig } from "../../src/ingest/crawl/config.js";
import { backoffMs, parseRetryAfter } from "../../src/ingest/crawl/retry.js";
import { decodeBody } from "../../src/ingest/crawl/decode.js";
import { feedItems, htmlLinks, sitemapEntries, xmlKind } from "../../src/ingest/crawl/discover.js";
import { classify, foldAccents } from "../../src/ingest/crawl/classify.js";
import { makeHostGate } from "../../src/ingest/crawl/hosts.js";
import { parseDuration } from "../../src/ingest/crawl/duration.js";
import { rulesFrom } from "../../src/ingest/crawl/robots.js";
import iconv from "iconv-lite";

const good = { contact: "https://example.org/lien-he", outlets: [{ name: "Báo A", start: ["https://a.example.vn/"], articlePatterns: ["/\\d+\\.html$"] }] };

describe("sources config", () => {
  it("fills defaults and the User-Agent from the contact", () => {
    const c = parseConfig(good, "x.json");
    expect(c.userAgent).toBe("thidua/0.1 (+https://example.org/lien-he)");
    expect(c.outlets[0]!.hosts).toEqual(["a.example.vn"]);
    expect(c.outlets[0]!.maxDepth).toBe(2);
  });

  it("names the file, the outlet and the field of every mistake at once", () => {
    const bad = { contact: "me", outlets: [{ name: "Báo B", start: ["/relative"], articlePatterns: ["(unclosed"], maxDepth: -1, keywords: 3, colour: "red", robotsSitemaps: "yes" }, { start: [] }] };
    const dir = mkdtempSync(join(tmpdir(), "thidua-cfg-"));
    const file = join(dir, "sources.json");
    writeFileSync(file, JSON.stringify(bad));
    let err: ConfigError | null = null;
    try { loadConfig(file); } catch (e) { err = e as ConfigError; }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = err!.message;
    expect(msg).toContain(file);
    expect(msg).toContain('field "contact"');
    expect(msg).toContain('outlet "Báo B": field "start[0]": not an absolute http(s) URL');
    expect(msg).toContain('outlet "Báo B": field "articlePatterns[0]": bad regular expression');
    expect(msg).toContain('outlet "Báo B": field "maxDepth"');
    expect(msg).toContain('outlet "Báo B": field "keywords"');
    expect(msg).toContain('outlet "Báo B": field "colour": unknown field');
    expect(msg).toContain('outlet "Báo B": field "robotsSitemaps": must be true or false');
    expect(msg).toContain('outlet #2: field "name"');
    expect(msg).toContain("outlet #2: fields \"start\", \"feeds\", \"sitemaps\"");
  });

  it("reports a file that is not JSON with the file name", () => {
    const dir = mkdtempSync(join(tmpdir(), "thidua-cfg-"));
    const file = join(dir, "broken.json");
    writeFileSync(file, "{ outlets: [ }");
    expect(() => loadConfig(file)).toThrow(/broken\.json: bad crawl config:\n {2}not valid JSON/);
  });

  it("validates the example config shipped in docs/", () => {
    const c = loadConfig(join(import.meta.dirname, "../../docs/crawl.example.json"));
    expect(c.outlets.length).toBeGreaterThan(0);
  });
});

describe("robots.txt", () => {
  const txt = "User-agent: *\nDisallow: /noi-bo/\nCrawl-delay: 2\n\nUser-agent: thidua\nDisallow: /tim-kiem\n\nSitemap: https://a.example.vn/sitemap.xml\nSitemap: /sitemap-news.xml\nSitemap: ftp://a.example.vn/x.xml\n";
  it("reads the rules for our agent, its Crawl-delay and every Sitemap line (relative ones resolved)", () => {
    const r = rulesFrom("https://a.example.vn", 200, txt, "thidua");
    expect(r.allowed("https://a.example.vn/tim-kiem?q=thi+dua")).toBe(false);
    expect(r.allowed("https://a.example.vn/thi-dua/bai-1.html")).toBe(true);
    expect(r.sitemaps).toEqual(["https://a.example.vn/sitemap.xml", "https://a.example.vn/sitemap-news.xml"]);
  });
  it("treats a 404 as no rules and a 5xx as keep out", () => {
    expect(rulesFrom("https://a.example.vn", 404, "", "thidua").allowed("https://a.example.vn/x")).toBe(true);
    const down = rulesFrom("https://a.example.vn", 503, "", "thidua");
    expect(down.allowed("https://a.example.vn/x")).toBe(false);
    expect(down.refused).toMatch(/503/);
  });
});

describe("waiting", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    const now = Date.parse("Wed, 21 Oct 2026 07:28:00 GMT");
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:27:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
  it("backs off exponentially with jitter between half and one and a half times", () => {
    expect(backoffMs(1, 100, () => 0)).toBe(50);
    expect(backoffMs(3, 100, () => 0.999)).toBeLessThanOrEqual(600);
    expect(backoffMs(3, 100, () => 0.5)).toBe(400);
  });
  it("parses durations", () => {
    expect(parseDuration("24h")).toBe(86_400_000);
    expect(parseDuration("250ms")).toBe(250);
    expect(parseDuration("2")).toBe(2000);
    expect(parseDuration("tomorrow")).toBeNull();
  });
  it("keeps request starts on one host at least the delay apart, one at a time, other hosts free", async () => {
    const gate = makeHostGate(25, 1);
    const starts: number[] = [];
    let active = 0;
    let maxActive = 0;
    await Promise.all([0, 1, 2].map(async () => {
      await gate.acquire("a");
      starts.push(performance.now());
      maxActive = Math.max(maxActive, ++active);
      await new Promise((r) => setTimeout(r, 1));
      active--;
      gate.release("a");
    }));
    expect(maxActive).toBe(1);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(24);
    // host b is not held up by host a's delay
    await gate.acquire("a");
    const t = performance.now();
    await gate.acquire("b");
    expect(performance.now() - t).toBeLessThan(25);
    gate.release("a"); gate.release("b");
  });
});

describe("decoding", () => {
  const vi = "<html><body><p>Cụm thi đua số 3 tỉnh Nghệ An</p></body></html>";
  it("reads UTF-8 bytes as UTF-8 even when the header says iso-8859-1", () => {
    const d = decodeBody(Buffer.from(vi, "utf8"), "text/html; charset=iso-8859-1");
    expect(d.text).toBe(vi);
    expect(d.overridden).toBe(true);
  });
  it("reads windows-1258 bytes by the declared charset", () => {
    // windows-1258 writes tone marks as combining characters after the letter
    const bytes = iconv.encode("<p>Kh\u00f4\u0301i thi \u0111ua c\u00e1c c\u01a1 quan \u0110a\u0309ng</p>", "windows-1258");
    const d = decodeBody(bytes, "text/html; charset=windows-1258");
    expect(d.text.normalize("NFC")).toBe("<p>Khối thi đua các cơ quan Đảng</p>");
  });
  it("takes the charset from <meta> when the header has none", () => {
    const bytes = iconv.encode('<meta charset="windows-1258"><p>Thi \u0111ua</p>', "windows-1258");
    expect(decodeBody(bytes, "text/html").text.normalize("NFC")).toContain("Thi đua");
  });
});

describe("discovery", () => {
  it("finds links with their text, resolves them against <base>, drops fragments and tracking parameters", () => {
    const html = `<base href="https://bao.vn/tin/"><a href="a-1.html#top"><img></a><a href="a-1.html?utm_source=fb">Cụm thi đua số 1</a><a href="mailto:x@y">mail</a><a rel="nofollow" href="/dang-nhap">Đăng nhập</a>`;
    expect(htmlLinks(html, "https://bao.vn/")).toEqual([{ url: "https://bao.vn/tin/a-1.html", hint: "Cụm thi đua số 1", lastmod: null }]);
  });
  it("reads RSS and Atom items", () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><item><title>Khối thi đua</title><link>https://bao.vn/k.html</link><pubDate>Fri, 15 Mar 2024 08:00:00 +0700</pubDate></item></channel></rss>`;
    expect(xmlKind(rss)).toBe("rss");
    expect(feedItems(rss, "https://bao.vn/rss")).toEqual([{ url: "https://bao.vn/k.html", hint: "Khối thi đua", lastmod: "2024-03-15T01:00:00.000Z" }]);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Cụm thi đua</title><link rel="alternate" href="/c.html"/><updated>2024-03-16T00:00:00Z</updated></entry></feed>`;
    expect(xmlKind(atom)).toBe("atom");
    expect(feedItems(atom, "https://bao.vn/atom")).toEqual([{ url: "https://bao.vn/c.html", hint: "Cụm thi đua", lastmod: "2024-03-16T00:00:00.000Z" }]);
  });
  it("reads sitemap indexes and news sitemaps with their titles and the newest date", () => {
    const idx = `<sitemapindex><sitemap><loc>https://bao.vn/s1.xml</loc><lastmod>2024-03-01</lastmod></sitemap></sitemapindex>`;
    expect(sitemapEntries(idx, "https://bao.vn/s.xml")).toEqual([{ url: "https://bao.vn/s1.xml", hint: null, lastmod: "2024-03-01T00:00:00.000Z", sitemap: true }]);
    const news = `<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://bao.vn/a.html</loc><lastmod>2024-03-01</lastmod><news:news><news:publication_date>2024-03-02T10:00:00+07:00</news:publication_date><news:title>Thi đua</news:title></news:news></url></urlset>`;
    expect(sitemapEntries(news, "https://bao.vn/s1.xml")).toEqual([{ url: "https://bao.vn/a.html", hint: "Thi đua", lastmod: "2024-03-02T03:00:00.000Z" }]);
  });
  it("classifies links by the outlet's patterns, hosts and keywords (with or without accents)", () => {
    const o = parseConfig({ ...good, outlets: [{ ...good.outlets[0], listingPatterns: ["/chuyen-muc/"], keywords: "thi đua" }] }).outlets[0]!;
    expect(classify(o, { url: "https://a.example.vn/tin/12.html", hint: "Cụm THI ĐUA số 2", lastmod: null }, "html")).toBe("article");
    expect(classify(o, { url: "https://a.example.vn/thi-dua-khen-thuong/12.html", hint: "Xem tiếp", lastmod: null }, "html")).toBe(null);
    expect(classify(o, { url: "https://a.example.vn/tin/13.html", hint: "Giá vàng", lastmod: null }, "html")).toBe(null);
    expect(classify(o, { url: "https://a.example.vn/tin/14.html", hint: null, lastmod: null }, "sitemap")).toBe("article");
    expect(classify(o, { url: "https://a.example.vn/chuyen-muc/thoi-su", hint: "Thời sự", lastmod: null }, "html")).toBe("listing");
    expect(classify(o, { url: "https://other.vn/tin/12.html", hint: "thi đua", lastmod: null }, "html")).toBe(null);
    expect(foldAccents("Khối Thi Đua")).toBe("khoi thi dua");
  });
});

describe("one crawl per database", () => {
  it("refuses while a live process holds the lock and takes over a lock left by a dead one", async () => {
    const { lockCrawl, CrawlLockedError } = await import("../../src/ingest/crawl/lock.js");
    const { spawn } = await import("node:child_process");
    const dir = mkdtempSync(join(tmpdir(), "thidua-lock-"));
    const db = join(dir, "x.sqlite");
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
    writeFileSync(`${db}.crawl-lock`, String(holder.pid));
    expect(() => lockCrawl(db)).toThrow(CrawlLockedError);
    expect(() => lockCrawl(db)).toThrow(new RegExp(`pid ${holder.pid}`));
    holder.kill("SIGKILL");
    await new Promise((r) => holder.once("exit", r));
    const release = lockCrawl(db);
    expect(readFileSync(`${db}.crawl-lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(`${db}.crawl-lock`)).toBe(false);
  });
});
