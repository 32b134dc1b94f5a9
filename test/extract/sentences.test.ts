import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/extract/sentences.js";
import { normalize } from "../../src/extract/normalize.js";

const split = (text: string): string[] => {
  const norm = normalize(text).norm;
  return splitSentences(norm).map((s) => norm.slice(s.start, s.end));
};

describe("splitSentences", () => {
  it("does not break after abbreviations ending in a dot", () => {
    expect(split("Hội nghị tại TP. Hồ Chí Minh do TS. Nguyễn Văn A chủ trì. Sau đó ký kết.")).toEqual([
      "Hội nghị tại TP. Hồ Chí Minh do TS. Nguyễn Văn A chủ trì.", "Sau đó ký kết.",
    ]);
    expect(split("Đoàn đến TP.HCM và Q. 1 gặp PGS.TS. Lê Văn Bình. Buổi làm việc kết thúc.")).toEqual([
      "Đoàn đến TP.HCM và Q. 1 gặp PGS.TS. Lê Văn Bình.", "Buổi làm việc kết thúc.",
    ]);
    expect(split("Các phong trào thi đua, v.v. Tiếp theo là phần ký kết.")).toHaveLength(1);
    expect(split("ThS. Trần Thị C phát biểu. Hội nghị bế mạc.")).toHaveLength(2);
  });

  it("reads an abbreviation after '(' or another abbreviation's dot, and degree chains, as no sentence end", () => {
    expect(split("Hội nghị diễn ra tại Huế (TP. Huế) sáng nay. Sau đó các đơn vị ký kết.")).toEqual([
      "Hội nghị diễn ra tại Huế (TP. Huế) sáng nay.", "Sau đó các đơn vị ký kết.",
    ]);
    expect(split("Dự có ThS.BS. Lê Thị Hoa, BS.CKI. Trần Văn Nam và BSCKII. Phạm Quốc Bảo. Hội nghị bế mạc.")).toEqual([
      "Dự có ThS.BS. Lê Thị Hoa, BS.CKI. Trần Văn Nam và BSCKII. Phạm Quốc Bảo.", "Hội nghị bế mạc.",
    ]);
    expect(split("Phát biểu có GS.TS. Đỗ Minh Châu (Q. Cầu Giấy). Tiếp theo là ký kết.")).toHaveLength(2);
    // a word that merely ends like an abbreviation still ends the sentence
    expect(split("Đơn vị dẫn đầu là Sở GTVT. Hội nghị bế mạc.")).toHaveLength(2);
  });

  it("keeps dates and numbers whole", () => {
    expect(split("Ngày 1/8/2014. Cụm họp.")).toEqual(["Ngày 1/8/2014.", "Cụm họp."]);
    expect(split("Tổng kinh phí 1.500 triệu đồng. Xong.")).toEqual(["Tổng kinh phí 1.500 triệu đồng.", "Xong."]);
  });

  it("treats numbered and bulleted items and lines as units", () => {
    const parts = split("Cụm ký giao ước với 3 nội dung:\n1. Thi đua phát triển kinh tế.\n2. Xây dựng Đảng.\na) Nội dung phụ\n- Gạch đầu dòng một;\n+ Gạch hai\n• Gạch ba");
    expect(parts).toEqual([
      "Cụm ký giao ước với 3 nội dung:", "1. Thi đua phát triển kinh tế.", "2. Xây dựng Đảng.", "a) Nội dung phụ",
      "- Gạch đầu dòng một;", "+ Gạch hai", "• Gạch ba",
    ]);
  });

  it("keeps items numbered inside a sentence with their text, and a number closing a sentence ends it", () => {
    expect(split("Các đơn vị ký giao ước với 3 nội dung. Cụ thể: 1. Thi đua phát triển kinh tế; 2. Thi đua xây dựng Đảng; 3. Thi đua bảo đảm an ninh. Hội nghị bế mạc.")).toEqual([
      "Các đơn vị ký giao ước với 3 nội dung.", "Cụ thể: 1. Thi đua phát triển kinh tế; 2. Thi đua xây dựng Đảng; 3. Thi đua bảo đảm an ninh.", "Hội nghị bế mạc.",
    ]);
    expect(split("Tỷ lệ hộ nghèo giảm còn 2. Sau đó hội nghị bế mạc.")).toHaveLength(2);
  });

  it("ends at ./. and keeps headings without a final dot as their own sentence", () => {
    const parts = split("Cụm thi đua số 4 ký kết giao ước\n\nHội nghị kết thúc ./. Tin khác");
    expect(parts).toEqual(["Cụm thi đua số 4 ký kết giao ước", "Hội nghị kết thúc ./.", "Tin khác"]);
  });

  it("numbers paragraphs and lines", () => {
    const norm = "Tiêu đề\n\nCâu một. Câu hai.\nDòng ba";
    const s = splitSentences(norm);
    expect(s.map((x) => x.paragraph)).toEqual([0, 1, 1, 1]);
    expect(s.map((x) => x.line)).toEqual([0, 2, 2, 3]);
    expect(s.map((x) => x.index)).toEqual([0, 1, 2, 3]);
  });

  it("does not break before a lower-case continuation", () => {
    expect(split("Cụm thi đua số 3 - Bộ Công an v.v. và các đơn vị khác.")).toHaveLength(1);
  });
});
