import { describe, expect, it } from "vitest";
import { APPOSITION } from "../../src/extract/recognizers/awards.rules.js";
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

  it("reads 'đề nghị <authority> tặng A cho X và Y; tặng B cho Z' as three proposals, none for the authority", () => {
    const text = "Hội nghị tổng kết công tác thi đua năm 2023 của Cụm thi đua các tỉnh Tây Nguyên thống nhất đề nghị Thủ tướng Chính phủ tặng Cờ thi đua của Chính phủ cho tỉnh Gia Lai và tỉnh Đắk Nông; tặng Bằng khen của Thủ tướng Chính phủ cho tỉnh Kon Tum.";
    const rec = run(text);
    expect(rec.awards.map(({ award, recipient, year, status }) => ({ award, recipient, year, status }))).toEqual([
      { award: "Cờ thi đua của Chính phủ", recipient: "tỉnh Gia Lai", year: 2023, status: "proposed" },
      { award: "Cờ thi đua của Chính phủ", recipient: "tỉnh Đắk Nông", year: 2023, status: "proposed" },
      { award: "Bằng khen của Thủ tướng Chính phủ", recipient: "tỉnh Kon Tum", year: 2023, status: "proposed" },
    ]);
    expect(rec.awards.every((a) => a.prov.rule === "awards.proposed")).toBe(true);
    // provenance runs from the award to its recipient in the original text
    expect(text.slice(rec.awards[2]!.prov.start, rec.awards[2]!.prov.end)).toBe("Bằng khen của Thủ tướng Chính phủ cho tỉnh Kon Tum");
  });

  it("keeps a company name with a lower-case word that folds like a stop word ('đô thị' is not 'do')", () => {
    const text = "Dịp này, UBND tỉnh tặng Bằng khen cho Công ty TNHH MTV Môi trường đô thị Hải Dương và Công ty Cổ phần Nước sạch Hải Dương.";
    expect(awards(text).map((a) => a.recipient)).toEqual(["Công ty TNHH MTV Môi trường đô thị Hải Dương", "Công ty Cổ phần Nước sạch Hải Dương"]);
  });
  it("ends the recipients at a counted apposition after a comma, but keeps a counted group of names", () => {
    const text = "Ban Thường vụ Tỉnh đoàn trao Cờ thi đua cho Huyện đoàn Đắk Tô và Thành đoàn Kon Tum, hai đơn vị dẫn đầu Cụm thi đua số 2 năm 2023.";
    expect(awards(text).map((a) => a.recipient)).toEqual(["Huyện đoàn Đắk Tô", "Thành đoàn Kon Tum"]);
    expect(awards(text.replace("hai đơn vị", "các đơn vị")).map((a) => a.recipient)).toEqual(["Huyện đoàn Đắk Tô", "Thành đoàn Kon Tum"]);
    // a counted unit noun followed by names is more recipients, not a restatement
    expect(APPOSITION.test("2 huyện Đắk Tô và Sa Thầy")).toBe(false);
    expect(APPOSITION.test("hai huyện dẫn đầu Cụm")).toBe(true);
  });
});
