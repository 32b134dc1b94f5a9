import { describe, expect, it } from "vitest";
import { romanToInt } from "../../src/extract/recognizers/clusters.js";
import { run } from "./helpers.js";

describe("clusters", () => {
  it("reads Roman numerals", () => {
    expect([romanToInt("VII"), romanToInt("iv"), romanToInt("XII"), romanToInt("XIX"), romanToInt("abc")]).toEqual([7, 4, 12, 19, null]);
  });

  it("merges the mentions of one cluster and keeps the fullest name", () => {
    const r = run("Cụm thi đua số 4 ký giao ước. Cụm thi đua số 4 thành phố Hà Nội gồm 6 đơn vị. Các đơn vị trong Cụm thi đua số 4 thống nhất.");
    expect(r.clusters).toHaveLength(1);
    expect(r.clusters[0]).toMatchObject({ kind: "cụm", number: 4, name: "Cụm thi đua số 4 thành phố Hà Nội", locality: "Hà Nội" });
  });

  it("keeps cụm and khối with the same number apart", () => {
    const r = run("Cụm thi đua số 2 và Khối thi đua số 2 của tỉnh cùng ký kết.");
    expect(r.clusters.map((c) => [c.kind, c.number])).toEqual([["cụm", 2], ["khối", 2]]);
  });

  it("gives provenance into the original text, with the rule name", () => {
    const text = "Sáng 4/3, Cụm Thi đua số 01 Công an tỉnh Quảng Ninh tổ chức hội nghị.";
    const c = run(text).clusters[0]!;
    expect(text.slice(c.prov.start, c.prov.end)).toBe("Cụm Thi đua số 01 Công an tỉnh Quảng Ninh");
    expect(c.prov.rule).toBe("cluster.head");
    expect(c.number).toBe(1);
    expect(c.system).toBe("Công an");
  });

  it("keeps the exact surface of decomposed or old-style text", () => {
    const text = "Khối thi đua Văn hoá - Xã hội tỉnh Khánh Hoà tổng kết năm 2022.".normalize("NFD");
    const c = run(text).clusters[0]!;
    expect(c.name).toBe(text.slice(c.prov.start, c.prov.end));
    expect(c.name.normalize("NFC")).toBe("Khối thi đua Văn hoá - Xã hội tỉnh Khánh Hoà");
  });

  it("drops a cluster named only in a related-article headline line", () => {
    const r = run("Cụm thi đua số 5 tổ chức hội nghị tổng kết.\n\nCụm thi đua số 12 Sở Tài chính ký giao ước thi đua 2021 Học sinh ôn tập\n\nHội nghị kết thúc.", { title: "Cụm thi đua số 5 tổng kết năm 2022" });
    expect(r.clusters.map((c) => c.number)).toEqual([5]);
  });

  it("lends the story's province to a local cluster whose name has none", () => {
    const r = run("Chiều 15/4, tại huyện Đức Trọng, tỉnh Lâm Đồng, Cụm thi đua số 1 ký kết giao ước. Lãnh đạo tỉnh Lâm Đồng dự.");
    expect(r.clusters[0]).toMatchObject({ number: 1, locality: "Lâm Đồng" });
  });

  it("finds nothing in a text about other things", () => {
    expect(run("Khối lượng công việc lớn; cụm công nghiệp số 2 đã lấp đầy. Khối đại đoàn kết toàn dân được củng cố.").clusters).toEqual([]);
  });

  it("continues a name over coordinated sectors and 'trên địa bàn', and stops at the verb", () => {
    expect(run("Khối thi đua các sở, ban, ngành Kinh tế tổng hợp đã ký kết giao ước.").clusters.map((c) => c.name)).toEqual(["Khối thi đua các sở, ban, ngành Kinh tế tổng hợp"]);
    expect(run("Khối thi đua Đảng, Mặt trận và các đoàn thể huyện Đà Bắc tổ chức hội nghị.").clusters.map((c) => c.name)).toEqual(["Khối thi đua Đảng, Mặt trận và các đoàn thể huyện Đà Bắc"]);
    const credit = run("Khối thi đua các tổ chức tín dụng trên địa bàn tỉnh Bình Định ký kết giao ước.").clusters;
    expect(credit.map((c) => [c.name, c.locality])).toEqual([["Khối thi đua các tổ chức tín dụng trên địa bàn tỉnh Bình Định", "Bình Định"]]);
  });

  it("does not run a name into a comma list that 'và' does not close, nor into the next cluster", () => {
    expect(run("Khối thi đua Nội chính, Sở Tư pháp đã tổ chức hội nghị.").clusters.map((c) => c.name)).toEqual(["Khối thi đua Nội chính"]);
    expect(run("Khối thi đua Văn hóa - Xã hội, Khối thi đua Kinh tế và Khối thi đua Nội chính cùng họp.").clusters.map((c) => c.name))
      .toEqual(["Khối thi đua Văn hóa - Xã hội", "Khối thi đua Kinh tế", "Khối thi đua Nội chính"]);
  });
});
