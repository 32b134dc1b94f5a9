import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import * as cheerio from "cheerio";
import { extractBody, joinBlocks, type BodyResult } from "../../src/ingest/body.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const fixture = (name: string): string => readFileSync(`${ROOT}test/fixtures/body/${name}`, "utf8");
const kinds = (r: BodyResult, kind: string): string[] => r.blocks.filter((b) => b.kind === kind).map((b) => b.text);
const page = (body: string, head = "<title>Trang</title>"): string => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe("a story page with furniture around it", () => {
  const r = extractBody(fixture("story-furniture.html"));
  it("keeps the lead set apart above the story and every paragraph, in order", () => {
    expect(r.isListing).toBe(false);
    const paras = kinds(r, "paragraph");
    expect(paras[0]).toMatch(/^\(BĐT\) - Sáng 10\/3, tại thành phố Buôn Ma Thuột/);
    expect(paras.slice(1).map((p) => p.slice(0, 20))).toEqual(["Cụm thi đua gồm 5 tỉ", "Phát biểu tại hội ng", "Theo nội dung giao ư", "Dịp này, hội nghị đã"]);
  });
  it("marks the figcaption as a caption", () => {
    expect(kinds(r, "caption")).toEqual(["Lãnh đạo các tỉnh trong Cụm thi đua ký kết giao ước thi đua năm 2023. Ảnh: Minh Thuận"]);
  });
  it("drops menu, share bar, date and byline, related news, tags, comment form, sidebar, footer and cookie notice", () => {
    for (const furniture of ["Thời sự", "Trang chủ", "Chia sẻ", "Zalo", "10/03/2023", "Tin liên quan", "Khối thi đua các cơ quan Đảng tổng kết",
      "Từ khóa", "Ý kiến bạn đọc", "Gửi bình luận", "Họ tên", "Xem nhiều", "Cơ quan chủ quản", "cookie", "Tìm kiếm"]) {
      expect(r.text, furniture).not.toContain(furniture);
    }
    // the headline is the page title, not part of the body
    expect(r.text).not.toContain("ký kết giao ước thi đua năm 2023\n");
    expect(r.blocks.some((b) => b.text === "Minh Thuận")).toBe(false);
  });
  it("hands the byline it took out of the story back on its own", () => {
    expect(r.byline).toBe("Minh Thuận");
  });
});

describe("a layout-table page whose story is <div> text cut by <br>", () => {
  const r = extractBody(fixture("div-br.html"));
  it("splits paragraphs at double <br> and keeps a single <br> as a line break", () => {
    const paras = kinds(r, "paragraph");
    expect(paras[0]).toMatch(/^Chiều 14\/01, Khối thi đua các cơ quan tham mưu tổng hợp/);
    expect(paras[1]).toMatch(/^Khối thi đua gồm 8 thành viên: Văn phòng Tỉnh ủy/);
    expect(paras[2]).toBe(
      "Năm 2022, các đơn vị trong Khối đã bám sát nhiệm vụ chính trị, chủ động tham mưu cho Tỉnh ủy, UBND tỉnh lãnh đạo, chỉ đạo hoàn thành các chỉ tiêu chủ yếu;\n" +
        "công tác cải cách hành chính, chuyển đổi số tiếp tục có chuyển biến rõ nét.",
    );
    expect(paras.filter((p) => /Sở Nội vụ được bầu làm Trưởng Khối/.test(p))).toHaveLength(1);
  });
  it("leaves out the side menu, visit counter, date line, other-news box and footer", () => {
    for (const furniture of ["Giới thiệu", "Lượt truy cập", "Cập nhật", "Các tin khác", "Dân vận khéo", "Bản quyền"]) {
      expect(r.text, furniture).not.toContain(furniture);
    }
  });
});

