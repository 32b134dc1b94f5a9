import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import type { Article } from "../../src/types.js";
import { article, run } from "./helpers.js";

const officials = (text: string) => run(text).officials.map(({ name, rank, titles }) => ({ name, rank, titles }));

describe("officials", () => {
  it("reads 'Title Name' and stops the title at the name", () => {
    expect(officials("Tại hội nghị, Phó Chủ tịch Liên đoàn Lao động thành phố Hải Phòng Trần Văn Hải đã trình bày báo cáo.")).toEqual([
      { name: "Trần Văn Hải", rank: null, titles: ["Phó Chủ tịch Liên đoàn Lao động thành phố Hải Phòng"] },
    ]);
  });

  it("reads 'Name, Title, Title' and ends the chain at a verb", () => {
    expect(officials("Dự có đồng chí Bùi Thị Minh, Tỉnh ủy viên, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh Quảng Ninh nhấn mạnh vai trò của Khối.")).toEqual([
      { name: "Bùi Thị Minh", rank: null, titles: ["Tỉnh ủy viên", "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh Quảng Ninh"] },
    ]);
  });

  it("keeps people of a ';' list apart and puts ranks aside", () => {
    expect(officials("Tới dự có các đồng chí: Đại tá Hà Văn Tuấn, Giám đốc Công an tỉnh Cao Bằng; Nguyễn Thị Lệ, Phó Bí thư Tỉnh đoàn.")).toEqual([
      { name: "Hà Văn Tuấn", rank: "Đại tá", titles: ["Giám đốc Công an tỉnh Cao Bằng"] },
      { name: "Nguyễn Thị Lệ", rank: null, titles: ["Phó Bí thư Tỉnh đoàn"] },
    ]);
  });

  it("does not bind a title that is followed by its own name to the previous person", () => {
    expect(officials("Có mặt các ông Lê Văn Dũng, Bí thư Huyện ủy, Chủ tịch UBND huyện Trần Đức Minh và nhiều đại biểu.")).toEqual([
      { name: "Lê Văn Dũng", rank: null, titles: ["Bí thư Huyện ủy"] },
      { name: "Trần Đức Minh", rank: null, titles: ["Chủ tịch UBND huyện"] },
    ]);
  });

  it("merges mentions of one person and keeps every distinct title once", () => {
    const text = "Chủ tịch UBND tỉnh Đinh Văn Hùng phát biểu.\n\nĐồng chí Đinh Văn Hùng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đề nghị các sở tiếp tục cố gắng.\n\nĐồng chí Đinh Văn Hùng trao cờ.";
    expect(officials(text)).toEqual([{ name: "Đinh Văn Hùng", rank: null, titles: ["Chủ tịch UBND tỉnh", "Phó Bí thư Tỉnh ủy"] }]);
  });

  it("finds no official where a name has no post, or a post has no name", () => {
    expect(officials("Ông Phan Văn Tài cho biết năm nay xã đạt nhiều kết quả. Giám đốc Sở Y tế đã ký giao ước với các đơn vị.")).toEqual([]);
    expect(officials("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh phát động.")).toEqual([]);
  });

  it("does not take the author for an official", () => {
    const a: Article = { ...article("Đồng chí Lâm Văn Đức, Giám đốc Sở Tư pháp phát biểu.\n\nLâm Văn Đức, Phóng viên"), author: "Lâm Văn Đức" };
    expect(extract(a).officials).toEqual([]);
  });

  it("gives provenance into the original text for the name and each title", () => {
    // old tone placement and a non-breaking space stay as the page wrote them
    const text = "Phát biểu tại hội nghị, đồng chí Nguyễn Văn Hoà – Ủy viên Ban Thường vụ Tỉnh ủy,\u00a0Chủ tịch Ủy ban MTTQ tỉnh Thanh Hoá nhấn mạnh.";
    const rec = run(text);
    expect(rec.officials).toHaveLength(1);
    const o = rec.officials[0]!;
    expect(o.name).toBe("Nguyễn Văn Hoà");
    expect(text.slice(o.prov.start, o.prov.end)).toBe("Nguyễn Văn Hoà");
    expect(o.prov.rule).toBe("officials.name-titles");
    expect(o.prov.confidence).toBeGreaterThan(0);
    expect(o.titles).toEqual(["Ủy viên Ban Thường vụ Tỉnh ủy", "Chủ tịch Ủy ban MTTQ tỉnh Thanh Hoá"]);
    expect(o.titleProv!.map((p) => text.slice(p.start, p.end))).toEqual(o.titles);
    expect(o.titleProv!.every((p) => p.sentence === o.prov.sentence)).toBe(true);
  });

  it("points prov at the first mention of the name even when the title comes later", () => {
    const text2 = "Đồng chí Trịnh Văn Lâm đến dự.\n\nĐồng chí Trịnh Văn Lâm, Phó Thống đốc Ngân hàng Nhà nước Việt Nam phát biểu.";
    const o2 = run(text2).officials[0]!;
    expect(o2.prov.start).toBe(text2.indexOf("Trịnh Văn Lâm"));
    expect(o2.titles).toEqual(["Phó Thống đốc Ngân hàng Nhà nước Việt Nam"]);
    expect(o2.titleProv![0]!.start).toBe(text2.indexOf("Phó Thống đốc"));
  });

  it("keeps a chain of ranks and degrees whole in rank, and finds the name after it", () => {
    expect(officials("Có mặt Thiếu tướng, PGS.TS Trần Ngọc Hà, Phó Tư lệnh Quân khu 4 và Đại tá Lê Văn Hòa.")).toEqual([
      { name: "Trần Ngọc Hà", rank: "Thiếu tướng, PGS.TS", titles: ["Phó Tư lệnh Quân khu 4"] },
    ]);
    expect(officials("Giám đốc Bệnh viện Đa khoa tỉnh, BSCKII. Hà Văn Quang cho biết.")).toEqual([
      { name: "Hà Văn Quang", rank: "BSCKII.", titles: ["Giám đốc Bệnh viện Đa khoa tỉnh"] },
    ]);
  });

  it("lets an organisation name run over lower-case words only up to a clear boundary", () => {
    // ends at a verb of the stop list, at a unit noun then a verb, at a comma
    expect(officials("Ông Võ Văn Hải, Giám đốc Trung tâm Hỗ trợ phát triển doanh nghiệp vừa và nhỏ tỉnh cho biết.")[0]!.titles)
      .toEqual(["Giám đốc Trung tâm Hỗ trợ phát triển doanh nghiệp vừa và nhỏ tỉnh"]);
    expect(officials("Bà Lý Thị Hạnh, Phó Giám đốc Trung tâm Kiểm soát bệnh tật, trình bày báo cáo.")[0]!.titles)
      .toEqual(["Phó Giám đốc Trung tâm Kiểm soát bệnh tật"]);
    // no clear boundary within reach (a number, a long run): the title keeps only what it was sure of
    const [cut] = officials("Ông Đỗ Văn Tài, Giám đốc Trung tâm Phát triển quỹ đất lập kế hoạch năm 2024 cho các huyện.")[0]!.titles;
    expect(cut).toMatch(/^Giám đốc Trung tâm/);
    expect(cut).not.toMatch(/kế hoạch|năm/);
    // a complete name does not run on
    expect(officials("Bà Mai Thị Hồng, Phó Giám đốc Sở Giáo dục và Đào tạo hướng dẫn các trường thực hiện.")[0]!.titles)
      .toEqual(["Phó Giám đốc Sở Giáo dục và Đào tạo"]);
  });

  it("keeps a title that ends before the person's name in 'Title Name' after a lower-case run", () => {
    expect(officials("Giám đốc Ban Quản lý dự án đầu tư xây dựng Nguyễn Văn Định báo cáo tiến độ.")).toEqual([
      { name: "Nguyễn Văn Định", rank: null, titles: ["Giám đốc Ban Quản lý dự án đầu tư xây dựng"] },
    ]);
  });

  it("reproduces the gold officials of the sample articles", () => {
    const read = (f: string): Article => ({ ...article(readFileSync(new URL(`../../corpus/seeds/${f}.txt`, import.meta.url), "utf8")), source: f });
    const gold = (f: string) => JSON.parse(readFileSync(new URL(`../../corpus/gold/${f}.json`, import.meta.url), "utf8")) as { officials: Array<{ name: string; titles: string[]; optional?: boolean }> };
    for (const f of ["000_e6e25de209f426a1", "001_95ee4b4e5d67e588", "002_8b7ceb56e8e44919", "003_63485aa65f3afac5"]) {
      const got = extract(read(f)).officials.map(({ name, titles }) => ({ name, titles }));
      const want = gold(f).officials.filter((o) => !o.optional).map(({ name, titles }) => ({ name, titles }));
      expect(got, f).toEqual(want);
    }
  });
});

