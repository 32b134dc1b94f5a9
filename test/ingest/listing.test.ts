// A listing or index page yields no article, and says so, whichever way it arrives.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readArticles, type ReadItem } from "../../src/ingest/read.js";

const listing = readFileSync(join(__dirname, "../fixtures/ingest/listing.html"), "utf8");
const story = readFileSync(join(__dirname, "../fixtures/ingest/news-plain.html"), "utf8");

async function all(paths: string[]): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const it of readArticles(paths)) out.push(it);
  return out;
}

describe("listing pages", () => {
  it("a listing page is an error naming the file and the reason; a story beside it is read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "thidua-listing-"));
    writeFileSync(join(dir, "a-listing.html"), listing);
    writeFileSync(join(dir, "b-story.html"), story);
    const items = await all([dir]);
    expect(items).toHaveLength(2);
    const [l, s] = items;
    expect(l && "error" in l && l.error.source.endsWith("a-listing.html")).toBe(true);
    expect(l && "error" in l ? l.error.reason : "").toMatch(/listing page|no article body/);
    expect(s && "article" in s && s.article.text.length).toBeGreaterThan(100);
  });

  it("the same holds for a listing page inside JSONL", async () => {
    const dir = mkdtempSync(join(tmpdir(), "thidua-listing-"));
    writeFileSync(join(dir, "pages.jsonl"), JSON.stringify({ url: "https://bao.example.vn/thi-dua/", html: listing }) + "\n");
    const [item] = await all([join(dir, "pages.jsonl")]);
    expect(item && "error" in item ? item.error.reason : "").toMatch(/listing page|no article body/);
  });
});

describe("a page that lies about its charset", () => {
  it("UTF-8 bytes declared as windows-1252 are read as UTF-8", async () => {
    const dir = mkdtempSync(join(tmpdir(), "thidua-charset-"));
    const page = story.replace(/<meta[^>]*charset[^>]*>/i, "").replace("<head>", '<head><meta charset="windows-1252">');
    writeFileSync(join(dir, "lie.html"), page);
    const [item] = await all([join(dir, "lie.html")]);
    expect(item && "article" in item).toBe(true);
    const text = item && "article" in item ? item.article.text : "";
    expect(text).toMatch(/thi đua/);
    expect(text).not.toMatch(/Ä‘|Ã/);
  });
});
