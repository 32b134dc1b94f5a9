import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseTextDump } from "../../src/ingest/textdump.js";
import { datelineDate, findDates, toIso, trailingDate } from "../../src/ingest/vndate.js";
import { bylineOf, orgNameIn, outletTag, siteNameIn } from "../../src/ingest/furniture.js";

const ROOT = new URL("../../", import.meta.url).pathname;

describe("Vietnamese datelines", () => {
  it("reads day-first dates with the time on either side, in Vietnam time", () => {
    expect(toIso(datelineDate("04/03/2021 22:20")!)).toBe("2021-03-04T22:20:00+07:00");
    expect(toIso(datelineDate("09:03, 13/03/2019")!)).toBe("2019-03-13T09:03:00+07:00");
    expect(toIso(datelineDate("Ngày đăng 06/02/2020 | 14:46 \u00a0|\u00a0Lượt xem: 309")!)).toBe("2020-02-06T14:46:00+07:00");
    expect(toIso(datelineDate("Thứ năm, 04/03/2021 - 22:20 (GMT+7)")!)).toBe("2021-03-04T22:20:00+07:00");
    expect(toIso(datelineDate("( Cập nhật lúc: 09/01/2023  )")!)).toBe("2023-01-09");
    expect(toIso(datelineDate("Cập nhật: 15/04/2021 08:04")!)).toBe("2021-04-15T08:04:00+07:00");
    // the time written apart from the date, with the weekday between them
    expect(toIso(datelineDate("Cập nhật lúc 11:20, Thứ Bảy, 02/03/2024 (GMT+7)")!)).toBe("2024-03-02T11:20:00+07:00");
    expect(toIso(datelineDate("14h20 - Chủ nhật, 10/12/2023")!)).toBe("2023-12-10T14:20:00+07:00");
  });
  it("does not take a sentence that mentions a date for a dateline", () => {
    expect(datelineDate("Chiều ngày 05/2/2020, tại phòng họp tầng 3 trụ sở Quận ủy")).toBeNull();
    expect(findDates("Chiều ngày 05/2/2020, tại phòng họp")[0]!.date).toBe("2020-02-05");
  });
  it("rejects impossible dates and times", () => {
    expect(datelineDate("31/02/2021")).toBeNull();
    expect(toIso(datelineDate("04/03/2021 25:61")!)).toBe("2021-03-04");
  });
  it("splits a date in parentheses off a headline", () => {
    const t = trailingDate("Tổ chức các phong trào thi đua (14:16 09/04/2021)")!;
    expect(t.before).toBe("Tổ chức các phong trào thi đua");
    expect(toIso(t.date)).toBe("2021-04-09T14:16:00+07:00");
    expect(trailingDate("Hội nghị Cụm thi đua số 4 (lần thứ 2)")).toBeNull();
  });
});