describe("officials on any mix of names, posts and punctuation", () => {
  const PIECES = [
    "Nguyễn Văn An", "Lê Thị Hoà", "Tôn Nữ Thị Hà", "Hà Nội", "Hồ Chí Minh", "đồng chí ", "ông ", "Đại tá ", "PGS.TS ", "các đồng chí: ",
    "Chủ tịch UBND tỉnh", "Phó Giám đốc Sở Lao động, Thương binh và Xã hội", "Bí thư Huyện ủy", "Thành ủy viên", "chủ tịch UBND xã Cai Kinh",
    "Trưởng khối thi đua", " kiêm ", " và ", ", ", "; ", " - ", " (", ")", ": ", ". ", "\n", "\n\n", " phát biểu", " cụm trưởng", "\u00a0", "  ",
  ];
  const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 30 }).map((a) => a.join(""));

  it("names each person once, with provenance slicing the name and every title out of the original text", () => {
    fc.assert(fc.property(text, (t) => {
      const rec = run(t);
      const keys = rec.officials.map((o) => o.name.toLowerCase());
      expect(new Set(keys).size).toBe(keys.length);
      for (const o of rec.officials) {
        expect(o.titles.length).toBeGreaterThan(0);
        expect(o.titleProv).toHaveLength(o.titles.length);
        expect(t.slice(o.prov.start, o.prov.end).replace(/\s+/g, " ")).toBe(o.name);
        o.titleProv!.forEach((p, k) => expect(t.slice(p.start, p.end).replace(/\s+/g, " ")).toBe(o.titles[k]));
        expect(new Set(o.titles.map((x) => x.toLowerCase())).size).toBe(o.titles.length);
      }
    }), { numRuns: 300 });
  });
});
