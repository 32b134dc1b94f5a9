import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { readAll, articles, errors, tempDir } from "./helpers.js";
import { readArticles, sourceHash } from "../../src/ingest/read.js";

const FIX = new URL("../fixtures/ingest/", import.meta.url).pathname;
const STORY = "Cụm thi đua số 3 huyện Yên Thế ký giao ước thi đua năm 2024\n\nSáng 5/3, Cụm thi đua số 3 tổ chức hội nghị ký giao ước thi đua.\n\nCác đơn vị cam kết thực hiện tốt các nội dung thi đua.\n";

describe("paths and folders", () => {
  it("walks folders recursively in sorted order, keeps known kinds, skips hidden and unknown files", async () => {
    const dir = tempDir({
      "b/2.txt": STORY, "b/1.txt": STORY, "a.html": readFileSync(join(FIX, "news-plain.html")),
      "notes.json": "{}", ".hidden.txt": STORY, "c/d/e.txt": STORY,
    });
    const items = await readAll([dir]);
    expect(errors(items)).toEqual([]);
    expect(articles(items).map((a) => a.source.slice(dir.length + 1))).toEqual(["a.html", "b/1.txt", "b/2.txt", "c/d/e.txt"]);
    expect(articles(items).map((a) => a.format)).toEqual(["html", "txt", "txt", "txt"]);
  });

  it("reports a missing path and goes on", async () => {
    const dir = tempDir({ "ok.txt": STORY });
    const items = await readAll([join(dir, "nope.txt"), join(dir, "ok.txt")]);
    expect(errors(items)).toEqual([{ source: join(dir, "nope.txt"), reason: "no such file or folder" }]);
    expect(articles(items)).toHaveLength(1);
  });

  it.skipIf(process.getuid?.() === 0)("reports an unreadable file (not as root, who reads everything)", async () => {
    const dir = tempDir({ "locked.txt": STORY });
    chmodSync(join(dir, "locked.txt"), 0o000);
    const [e] = errors(await readAll([join(dir, "locked.txt")]));
    expect(e!.reason).toMatch(/cannot read: EACCES/);
  });
});

describe("bad input", () => {
  it("names empty, blank and binary files", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(200, 7)]);
    const dir = tempDir({ "empty.txt": "", "blank.txt": " \n\n\t\n", "image.html": png, "good.txt": STORY });
    const items = await readAll([dir]);
    const byName = Object.fromEntries(errors(items).map((e) => [e.source.slice(dir.length + 1), e.reason]));
    expect(byName["empty.txt"]).toBe("empty file");
    expect(byName["blank.txt"]).toMatch(/empty file/);
    expect(byName["image.html"]).toBe("binary data, not text");
    expect(articles(items).map((a) => a.source)).toEqual([join(dir, "good.txt")]);
  });

  it("refuses bytes that are neither UTF-8 nor readable in any Vietnamese encoding", async () => {
    // Shift-JIS-looking bytes: not UTF-8, and no candidate reading looks like Vietnamese
    const junk = Buffer.from(Array.from({ length: 600 }, (_, i) => [0x83, 0x41 + (i % 20), 0x20][i % 3]!));
    const dir = tempDir({ "junk.txt": junk });
    const [e] = errors(await readAll([join(dir, "junk.txt")]));
    expect(e!.reason).toMatch(/not valid UTF-8/);
  });

  it("caps the size of a page and of what a gzip inflates to", async () => {
    const big = "<html><body>" + "<p>Cụm thi đua số 1 tổ chức hội nghị ký giao ước thi đua.</p>".repeat(2000) + "</body></html>";
    const dir = tempDir({ "big.html": big, "bomb.html.gz": gzipSync(Buffer.alloc(5_000_000, 0x20)) });
    const items = await readAll([dir], { maxBytes: 50_000 });
    const reasons = errors(items).map((e) => `${e.source.slice(dir.length + 1)}: ${e.reason}`);
    expect(reasons).toEqual([
      expect.stringMatching(/^big\.html: file is .* over the .* cap/),
      expect.stringMatching(/^bomb\.html\.gz: gzip inflates past the .* limit/),
    ]);
  });

  it("reads a gzip-compressed page within the limits", async () => {
    const dir = tempDir({ "page.html.gz": gzipSync(readFileSync(join(FIX, "news-plain.html"))) });
    const [a] = articles(await readAll([dir]));
    expect(a!.title).toBe("Khối thi đua Nội chính tổng kết công tác thi đua, khen thưởng năm 2022");
  });

  it("flags a truncated page that still has a story, and refuses one cut before it", async () => {
    const html = readFileSync(join(FIX, "news-jsonld.html"), "utf8");
    const cutAfter = html.slice(0, html.indexOf("<p>Thu Hà</p>"));
    const cutBefore = html.slice(0, html.indexOf("<main>"));
    const dir = tempDir({ "after.html": cutAfter, "before.html": cutBefore });
    const items = await readAll([dir]);
    const a = articles(items)[0]!;
    expect(a.flags).toContain("truncated");
    expect(a.text).toContain("Cụm thi đua số 2 gồm 5 đơn vị");
    expect(errors(items)).toEqual([{ source: join(dir, "before.html"), reason: "truncated HTML: the page ends before any article text" }]);
  });
});