describe("outlet tags and bylines", () => {
  it("finds the outlet tag that opens a lead", () => {
    expect(outletTag("(LĐTĐ) Chiều 4/3, Cụm thi đua")?.tag).toBe("LĐTĐ");
    expect(outletTag("HNP - Phát biểu chỉ đạo")?.tag).toBe("HNP");
    expect(outletTag("(LĐ online) - Chiều 15/4")?.tag).toBe("LĐ online");
    expect(outletTag("(Dân trí) - Sáng nay")?.tag).toBe("Dân trí");
    expect(outletTag("(1/4) Cụm thi đua")).toBeNull();
    expect(outletTag("Chiều ngày (1/4), Cụm thi đua")).toBeNull();
    // the site's whole name as the tag, its own dash kept ("Bà Rịa - Vũng Tàu"); a place or a cluster before a dash is none
    expect(outletTag("Cổng TTĐT tỉnh Hậu Giang - Sáng 12/3, Cụm thi đua số 2 tổ chức")?.tag).toBe("Cổng TTĐT tỉnh Hậu Giang");
    expect(outletTag("Báo Bà Rịa - Vũng Tàu - Chiều 5/3, Khối thi đua")?.tag).toBe("Báo Bà Rịa - Vũng Tàu");
    expect(outletTag("Hà Nội - Sáng 5/3, Cụm thi đua")).toBeNull();
    expect(outletTag("Cụm thi đua số 2 - Khối thi đua các sở")).toBeNull();
  });
  it("reads a byline after a label ('Tin, ảnh:', 'Bài và ảnh:', 'Thực hiện:'), a unit's name included", () => {
    expect(bylineOf("Tin, ảnh: Ngọc Hà")).toBe("Ngọc Hà");
    expect(bylineOf("Bài và ảnh: Minh Đức")).toBe("Minh Đức");
    expect(bylineOf("Tin, ảnh: Phòng Truyền thông")).toBe("Phòng Truyền thông");
    expect(bylineOf("Tin: hội nghị sẽ diễn ra vào ngày 12/3.")).toBeNull();
  });
  it("recognises bylines and not sentences", () => {
    for (const b of ["P.Ngân", "N. Hoa", "Nhóm PV", "Đức Minh, Văn Công", "LÊ VĂN THƠM", "C. Q.H – MTTQ Ba Đình", "C.N"]) expect(bylineOf(b)).toBe(b);
    expect(bylineOf("Toàn cảnh hội nghị.")).toBeNull();
    expect(bylineOf("Các đơn vị ký kết giao ước thi đua.")).toBeNull();
    expect(bylineOf("Ngày 24/12")).toBeNull();
  });
});

// A dump in the shape news sites leave: logo letter, dateline, headline, tagged lead printed twice,
// related headlines, caption repeating the headline, byline, comment form, URL line.
const DUMP = [
  "Tin tức", "", "T", "10/05/2022 09:15", "", "Khối thi đua các cơ quan Nội chính tỉnh ký kết giao ước thi đua năm 2022", "",
  "(VTV) - Sáng 10/5, Khối thi đua các cơ quan Nội chính tỉnh tổ chức hội nghị ký kết giao ước thi đua.", "",
  "(VTV) - Sáng 10/5, Khối thi đua các cơ quan Nội chính tỉnh tổ chức hội nghị ký kết giao ước thi đua.", "",
  "Khối thi đua các cơ quan Nội chính tỉnh ký kết giao ước thi đua năm 2022", "Các đơn vị ký giao ước.", "",
  "\u00a0", ".", "Năm 2022, các đơn vị trong Khối cam kết thực hiện tốt các nội dung thi đua.", "",
  "Trần Văn An", "", "Tin liên quan", "Khối thi đua số 2 tổng kết năm 2021", "", "Họ tên:(*)", "Mã xác nhận: L?y l?i m\ufffd b?o m?t",
  "https://www.example-news.vn/khoi-noi-chinh-ky-ket-2022.html",
].join("\n");

describe("the site's name above a dump's headline", () => {
  it("is taken out of a trail or a section beside it, and a name with a dash in it stays whole", () => {
    expect(siteNameIn("Báo Cà Mau điện tử › Thời sự › Chính trị")).toBe("Báo Cà Mau điện tử");
    expect(siteNameIn("Giáo dục | Báo Hưng Yên")).toBe("Báo Hưng Yên");
    expect(siteNameIn("Thời báo Ngân hàng - Hoạt động ngân hàng")).toBe("Thời báo Ngân hàng");
    expect(siteNameIn("Báo Bà Rịa - Vũng Tàu")).toBe("Báo Bà Rịa - Vũng Tàu");
    expect(siteNameIn("Hải quan Online")).toBe("Hải quan Online");
    expect(siteNameIn("Thời sự › Chính trị")).toBeNull();
  });
  it("or an organisation's portal name out of a line with a section beside it", () => {
    expect(orgNameIn("Đại học Huế - Tin tức - Sự kiện")).toBe("Đại học Huế");
    expect(orgNameIn("Công an tỉnh Bình Phước")).toBe("Công an tỉnh Bình Phước");
    expect(orgNameIn("Tin tức - Sự kiện")).toBeNull();
  });
  it("and a tag of capitals closed by 'Online' opens a lead", () => {
    expect(outletTag("HQ Online - Ngày 10 tháng 1 năm 2025, tại TP Lạng Sơn, …")?.tag).toBe("HQ Online");
  });
});

