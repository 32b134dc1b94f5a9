// Properties of extraction on any text: it never throws, every fact points into the original text,
// facts refer to clusters that exist, and the result depends on the article alone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { article } from "./helpers.js";

const PIECES = [
  "Cụm thi đua số 4", "Khối thi đua Văn hoá - Xã hội", "Cụm thi đua số VII", "cụm", "Khối", " gồm ", " gồm 6 đơn vị: ", " bao gồm các xã ",
  "Đống Đa", "Hoàn Kiếm", "Thị trấn Hữu Lũng", "Công an 8 tỉnh: ", "Sở Y tế", "UBND xã Cai Kinh", " và ", ", ", "; ", ". ", "\n", "\n\n",
  " do ", " làm Cụm trưởng", " làm cụm Phó", " (đơn vị Trưởng Khối)", " – Cụm trưởng", " giữ vai trò Cụm phó", " suy tôn ", " năm 2021", "Năm 2020, ",
  "tổng kết", "ký kết giao ước", "(", ")", "\u00a0", "Ho\u0300a", "uỷ", "- ", "1. ", "TP.", "v.v.", "./.",
];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 40 }).map((a) => a.join(""));

describe("extract properties", () => {
  it("never throws and keeps every fact inside the text, referring to existing clusters", () => {
    fc.assert(fc.property(text, fc.boolean(), (t, titled) => {
      const a = article(t, titled ? { title: "Cụm thi đua số 2 ký giao ước" } : {});
      const r = extract(a);
      const facts = [...r.clusters, ...r.members, ...r.roles];
      for (const f of facts) {
        expect(f.prov.start).toBeGreaterThanOrEqual(0);
        expect(f.prov.end).toBeLessThanOrEqual(a.text.length);
        expect(f.prov.start).toBeLessThanOrEqual(f.prov.end);
        expect(f.prov.confidence).toBeGreaterThan(0);
        expect(f.prov.rule.length).toBeGreaterThan(0);
      }
      for (const f of [...r.members, ...r.roles]) if (f.cluster !== null) expect(f.cluster).toBeLessThan(r.clusters.length);
      for (const c of r.clusters) {
        expect(c.number === null || Number.isInteger(c.number)).toBe(true);
        expect(a.text.includes(c.name) || a.text.replace(/\s+/g, " ").includes(c.name)).toBe(true);
      }
      expect(JSON.stringify(extract(a))).toBe(JSON.stringify(r));
    }), { numRuns: 300 });
  });
});
