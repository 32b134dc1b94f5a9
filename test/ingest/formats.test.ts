import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import { readAll, articles, errors, tempDir, toTcvn3, toWindows1258, warcRecord } from "./helpers.js";
import { readMetadata, urlDate } from "../../src/ingest/metadata.js";
import { parseHtml } from "../../src/ingest/html.js";
import { decodeBytes } from "../../src/ingest/decode.js";
import { tcvn3ToUnicode, vniToUnicode } from "../../src/ingest/legacy-vn.js";
import { isDamaged, repairDoubleEncoding } from "../../src/ingest/mojibake.js";
import { canonicalUrl } from "../../src/ingest/url.js";

const FIX = new URL("../fixtures/ingest/", import.meta.url).pathname;
const JSONLD = readFileSync(join(FIX, "news-jsonld.html"), "utf8");
const PLAIN = readFileSync(join(FIX, "news-plain.html"), "utf8");

describe("HTML metadata", () => {
  it("reads JSON-LD inside @graph, Open Graph and article:* tags, recording its choices", () => {
    const a = parseHtml(JSONLD, "p.html");
    expect(a.title).toBe("Cụm thi đua số 2 tỉnh Bắc Giang ký kết giao ước thi đua năm 2023");
    // JSON-LD has the time and offset; article:published_time only the date: the more specific wins
    expect(a.published).toBe("2023-03-02T15:40:00+07:00");
    expect(a.author).toBe("Thu Hà");
    expect(a.outlet).toBe("BBG"); // the lead's tag, as in text dumps; the site name is kept as a choice
    const extra = a.extra as Record<string, any>;
    expect(extra.metaChoices.published).toBe("JSON-LD datePublished");
    expect(extra.metaChoices.outletSite).toBe("Báo Bắc Giang");
    expect(extra.section).toBe("Chính trị");
    expect(extra.language).toBe("vi");
    expect(extra.canonicalUrl).toBe("https://baobacgiang.example.vn/cum-thi-dua-so-2-ky-ket-2023-123456.html");
  });

  it("falls back to a Vietnamese dateline and the visible headline without JSON-LD", () => {
    const a = parseHtml(PLAIN, "q.html");
    expect(a.title).toBe("Khối thi đua Nội chính tổng kết công tác thi đua, khen thưởng năm 2022");
    expect(a.published).toBe("2022-12-28T09:15:00+07:00");
    expect(a.author).toBe("Minh Châu");
  });

  it("keeps the story and leaves out comment forms, repeated leads and the boxes after it", () => {
    const a = parseHtml(PLAIN, "q.html");
    const body = a.text.slice(a.bodyStart).split("\n\n");
    expect(body).toEqual([
      "Sáng ngày 27/12/2022, Khối thi đua Nội chính tỉnh tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2022.",
      "Năm 2022, các đơn vị trong Khối đã triển khai thực hiện có hiệu quả các phong trào thi đua.",
      "Hội nghị đã bình xét, đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho Công an tỉnh.",
    ]);
    const b = parseHtml(JSONLD, "p.html");
    expect(b.text).not.toMatch(/Họ tên|Mã xác nhận|Gửi bình luận|Bản quyền/);
    expect(b.flags ?? []).not.toContain("mojibake"); // the damaged captcha line sits in the form, not the story
  });

  it("takes dates from <time datetime>, from text patterns and from the URL", () => {
    const $ = cheerio.load('<html><body><h1>Khối thi đua số 4 sơ kết 6 tháng năm 2021</h1><time datetime="2021-07-02T08:30:00+07:00">2/7/2021</time><p>Nội dung.</p></body></html>');
    expect(readMetadata($, null).published).toBe("2021-07-02T08:30:00+07:00");
    const $2 = cheerio.load('<html><body><h1>Khối thi đua số 4 sơ kết 6 tháng năm 2021</h1><div class="time-post">Cập nhật: 09:03, 13/03/2019</div></body></html>');
    expect(readMetadata($2, null).published).toBe("2019-03-13T09:03:00+07:00");
    const $3 = cheerio.load("<html><body><h1>Khối thi đua số 4 sơ kết 6 tháng năm 2021</h1></body></html>");
    expect(readMetadata($3, "https://x.vn/tin/cum-thi-dua-2021-03-04-ky-ket.html").published).toBe("2021-03-04");
    expect(urlDate("https://baolamdong.vn/xahoi/202104/cum-thi-dua-so-1-3052452/")).toEqual({ date: null, month: "2021-04" });
    expect(urlDate("https://x.vn/2021/03/04/bai.html").date).toBe("2021-03-04");
  });

  it("canonicalises URLs: no tracking, no fragment, sorted query, lower-case host", () => {
    expect(canonicalUrl("HTTPS://WWW.Example.vn/a/b/?utm_source=x&b=2&a=1#top")).toBe("https://www.example.vn/a/b?a=1&b=2");
    expect(canonicalUrl("ftp://x.vn/a")).toBeNull();
  });

  it("flags a listing page instead of passing its teasers off as a story", () => {
    const a = parseHtml(readFileSync(join(FIX, "listing.html"), "utf8"), "l.html");
    expect((a.flags ?? []).some((f) => f === "listing" || f === "no-body")).toBe(true);
    expect(a.text).not.toContain("Khối thi đua các cơ quan Đảng tổng kết năm 2022");
  });
});