describe("a portal page wrapped in an ASP.NET <form>, story in <div><font>", () => {
  const r = extractBody(fixture("portal-form.html"));
  it("keeps the story paragraphs and the right-aligned byline under them", () => {
    expect(r.blocks.map((b) => b.text.slice(0, 24))).toEqual([
      "Ngày 19/7, Cụm thi đua s", "Sáu tháng đầu năm, các đ", "Hội nghị cũng thảo luận,", "Văn phòng Sở",
    ]);
  });
  it("leaves out the quick-launch menu, accessibility links, tools, earlier news and footer", () => {
    for (const furniture of ["Skip Ribbon", "Giới thiệu chung", "In trang", "Các tin đã đưa", "Hướng dẫn công tác", "Cơ quan chủ quản", "VIEWSTATE"]) {
      expect(r.text, furniture).not.toContain(furniture);
    }
  });
});

describe("a story with its lead above, a related box in the middle and a comment box after", () => {
  const r = extractBody(fixture("news-lead-relate.html"));
  it("keeps the lead, the paragraphs around the related box and the caption inside <figcaption><p>", () => {
    expect(r.blocks.map((b) => [b.kind, b.text.slice(0, 20)])).toEqual([
      ["paragraph", "Trường Đại học Sư phạ"],
      ["paragraph", "Chiều 7/9, Khối thi đ"],
      ["caption", "Đại diện các trường n"],
      ["paragraph", "Theo báo cáo, trong n"],
      ["paragraph", "Hội nghị thống nhất s"],
      ["paragraph", "Năm học 2023-2024, Tr"],
      ["paragraph", "Thu Hà"],
    ].map(([k, t]) => [k, t!.slice(0, 20)]));
    expect(r.blocks[2]!.text).toBe("Đại diện các trường nhận Bằng khen tại hội nghị. Ảnh: Thu Hà");
  });
  it("leaves out the related links, tags, sharing, comment box and most-read box", () => {
    for (const furniture of ["Khối thi đua các trường cao đẳng ký", "Copy link", "Đại học\n", "Ý kiến", "Tin xem nhiều", "Điểm chuẩn", "giấy phép"]) {
      expect(r.text, furniture).not.toContain(furniture);
    }
  });
});