describe("related-articles boxes in a dump", () => {
  const dump = [
    "Hội Nông dân huyện Đức Thọ tổng kết công tác năm 2023", "", "15/12/2023 10:20", "",
    "(HTO) - Sáng 14/12, Hội Nông dân huyện Đức Thọ tổ chức hội nghị tổng kết công tác Hội năm 2023.", "",
    "Tin liên quan:", "- Cụm thi đua số 3 Hội Nông dân tỉnh ký kết giao ước thi đua năm 2023", "- Nông dân Can Lộc thu hoạch lúa xuân", "",
    "Năm 2023, toàn huyện có 5.200 hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp.", "",
    "Thu Hà", "", "TIN LIÊN QUAN", "Khối thi đua số 2 tổng kết năm 2022", "Giá phân bón giảm mạnh",
  ].join("\n");
  it("drops the headlines under a bare \"Tin liên quan:\" heading, in the story or after it, and keeps the prose that follows", () => {
    const a = parseTextDump(dump, "box.txt");
    expect(a.text).not.toMatch(/Cụm thi đua số 3|Khối thi đua số 2|Can Lộc|phân bón/u);
    expect(a.text).toContain("Năm 2023, toàn huyện có 5.200 hộ");
  });
  it("skips a box under a heading with no colon inside the story and goes on with the story; one at the end still ends it", () => {
    const lead = "Sáng 12/3, Cụm thi đua số 2 Công an tỉnh tổ chức hội nghị ký kết giao ước thi đua năm 2024 tại hội trường Công an tỉnh.";
    const more = "Cụm thi đua số 2 gồm Công an các huyện Bù Đăng, Bù Gia Mập và Phú Riềng; Công an huyện Bù Đăng được bầu làm Cụm trưởng năm 2024.";
    const inside = parseTextDump(["Cụm thi đua số 2 ký kết giao ước thi đua năm 2024", "", lead, "", "Tin liên quan", "Công an tỉnh phát động thi đua cao điểm", "Cụm thi đua số 1 tổng kết năm 2023", "", more, "", "Nguyễn Vũ"].join("\n"), "inside.txt");
    expect(inside.text).toContain(more);
    expect(inside.text).not.toContain("Cụm thi đua số 1 tổng kết");
    expect(inside.extra?.relatedHeadlines).toEqual(["Công an tỉnh phát động thi đua cao điểm", "Cụm thi đua số 1 tổng kết năm 2023"]);
    expect(inside.author).toBe("Nguyễn Vũ");
    const atEnd = parseTextDump(["Cụm thi đua số 2 ký kết giao ước thi đua năm 2024", "", lead, "", more, "", "Tin liên quan", "Công an tỉnh phát động thi đua cao điểm", "", "Khối thi đua số 5 tổng kết năm 2023, các đơn vị hoàn thành xuất sắc mọi chỉ tiêu được giao trong năm."].join("\n"), "end.txt");
    expect(atEnd.text).not.toMatch(/Khối thi đua số 5|cao điểm/u); // prose after a box at the end, with the story told, is other stories' teasers
    // a byline alone as the page's last line, under the box that ended the story, is still the story's
    for (const heading of ["Tin liên quan", "Tin liên quan:"]) {
      const under = parseTextDump(["Cụm thi đua số 2 ký kết giao ước thi đua năm 2024", "", lead, "", more, "", heading, "- Công an tỉnh phát động thi đua cao điểm", "- Cụm thi đua số 1 tổng kết năm 2023", "", "Thanh Bình"].join("\n"), "under.txt");
      expect(under.author, heading).toBe("Thanh Bình");
      expect(under.text).not.toContain("Thanh Bình");
    }
  });
});