const VI = "Cụm thi đua số 4 thành phố Hà Nội ký kết giao ước thi đua năm 2021. Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam phát biểu tại hội nghị.";

// TCVN3 fonts had no capitals with tone marks (those came from the ".VnTimeH" font): write "Uỷ", not "Ủy"
const VI_TCVN3 = VI.replace("Ủy", "Uỷ");

describe("encodings", () => {
  it("decodes a windows-1258 page declared in <meta> and composes its tone marks (NFC)", () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body><p>${VI}</p></body></html>`;
    const d = decodeBytes(toWindows1258(html), { html: true });
    expect(d.charset).toBe("windows-1258");
    expect(d.via).toBe("meta");
    expect(d.text).toContain(VI);
  });

  it("detects undeclared windows-1258", () => {
    const d = decodeBytes(toWindows1258(`Tin tức\n\n${VI}\n\n${VI}`));
    expect(d.charset).toBe("windows-1258");
    expect(d.text).toContain(VI);
  });

  it("takes the charset of the HTTP header over the page's", () => {
    const d = decodeBytes(toWindows1258(`<meta charset="utf-8"><p>${VI}</p>`), { html: true, contentType: "text/html; charset=windows-1258" });
    expect(d.via).toBe("header");
    expect(d.text).toContain(VI);
  });

  it("converts the TCVN3 (.VnTime) text of a UTF-8 page and leaves its Unicode parts alone", async () => {
    const legacy = (x: string) => toTcvn3(x).toString("latin1"); // the font's characters, as the page stores them
    const html = `<html><head><meta charset="utf-8"><style>p{font-family:".VnTime"}</style></head><body><div class="menu">Trang chủ</div>` +
      `<h1>${legacy("Cụm thi đua số 4 thành phố Hà Nội ký kết giao ước thi đua")}</h1><p>${legacy(VI_TCVN3)}</p></body></html>`;
    const dir = tempDir({ "vntime.html": html });
    const [a] = articles(await readAll([dir]));
    expect(a!.title).toBe("Cụm thi đua số 4 thành phố Hà Nội ký kết giao ước thi đua");
    expect(a!.text).toContain(VI_TCVN3);
    expect(a!.raw).toContain('<div class="menu">Trang chủ</div>'); // the Unicode menu is left as it was
    expect((a!.extra as any).legacyEncoding).toBe("tcvn3");
  });

  it("converts a TCVN3 page served as Latin-1 bytes", async () => {
    const html = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><h1>'), toTcvn3("Cụm thi đua số 4 thành phố Hà Nội ký kết giao ước thi đua"),
      Buffer.from("</h1><p>"), toTcvn3(VI_TCVN3), Buffer.from("</p></body></html>")]);
    const [a] = articles(await readAll([tempDir({ "latin1.html": html })]));
    expect(a!.text).toContain(VI_TCVN3);
  });

  it("maps TCVN3 and VNI to Unicode", () => {
    expect(tcvn3ToUnicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam")).toBe("Cộng hoà xã hội chủ nghĩa Việt Nam");
    expect(vniToUnicode("Cuïm thi ñua soá 4 kyù keát giao öôùc")).toBe("Cụm thi đua số 4 ký kết giao ước");
  });

  it("converts a VNI text dump", async () => {
    const vni = "Cuïm thi ñua soá 4 thaønh phoá Haø Noäi kyù keát giao öôùc thi ñua naêm 2021\n\nChieàu 4/3, Cuïm thi ñua soá 4 ñaõ toå chöùc hoäi nghò kyù keát giao öôùc thi ñua.\n";
    const dir = tempDir({ "vni.txt": Buffer.from(vni, "latin1") });
    const [a] = articles(await readAll([dir]));
    expect(a!.title).toBe("Cụm thi đua số 4 thành phố Hà Nội ký kết giao ước thi đua năm 2021");
    expect(a!.text).toContain("Chiều 4/3, Cụm thi đua số 4 đã tổ chức hội nghị ký kết giao ước thi đua.");
  });

  it("repairs UTF-8 that was read as Latin-1", () => {
    const broken = Buffer.from("Cụm thi đua số 4 ký kết giao ước", "utf8").toString("latin1");
    expect(repairDoubleEncoding(broken).text).toBe("Cụm thi đua số 4 ký kết giao ước");
  });

  it("flags a story whose letters were lost, not one with a stray damaged line", async () => {
    expect(isDamaged("C?m thi ?ua s? 4 th�nh ph? H� N?i k� k?t giao ??c thi ?ua n?m 2021")).toBe(true);
    expect(isDamaged(`${VI} ${VI} ${VI} L?y l?i m� b?o m?t`)).toBe(false);
    const dir = tempDir({ "bad.txt": "C?m thi ?ua s? 4 th�nh ph? H� N?i k� k?t giao ??c\n\nChi?u 4/3, C?m thi ?ua s? 4 ?� t? ch?c h?i ngh? k� k?t giao ??c thi ?ua.\n" });
    const [a] = articles(await readAll([dir]));
    expect(a!.flags).toContain("mojibake");
  });
});

describe("JSON lines", () => {
  it("reads text and html lines, keeps unknown fields, names a bad line file:line", async () => {
    const lines = [
      JSON.stringify({ url: "https://tin.example.vn/a-1.html", title: "Khối thi đua số 2 tổng kết năm 2023 tại tỉnh", text: "Sáng 20/12, Khối thi đua số 2 tổng kết.\n\nCác đơn vị đề nghị khen thưởng.", published: "2023-12-20 10:00", crawler: "x", tags: ["a"] }),
      "",
      "not json",
      JSON.stringify({ url: "https://baobacgiang.example.vn/p.html", html: JSONLD }),
      JSON.stringify({ title: "no body" }),
      "[1,2]",
    ].join("\n");
    const dir = tempDir({ "batch.jsonl": lines });
    const items = await readAll([dir]);
    const f = join(dir, "batch.jsonl");
    const [a, b] = articles(items);
    expect(a!.source).toBe(`${f}:1`);
    expect(a!.format).toBe("jsonl");
    expect(a!.published).toBe("2023-12-20T10:00:00+07:00");
    expect(a!.text).toBe("Khối thi đua số 2 tổng kết năm 2023 tại tỉnh\n\nSáng 20/12, Khối thi đua số 2 tổng kết.\n\nCác đơn vị đề nghị khen thưởng.");
    expect((a!.extra as any).crawler).toBe("x");
    expect((a!.extra as any).tags).toEqual(["a"]);
    expect(b!.source).toBe(`${f}:4`);
    expect(b!.author).toBe("Thu Hà");
    expect(errors(items).map((e) => e.source)).toEqual([`${f}:3`, `${f}:5`, `${f}:6`]);
    expect(errors(items)[1]!.reason).toBe('no "text" or "html" field');
  });
});

describe("WARC", () => {
  it("streams the HTML responses of a WARC.gz, keeping record id and target URI, and skips other records", async () => {
    const parts = [
      await warcRecord("https://baobacgiang.example.vn/p.html", JSONLD, { gzip: true, id: "11111111-1111-1111-1111-111111111111" }),
      await warcRecord("https://baobacgiang.example.vn/logo.png", new Uint8Array([1, 2, 3]), { gzip: true, contentType: "image/png" }),
      await warcRecord("https://tinh.example.vn/q.html", PLAIN, { gzip: true, id: "22222222-2222-2222-2222-222222222222" }),
    ];
    const dir = tempDir({ "crawl.warc.gz": Buffer.concat(parts) });
    const items = await readAll([dir]);
    expect(errors(items)).toEqual([]);
    const [a, b] = articles(items);
    const f = join(dir, "crawl.warc.gz");
    expect(a!.source).toBe(`${f}#urn:uuid:11111111-1111-1111-1111-111111111111`);
    expect(a!.format).toBe("warc");
    expect(a!.url).toBe("https://baobacgiang.example.vn/p.html");
    expect((a!.extra as any).warcRecordId).toBe("urn:uuid:11111111-1111-1111-1111-111111111111");
    expect((a!.extra as any).warcTargetUri).toBe("https://baobacgiang.example.vn/p.html");
    expect(b!.title).toBe("Khối thi đua Nội chính tổng kết công tác thi đua, khen thưởng năm 2022");
  });

  it("reports a corrupt record by its offset and reads the records after it", async () => {
    for (const gzip of [true, false]) {
      const rec = (n: number) => warcRecord(`https://a.example.vn/${n}.html`, PLAIN, { gzip });
      const [r1, r2, r3] = [await rec(1), Buffer.from(await rec(2)), await rec(3)];
      // .warc.gz: damaged compressed bytes in the second member; .warc: the second record's header cut off mid-line
      const bad = gzip ? Buffer.from(r2.map((x, i) => (i > 30 && i < 200 ? x ^ 0x5a : x))) : Buffer.concat([r2.subarray(0, 300), Buffer.from("\r\n\r\n")]);
      const name = gzip ? "c.warc.gz" : "c.warc";
      const dir = tempDir({ [name]: Buffer.concat([r1, bad, r3]) });
      const items = await readAll([dir]);
      expect(articles(items).map((a) => a.url)).toEqual(["https://a.example.vn/1.html", "https://a.example.vn/3.html"]);
      const errs = errors(items);
      expect(errs).toHaveLength(1);
      expect(errs[0]!.source).toBe(`${join(dir, name)}#offset=${r1.length}`);
      expect(errs[0]!.reason).toMatch(/^corrupt WARC record/);
    }
  });

  it("reports a record that runs past the end of the file", async () => {
    const r1 = await warcRecord("https://a.example.vn/1.html", PLAIN);
    const r2 = Buffer.from(await warcRecord("https://a.example.vn/2.html", PLAIN));
    const dir = tempDir({ "t.warc": Buffer.concat([r1, r2.subarray(0, r2.length - 200)]) });
    const items = await readAll([dir]);
    expect(articles(items)).toHaveLength(1);
    expect(errors(items)[0]!.reason).toMatch(/runs past the end of the file/);
  });
});