describe("a listing page of teasers", () => {
  it("yields no article, and says why", () => {
    const r = extractBody(fixture("listing.html"));
    expect(r.isListing).toBe(true);
    expect(r.blocks).toEqual([]);
    expect(r.text).toBe("");
    expect(r.reason).toMatch(/listing page: 8 teasers/);
  });
  const T = (i: number): string => `Cụm thi đua số ${i} tổng kết công tác thi đua, khen thưởng năm 2022`;
  const S = (i: number): string => `Các đơn vị trong Cụm thi đua số ${i} đã hoàn thành các chỉ tiêu, nhiệm vụ được giao, suy tôn đơn vị dẫn đầu.`;
  const ten = Array.from({ length: 10 }, (_, i) => i + 1);
  const shapes: Record<string, string> = {
    "headline and summary as siblings, no box per teaser": `<div class="col">${ten.map((i) => `<h3><a href="/${i}">${T(i)}</a></h3><p>${S(i)}</p>`).join("")}</div>`,
    "a list of linked titles with dates": `<div class="col"><ul>${ten.map((i) => `<li><a href="/${i}">${T(i)}</a> <span>(12/03/2023)</span></li>`).join("")}</ul></div>`,
    "whole teasers inside the link": `<div class="col">${ten.map((i) => `<div class="it"><a href="/${i}"><h3>${T(i)}</h3><p>${S(i)}</p></a></div>`).join("")}</div>`,
    "layout-table rows, title and summary cut by <br>": `<table>${ten.map((i) => `<tr><td><img src="/${i}.jpg"></td><td><a href="/${i}"><b>${T(i)}</b></a><br>${S(i)}</td></tr>`).join("")}</table>`,
    "a featured teaser with a longer summary first": `<div class="col"><div class="hot"><h2><a href="/0">${T(0)}</a></h2><p>${S(0)} ${S(0)} ${S(0)}</p></div>${ten.map((i) => `<div class="it"><h3><a href="/${i}">${T(i)}</a></h3><p>${S(i)}</p></div>`).join("")}</div>`,
  };
  for (const [shape, body] of Object.entries(shapes)) {
    it(`recognises ${shape}`, () => {
      const r = extractBody(page(`<div class="menu"><a href="/">Trang chủ</a></div>${body}<div class="footer">Bản quyền</div>`));
      expect(r.isListing).toBe(true);
      expect(r.blocks).toEqual([]);
      expect(r.reason).toMatch(/^listing page: 1[01] (teasers|linked headlines)/);
    });
  }
  it("is not confused with a short story followed by a box of teasers with summaries", () => {
    const story = `<div class="detail"><div class="content"><p>Sáng 12/3, Cụm thi đua số 7 tổ chức hội nghị ký kết giao ước thi đua năm 2023, bầu huyện A làm Cụm trưởng.</p><p>Các đơn vị thống nhất 6 nội dung thi đua trọng tâm, trong đó có cải cách hành chính.</p></div></div>`;
    const box = `<div class="other"><b>Tin khác</b>${ten.slice(0, 6).map((i) => `<div class="it"><h4><a href="/${i}">${T(i)}</a></h4><p>${S(i)}</p></div>`).join("")}</div>`;
    const r = extractBody(page(story + box));
    expect(r.isListing).toBe(false);
    expect(r.blocks.map((b) => b.text.slice(0, 9))).toEqual(["Sáng 12/3", "Các đơn v"]);
  });
  it("is not confused with a story that has a box of teasers after it", () => {
    const teasers = Array.from({ length: 5 }, (_, i) =>
      `<div class="item"><h3><a href="/t${i}">Tin thứ ${i + 1} về phong trào thi đua của các cụm, khối</a></h3><p>Tóm tắt tin thứ ${i + 1}, hội nghị tổng kết và ký kết giao ước thi đua.</p></div>`).join("");
    const story = Array.from({ length: 4 }, (_, i) => `<p>Đoạn ${i + 1}: các đơn vị trong Cụm thi đua số ${i + 1} đã hoàn thành các chỉ tiêu về kinh tế, xã hội, quốc phòng, an ninh; nhiều mô hình hay được nhân rộng.</p>`).join("");
    const r = extractBody(page(`<div class="main"><div class="content">${story}</div><div class="list">${teasers}</div></div>`));
    expect(r.isListing).toBe(false);
    expect(kinds(r, "paragraph")).toHaveLength(4);
    expect(r.text).not.toContain("Tóm tắt tin");
  });
});

describe("photo captions", () => {
  const r = extractBody(fixture("captions.html"));
  it("reads <table class=image>, an <em> line under a photo and <figcaption> as captions", () => {
    expect(kinds(r, "caption")).toEqual([
      "Quang cảnh hội nghị tổng kết Cụm thi đua số 2.",
      "Trao Cờ thi đua cho huyện Cư M'gar, đơn vị dẫn đầu Cụm năm 2022.",
      "Lãnh đạo các địa phương ký kết giao ước thi đua năm 2023.",
    ]);
    expect(kinds(r, "paragraph")).toHaveLength(4);
    expect(r.text).not.toMatch(/Lượt xem|Chia sẻ|Gửi email|Bản quyền/);
    expect(r.blocks[0]!.text).toMatch(/^Ngày 19\/12/); // the headline div is not the body
  });
  it("leaves captions out on request", () => {
    const r2 = extractBody(fixture("captions.html"), { captions: false });
    expect(r2.blocks.every((b) => b.kind !== "caption")).toBe(true);
    expect(r2.blocks).toHaveLength(4);
  });
  it("reads a centred line under a photo, and a caption in the photo's own paragraph, as captions", () => {
    const body = `<div class="content"><p>Hội nghị tổng kết phong trào thi đua của Cụm thi đua số 1, các đơn vị đã thống nhất nội dung giao ước.</p>
      <p style="text-align: center;"><img src="/a.jpg"></p><p style="text-align: center;">Các đại biểu dự hội nghị</p>
      <p>Cụm thống nhất bầu huyện A làm Cụm trưởng, huyện B làm Cụm phó, nhiệm kỳ năm 2023, thống nhất các nội dung thi đua.</p>
      <p align="center"><img src="/b.jpg"><br><i>Trao Cờ thi đua cho huyện A</i></p>
      <p>Các đơn vị cam kết đổi mới nội dung, hình thức thi đua, khen thưởng kịp thời, chính xác, đúng người, đúng việc.</p></div>`;
    const r = extractBody(page(body));
    expect(kinds(r, "caption")).toEqual(["Các đại biểu dự hội nghị", "Trao Cờ thi đua cho huyện A"]);
    expect(kinds(r, "paragraph")).toHaveLength(3);
  });
  it("does not take an italic sentence in the running text for a caption", () => {
    const body = `<div class="content"><p>Hội nghị tổng kết phong trào thi đua của Cụm thi đua số 1, các đơn vị đã thống nhất nội dung giao ước.</p>
      <p><em>Các đơn vị cam kết đổi mới nội dung, hình thức thi đua, khen thưởng kịp thời.</em></p>
      <p>Cụm thống nhất bầu huyện A làm Cụm trưởng, huyện B làm Cụm phó, nhiệm kỳ năm 2023.</p></div>`;
    expect(kinds(extractBody(page(body)), "caption")).toEqual([]);
  });
});