describe("parseTextDump", () => {
  const a = parseTextDump(DUMP, "x.txt");
  it("finds headline, dateline, outlet tag, byline and URL", () => {
    expect(a.title).toBe("Khối thi đua các cơ quan Nội chính tỉnh ký kết giao ước thi đua năm 2022");
    expect(a.published).toBe("2022-05-10T09:15:00+07:00");
    expect(a.outlet).toBe("VTV");
    expect(a.author).toBe("Trần Văn An");
    expect(a.url).toBe("https://www.example-news.vn/khoi-noi-chinh-ky-ket-2022.html");
    expect(a.format).toBe("txt");
  });
  it("keeps the story and drops the furniture", () => {
    expect(a.text.split("\n\n")).toEqual([
      a.title,
      "(VTV) - Sáng 10/5, Khối thi đua các cơ quan Nội chính tỉnh tổ chức hội nghị ký kết giao ước thi đua.",
      "Các đơn vị ký giao ước.",
      "Năm 2022, các đơn vị trong Khối cam kết thực hiện tốt các nội dung thi đua.",
    ]);
    expect(a.text.slice(a.bodyStart).startsWith("(VTV)")).toBe(true);
  });
  it("takes the outlet from the URL's host when the page gives none", () => {
    const b = parseTextDump("Cụm thi đua số 2 tỉnh Lào Cai ký giao ước năm 2023\n\nSáng 3/3, Cụm thi đua số 2 tổ chức hội nghị.\n\nhttps://www.baolaocai.vn/a-1.html", "y.txt");
    expect(b.outlet).toBe("baolaocai.vn");
    expect(b.published).toBeNull();
  });
  const story = (...tail: string[]) => ["Khối thi đua các sở ngành tỉnh Tây Ninh ký giao ước năm 2024", "Sáng 5/3, Khối thi đua các sở ngành tổ chức hội nghị ký kết giao ước thi đua.", "Các đơn vị cam kết hoàn thành nhiệm vụ được giao.", ...tail].join("\n\n");
  it("a byline with its outlet in brackets gives both; with the writer's unit in brackets, only the author", () => {
    const c = parseTextDump(story("Minh Khoa (Báo Tây Ninh)"), "c.txt");
    expect([c.author, c.outlet]).toEqual(["Minh Khoa", "Báo Tây Ninh"]);
    expect(c.text).not.toContain("Minh Khoa");
    const d = parseTextDump(story("Minh Khoa (Sở Tư pháp)"), "d.txt");
    expect([d.author, d.outlet]).toEqual(["Minh Khoa", null]);
    expect(parseTextDump(story("Minh Khoa (thực hiện)"), "i.txt").author).toBe("Minh Khoa");
  });
  it("a source credit names the outlet only when nothing else does", () => {
    expect(parseTextDump(story("Minh Khoa", "Nguồn: Báo Tây Ninh"), "e.txt").outlet).toBe("Báo Tây Ninh");
    expect(parseTextDump(story("Minh Khoa (TTXVN)", "Nguồn: Báo Tây Ninh"), "f.txt").outlet).toBe("TTXVN");
    expect(parseTextDump(story("Nguồn: https://baotayninh.vn/a-1.html"), "g.txt").outlet).toBe("baotayninh.vn");
  });
});

describe("the sample corpus", () => {
  const dirs = ["corpus/seeds", "corpus/dev"];
  const files = dirs.flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith(".txt")).map((f) => join(d, f)));
  it.each(files)("%s: headline and date agree with the gold record", (f) => {
    const gold = JSON.parse(readFileSync(join(ROOT, "corpus/gold", f.split("/").pop()!.replace(/\.txt$/, ".json")), "utf8")).article;
    const a = parseTextDump(readFileSync(join(ROOT, f), "utf8"), f);
    expect(a.title).toBe(gold.title);
    expect(a.published?.slice(0, 10) ?? null).toBe(gold.published);
    if (gold.author) expect(a.author).toBe(gold.author);
    if (gold.outlet) expect(a.outlet).toBe(gold.outlet);
  });
});