describe("one article in every format", () => {
  it("gives the same cleaned text as .txt, .html, JSONL (text and html) and WARC", async () => {
    const page = parseHtml(JSONLD, "p.html");
    const body = page.text.slice(page.bodyStart);
    const dump = `Chính trị\n\n${page.title}\n\n02/03/2023 15:40\n\n${body}\n\nThu Hà\n\nhttps://baobacgiang.example.vn/cum-thi-dua-so-2-ky-ket-2023-123456.html\n`;
    const url = "https://baobacgiang.example.vn/cum-thi-dua-so-2-ky-ket-2023-123456.html";
    const dir = tempDir({
      "a.txt": dump,
      "b.html": JSONLD,
      "c.jsonl": [JSON.stringify({ url, title: page.title, text: body, published: "2023-03-02T15:40:00+07:00" }), JSON.stringify({ url, html: JSONLD })].join("\n"),
      "d.warc.gz": Buffer.from(await warcRecord(url, JSONLD, { gzip: true })),
    });
    const arts = articles(await readAll([dir]));
    expect(arts.map((a) => a.format)).toEqual(["txt", "html", "jsonl", "jsonl", "warc"]);
    for (const a of arts) expect(a.text).toBe(page.text);
    for (const a of arts) expect(a.published?.slice(0, 10)).toBe("2023-03-02");
  });
});