describe("markup hints and other shapes", () => {
  const para = (n: number, what: string): string =>
    Array.from({ length: n }, (_, i) => `<p>${what} ${i + 1}: nội dung thi đua, khen thưởng được triển khai đồng bộ, hiệu quả, có nhiều đổi mới trong năm qua.</p>`).join("");
  it("follows itemprop=articleBody when a sidebar holds as much text", () => {
    const html = page(`<div class="wrap"><div itemprop="articleBody">${para(3, "Bài")}</div><div class="box">${para(3, "Hộp")}</div></div>`);
    const r = extractBody(html);
    expect(r.text).toContain("Bài 1");
    expect(r.text).not.toContain("Hộp 1");
  });
  it("reads lists, quotes and subheadings inside the story", () => {
    const html = page(`<article><div class="body">${para(2, "Đoạn")}<h2>Những kết quả nổi bật</h2>
      <ul><li>Hoàn thành 18/18 chỉ tiêu kinh tế - xã hội</li><li>Thu ngân sách vượt 12% dự toán</li></ul>
      <blockquote><p>“Thi đua là yêu nước, yêu nước thì phải thi đua.”</p></blockquote>${para(2, "Tiếp")}</div></article>`);
    const r = extractBody(html);
    expect(kinds(r, "heading")).toEqual(["Những kết quả nổi bật"]);
    expect(kinds(r, "list-item")).toEqual(["Hoàn thành 18/18 chỉ tiêu kinh tế - xã hội", "Thu ngân sách vượt 12% dự toán"]);
    expect(kinds(r, "quote")).toEqual(["“Thi đua là yêu nước, yêu nước thì phải thi đua.”"]);
    expect(r.text).toContain("Thu ngân sách vượt 12% dự toán\n\n“Thi đua");
    expect(r.text).toContain("Hoàn thành 18/18 chỉ tiêu kinh tế - xã hội\nThu ngân sách");
  });
  it("reads a table of results as one line per row, not a block per cell", () => {
    const table = `<table border="1"><tbody><tr><td><p><b>TT</b></p></td><td><p><b>Đơn vị</b></p></td><td><p><b>Điểm</b></p></td></tr>
      <tr><td>1</td><td>Sở Tài chính</td><td>98,5</td></tr><tr><td>2</td><td>Sở Tư pháp</td><td>97</td></tr></tbody></table>`;
    const r = extractBody(page(`<div class="content">${para(2, "Đoạn")}${table}${para(1, "Sau")}</div>`));
    expect(kinds(r, "list-item")).toEqual(["TT | Đơn vị | Điểm", "1 | Sở Tài chính | 98,5", "2 | Sở Tư pháp | 97"]);
    expect(r.text).toContain("Đoạn 2: nội dung thi đua, khen thưởng được triển khai đồng bộ, hiệu quả, có nhiều đổi mới trong năm qua.\n\nTT | Đơn vị | Điểm\n1 | Sở Tài chính");
  });
  it("reads a table wrapped in a <figure> (WordPress's table block) as rows, not as a caption per cell", () => {
    const table = `<figure class="wp-block-table"><table><thead><tr><th>STT</th><th>Đơn vị</th><th>Ghi chú</th></tr></thead>
      <tbody><tr><td>1</td><td>KBNN Lạng Sơn</td><td>Cụm trưởng</td></tr><tr><td>2</td><td>KBNN Cao Bằng</td><td></td></tr></tbody></table></figure>`;
    const r = extractBody(page(`<div class="content">${para(2, "Đoạn")}${table}${para(1, "Sau")}</div>`));
    expect(kinds(r, "list-item")).toEqual(["STT | Đơn vị | Ghi chú", "1 | KBNN Lạng Sơn | Cụm trưởng", "2 | KBNN Cao Bằng | "]);
    // a figure with a photo is still a caption
    const photo = `<figure><img src="/a.jpg"><figcaption>Đồng chí Hà Văn Nam trao Cờ thi đua cho KBNN Lạng Sơn.</figcaption></figure>`;
    expect(kinds(extractBody(page(`<div class="content">${para(2, "Đoạn")}${photo}${para(1, "Sau")}</div>`)), "caption")).toHaveLength(1);
  });
  it("ends the story at a heading of a box of other stories, even without class hints", () => {
    const tail = `<p><strong>Tin liên quan:</strong></p><p>Các cụm, khối thi đua của tỉnh đã tổ chức tổng kết năm 2022 trong tháng 12 với nhiều hình thức mới.</p><p>Trao Cờ thi đua cho 12 tập thể dẫn đầu phong trào thi đua năm 2022 của tỉnh.</p>`;
    const r = extractBody(page(`<div class="x">${para(3, "Đoạn")}${tail}</div>`));
    expect(r.blocks.map((b) => b.text.slice(0, 6))).toEqual(["Đoạn 1", "Đoạn 2", "Đoạn 3"]);
  });
  it("drops the headline repeated at the top of the story in a plain box", () => {
    const head = `<title>Cụm thi đua số 4 tổng kết năm 2022 - Cổng thông tin huyện</title>`;
    const r = extractBody(page(`<div class="content"><div><b>Cụm thi đua số 4 tổng kết năm 2022</b></div>${para(3, "Đoạn")}</div>`, head));
    expect(r.blocks).toHaveLength(3);
    expect(r.blocks[0]!.text).toMatch(/^Đoạn 1/);
  });
  it("takes the lead from the box just above the story's wrapper", () => {
    const lead = "Sáng 5/1, Khối thi đua các cơ quan nội chính tổ chức hội nghị tổng kết năm 2022 và ký kết giao ước thi đua năm 2023.";
    const r = extractBody(page(`<div class="detail"><div class="sapo"><strong>${lead}</strong></div><div class="wrap"><div class="text">${para(3, "Đoạn")}</div><div class="tools"><a href="#print">In bài</a></div></div></div>`));
    expect(r.blocks[0]!.text).toBe(lead);
    expect(r.blocks).toHaveLength(4);
  });
  it("takes a lead the page marks as such even with keyword links in it, and not an unmarked box of the same links", () => {
    const lead = `Chiều 22/2, tại TP Tân An, Cụm <a href="/tag/thi-dua">thi đua</a> số 8 Bảo hiểm xã hội tổ chức hội nghị ký kết giao ước <a href="/tag/thi-dua">thi đua</a> năm 2024.`;
    const story = (cls: string) => page(`<div class="detail"><div class="${cls}"><p>${lead}</p></div><div class="content">${para(3, "Đoạn")}</div></div>`);
    expect(extractBody(story("detail-sapo")).blocks[0]!.text).toMatch(/^Chiều 22\/2, tại TP Tân An, Cụm thi đua số 8/);
    expect(extractBody(story("box")).blocks[0]!.text).toMatch(/^Đoạn 1/); // a fifth of it is links: not taken unmarked
  });
  it("keeps the lead that sits in the story's <header> while the header itself goes", () => {
    const lead = "Sáng 10/3, Khối thi đua các cơ quan Đảng tỉnh tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2022.";
    const r = extractBody(page(`<article><header class="article-header"><h1>Khối thi đua tổng kết</h1><div class="meta"><a href="/thoi-su">Thời sự</a> 10/3/2023</div><h2 class="sapo">${lead}</h2></header><div class="body">${para(3, "Đoạn")}</div></article>`));
    expect(r.blocks.map((b) => b.text.slice(0, 10))).toEqual([lead.slice(0, 10), "Đoạn 1: nộ", "Đoạn 2: nộ", "Đoạn 3: nộ"]);
  });
  it("keeps the page's text exactly (decomposed tones stay decomposed)", () => {
    const nfd = "Cụm thi đua số 4 tổng kết năm, các đơn vị hoàn thành nhiệm vụ được giao.".normalize("NFD");
    const r = extractBody(page(`<div class="content"><p>${nfd}</p><p>${nfd}</p></div>`));
    expect(r.blocks[0]!.text).toBe(nfd);
  });
  it("leaves the caller's document untouched", () => {
    const $ = cheerio.load(fixture("story-furniture.html"));
    const before = $.html();
    expect(extractBody($).blocks.length).toBeGreaterThan(3);
    expect($.html()).toBe(before);
  });
  it("reads a page nested twelve thousand levels deep (unclosed <font>s) without overflowing the stack", () => {
    const html = page(`<div class="content">${para(2, "Đoạn")}${"<font>".repeat(12000)}Đoạn cuối: Cụm thi đua thống nhất nội dung giao ước năm 2023, các đơn vị cam kết thực hiện.</div>`);
    const r = extractBody(html);
    expect(r.text).toContain("Đoạn 1");
    expect(r.text).toContain("Đoạn cuối: Cụm thi đua thống nhất");
    const $ = cheerio.load(html);
    expect(extractBody($).text).toBe(r.text);
  });
  it("works on the caller's document when asked, with the same result", () => {
    const $ = cheerio.load(fixture("story-furniture.html"));
    const copy = extractBody(fixture("story-furniture.html"));
    expect(extractBody($, { inPlace: true })).toEqual(copy);
    expect($.html()).not.toContain("Gửi bình luận"); // the comment form went from the caller's page
  });
  it("reads text written straight in <body>, cut by <br>s", () => {
    const r = extractBody("<html><body>Sáng 12/3, Cụm thi đua số 7 tổ chức hội nghị ký kết giao ước thi đua năm 2023.<br><br>Các đơn vị thống nhất 6 nội dung thi đua trọng tâm.</body></html>");
    expect(r.blocks.map((b) => b.text)).toEqual(["Sáng 12/3, Cụm thi đua số 7 tổ chức hội nghị ký kết giao ước thi đua năm 2023.", "Các đơn vị thống nhất 6 nội dung thi đua trọng tâm."]);
  });
  it("gives a reason for a page without text", () => {
    const r = extractBody(page(`<nav><a href="/">Trang chủ</a></nav>`));
    expect(r.blocks).toEqual([]);
    expect(r.isListing).toBe(false);
    expect(r.reason).toBeTruthy();
  });
  it("joins list items by line and other blocks by blank line", () => {
    expect(joinBlocks([{ kind: "paragraph", text: "a" }, { kind: "list-item", text: "b" }, { kind: "list-item", text: "c" }, { kind: "caption", text: "d" }])).toBe("a\n\nb\nc\n\nd");
  });
});

describe("thidua body", () => {
  const run = (...args: string[]) => spawnSync("node", [`${ROOT}bin/thidua.js`, "body", ...args], { encoding: "utf8" });
  it("prints the body of a story page", () => {
    const r = run(`${ROOT}test/fixtures/body/div-br.html`);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Chiều 14\/01, Khối thi đua/);
  });
  it("prints nothing for a listing page, says why on stderr, exits 1", () => {
    const r = run(`${ROOT}test/fixtures/body/listing.html`);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/listing\.html: listing page/);
  });
  it("names a missing file and goes on with the others", () => {
    const r = run("/nonexistent/page.html", `${ROOT}test/fixtures/body/captions.html`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nonexistent\/page\.html: no such file/);
    expect(r.stdout).toContain("Ngày 19/12");
  });
});
