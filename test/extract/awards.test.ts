import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

const awards = (text: string, opts: { published?: string; title?: string } = {}) => run(text, opts).awards.map(({ award, recipient, year, status }) => ({ award, recipient, year, status }));

describe("awards", () => {
  it("distributes a counted head and carries the status to the next award of the sentence", () => {
    const text = "Đồng thời, Hội nghị cũng thống nhất đề nghị khen thưởng Cờ thi đua Chính phủ tặng cho 2 thành phố dẫn đầu phong trào thi đua năm 2020 là TP Hà Nội và TP Hồ Chí Minh; Bằng khen Thủ tướng Chính phủ cho 2 thành phố Cần Thơ và Hải Phòng.";
    expect(awards(text)).toEqual([
      { award: "Cờ thi đua Chính phủ", recipient: "TP Hà Nội", year: 2020, status: "proposed" },
      { award: "Cờ thi đua Chính phủ", recipient: "TP Hồ Chí Minh", year: 2020, status: "proposed" },
      { award: "Bằng khen Thủ tướng Chính phủ", recipient: "thành phố Cần Thơ", year: 2020, status: "proposed" },
      { award: "Bằng khen Thủ tướng Chính phủ", recipient: "thành phố Hải Phòng", year: 2020, status: "proposed" },
    ]);
  });

  it("reads the subject of 'được suy tôn … được đề nghị tặng' and a 'gồm:' list", () => {
    const text = "Sở Tài chính được suy tôn là đơn vị xuất sắc dẫn đầu phong trào thi đua được đề nghị tặng Cờ thi đua của UBND tỉnh; 02 đơn vị gồm: Sở Xây dựng và Sở Khoa học và Công nghệ được đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh.";
    expect(awards(text, { title: "Khối thi đua Kinh tế tổng kết công tác thi đua năm 2023" })).toEqual([
      { award: "Cờ thi đua của UBND tỉnh", recipient: "Sở Tài chính", year: 2023, status: "proposed" },
      { award: "Bằng khen của Chủ tịch UBND tỉnh", recipient: "Sở Xây dựng", year: 2023, status: "proposed" },
      { award: "Bằng khen của Chủ tịch UBND tỉnh", recipient: "Sở Khoa học và Công nghệ", year: 2023, status: "proposed" },
    ]);
  });

  it("keeps the award as written, lower case included", () => {
    expect(awards("Năm 2020, Hội Nông dân tỉnh vinh dự nhận cờ thi đua của Chính phủ.")).toEqual([
      { award: "cờ thi đua của Chính phủ", recipient: "Hội Nông dân tỉnh", year: 2020, status: "conferred" },
    ]);
  });

  it("does not take the giver for the recipient", () => {
    expect(awards("UBND tỉnh đã tặng Bằng khen cho 10 tập thể có thành tích xuất sắc.")).toEqual([]);
  });

  it("gives provenance spanning award and recipient", () => {
    const text = "Sở Y tế được tặng Huân chương Lao động hạng Nhì.";
    const rec = run(text);
    const a = rec.awards[0]!;
    expect(text.slice(a.prov.start, a.prov.end)).toBe(text.slice(0, -1));
    expect(a.prov.rule).toBe("awards.conferred");
  });
});