describe("standard input", () => {
  const stdin = (s: string) => Readable.from([Buffer.from(s)]);
  it("sniffs HTML", async () => {
    const items = await readAll(["-"], { stdin: stdin(readFileSync(join(FIX, "news-plain.html"), "utf8")) });
    expect(articles(items)[0]!.format).toBe("html");
    expect(articles(items)[0]!.source).toBe("stdin");
  });
  it("sniffs JSON lines", async () => {
    const lines = [JSON.stringify({ title: "Cụm thi đua số 1 ký giao ước năm 2024", text: "Sáng 1/3, Cụm thi đua số 1 ký giao ước." }), "{oops"].join("\n");
    const items = await readAll(["-"], { stdin: stdin(lines) });
    expect(articles(items).map((a) => [a.source, a.format])).toEqual([["stdin:1", "jsonl"]]);
    expect(errors(items)[0]!.source).toBe("stdin:2");
  });
  it("takes anything else for a text dump", async () => {
    const [a] = articles(await readAll(["-"], { stdin: stdin(STORY) }));
    expect(a!.format).toBe("txt");
    expect(a!.title).toBe("Cụm thi đua số 3 huyện Yên Thế ký giao ước thi đua năm 2024");
  });
});

describe("shards", () => {
  it("split the inputs by a stable hash of their source: disjoint and complete", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 24; i++) files[`f${String(i).padStart(2, "0")}.txt`] = STORY;
    files["lines.jsonl"] = Array.from({ length: 10 }, (_, i) => JSON.stringify({ title: `Khối thi đua số ${i} tổng kết năm 2023 tại tỉnh`, text: "Các đơn vị trong Khối tổng kết." })).join("\n");
    const dir = tempDir(files);
    const all = articles(await readAll([dir])).map((a) => a.source).sort();
    expect(all).toHaveLength(34);
    const parts: string[][] = [];
    for (let i = 0; i < 3; i++) parts.push(articles(await readAll([dir], { shard: { index: i, count: 3 } })).map((a) => a.source));
    expect(parts.flat().sort()).toEqual(all);
    expect(new Set(parts.flat()).size).toBe(all.length);
    expect(parts.every((p) => p.length > 0)).toBe(true);
    expect(sourceHash("a/b.txt")).toBe(sourceHash("a/b.txt"));
  });
  it("report a bad path in one shard only", async () => {
    let n = 0;
    for (let i = 0; i < 4; i++) for await (const it of readArticles(["/no/such/path"], { shard: { index: i, count: 4 } })) if ("error" in it) n++;
    expect(n).toBe(1);
  });
});

describe("text dumps on disk", () => {
  it("read windows line endings and a BOM the same as plain UTF-8", async () => {
    const dir = tempDir({ "crlf.txt": "\ufeff" + STORY.replace(/\n/g, "\r\n"), "lf.txt": STORY });
    const [a, b] = articles(await readAll([dir]));
    expect(a!.text).toBe(b!.text);
    expect(a!.title).toBe(b!.title);
  });
  it("keep writing the reasons of bad inputs to a file-less batch", async () => {
    const dir = tempDir({});
    writeFileSync(join(dir, "x.txt"), "");
    expect(errors(await readAll([dir, join(dir, "missing")])).map((e) => e.reason)).toEqual(["empty file", "no such file or folder"]);
  });
});
