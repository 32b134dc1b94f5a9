import { describe, expect, it } from "vitest";
import { article, run } from "./helpers.js";
import { extract } from "../../src/extract/extract.js";

const docs = (text: string, published?: string) => run(text, { published }).documents.map(({ kind, number, date, issuer }) => ({ kind, number, date, issuer }));

describe("documents", () => {
  it("reads kind, number, date and issuer", () => {
    expect(docs("Thực hiện kế hoạch số 37/KH-MTTQ-BTT, ngày 20/1/2020 của Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Hà Nội về công tác thi đua khen thưởng năm 2020.")).toEqual([
      { kind: "Kế hoạch", number: "37/KH-MTTQ-BTT", date: "2020-01-20", issuer: "Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Hà Nội" },
    ]);
  });

  it("resolves a document date without a year against the publication date", () => {
    expect(docs("Theo Công văn số 88/BTĐKT-NV ngày 3/3 của Ban Thi đua - Khen thưởng tỉnh.", "2022-03-10")[0]?.date).toBe("2022-03-03");
  });

  it("gives one document per number, however often it is cited", () => {
    expect(docs("Chỉ thị 34-CT/TW của Bộ Chính trị. Tiếp tục quán triệt Chỉ thị 34-CT/TW.").length).toBe(1);
  });

  it("does not read ranges, counts or years as numbers", () => {
    expect(docs("Nghị quyết Đại hội nhiệm kỳ 2020-2025 đề ra 6 nhiệm vụ và 3 đột phá; Kế hoạch 5 năm 2021-2025.")).toEqual([]);
  });

  it("points provenance at the citation in the original text, decomposed Unicode included", () => {
    const text = "Thực hiện Quyết định số 218-QĐ/TW của Bộ Chính trị.".normalize("NFD");
    const rec = extract(article(text));
    const d = rec.documents[0]!;
    expect(d.number.normalize("NFC")).toBe("218-QĐ/TW");
    expect(text.slice(d.prov.start, d.prov.end).normalize("NFC")).toBe("Quyết định số 218-QĐ/TW của Bộ Chính trị");
    expect(d.prov.rule).toBe("documents.kind-number");
    expect(d.prov.confidence).toBeGreaterThan(0);
  });
});
