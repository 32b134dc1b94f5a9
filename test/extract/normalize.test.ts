import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, matchKey, normalize } from "../../src/extract/normalize.js";
import { makeDoc, span } from "../../src/extract/doc.js";
import type { Article } from "../../src/types.js";

const art = (text: string): Article => ({ source: "t", text, bodyStart: 0, title: null, url: null, published: null, outlet: null, author: null, format: "txt" });

describe("normalize", () => {
  it("composes decomposed Vietnamese to NFC and maps back to the original", () => {
    const raw = "Ho\u0300a Bi\u0300nh"; // decomposed "Hoà Bình"
    const { norm, map } = normalize(raw);
    expect(norm).toBe("Hòa Bình");
    expect(map[norm.length]).toBe(raw.length);
    const doc = makeDoc(art(raw));
    expect(span(doc, 4, 8).surface).toBe("Bi\u0300nh");
  });

  it("unifies old tone placement on open syllables, in every case", () => {
    expect(normalize("hoà uỷ ban Thuỷ khoẻ").norm).toBe("hòa ủy ban Thủy khỏe");
    expect(normalize("Hoà Uỷ HOÀ UỶ").norm).toBe("Hòa Ủy HÒA ỦY");
    // closed syllables and the qu cluster keep their marks
    expect(normalize("hoàn thành quý khoá").norm).toBe("hoàn thành quý khóa");
  });

  it("fixes look-alike characters, spaces, quotes and dashes", () => {
    expect(normalize("\u00d0ồng Nai").norm).toBe("Đồng Nai");
    expect(normalize("Cụm\u00a0thi\u200b đua").norm).toBe("Cụm thi đua");
    expect(normalize("\u201cVì an ninh\u201d \u2013 Bộ").norm).toBe('"Vì an ninh" - Bộ');
    expect(normalize("a\r\nb\rc").norm).toBe("a\nb\nc");
  });

  it("reads a run of spaces (doubled, or a space beside an NBSP, a tab or a dropped zero-width character) as one, mapped to its first", () => {
    const raw = "Cụm  thi \u00a0đua\t \u200b số 5";
    const { norm, map } = normalize(raw);
    expect(norm).toBe("Cụm thi đua số 5");
    expect(map[3]).toBe(3); // the space kept is the run's first
    expect(map[4]).toBe(raw.indexOf("thi"));
    const doc = makeDoc(art(raw));
    expect(span(doc, 4, 11).surface).toBe("thi \u00a0đua");
    expect(normalize("a \n b").norm).toBe("a \n b"); // a line break is not a space
  });

  it("fold keeps the length and removes diacritics and case", () => {
    const s = "Đồng Nai – Cụm THI ĐUA 😀 số İ";
    const f = fold(normalize(s).norm);
    expect(f.length).toBe(normalize(s).norm.length);
    expect(f.startsWith("dong nai - cum thi dua")).toBe(true);
  });

  it("matchKey ignores case, spacing and tone placement", () => {
    expect(matchKey("Tỉnh  Hoà Bình ")).toBe(matchKey("tỉnh hòa bình"));
  });
});

const VIET = [..."aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"];
const vietChar = fc.oneof(
  fc.constantFrom(...VIET, ...VIET.map((c) => c.toUpperCase()), " ", "\n", ".", ",", "-", "\u2013", "\u00a0", "\u200b", "\r", "\u00d0", "\u201c"),
  fc.constantFrom(...VIET).map((c) => c.normalize("NFD")),
  fc.string({ unit: "grapheme", maxLength: 2 }),
);
const vietText = fc.array(vietChar, { maxLength: 60 }).map((a) => a.join(""));

describe("normalize properties", () => {
  it("is idempotent", () => {
    fc.assert(fc.property(vietText, (s) => {
      const once = normalize(s).norm;
      expect(normalize(once).norm).toBe(once);
    }), { numRuns: 500 });
  });

  it("maps every norm range to an ordered range inside the original", () => {
    fc.assert(fc.property(vietText, fc.nat(), fc.nat(), (s, a, b) => {
      const doc = makeDoc(art(s));
      const n = doc.norm.length;
      const x = Math.min(a % (n + 1), b % (n + 1));
      const y = Math.max(a % (n + 1), b % (n + 1));
      const { start, end, surface } = span(doc, x, y);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(s.length);
      expect(start).toBeLessThanOrEqual(end);
      expect(surface).toBe(s.slice(start, end));
      expect(doc.map.length).toBe(n + 1);
      expect(doc.folded.length).toBe(n);
      for (let k = 1; k <= n; k++) expect(doc.map[k]!).toBeGreaterThanOrEqual(doc.map[k - 1]!);
    }), { numRuns: 500 });
  });

  it("maps every offset when a character grows longer under NFC (the text is longer than the page)", () => {
    // U+0958 composes to nothing: NFC writes it as two units (क + ़), so norm outruns the original
    const text = "\u0958\u0958\u0958 Cụm thi đua số 2";
    const { norm, map } = normalize(text);
    expect(norm.length).toBe(text.length + 3);
    expect(map.length).toBe(norm.length + 1);
    expect(map[norm.length]).toBe(text.length);
    const k = norm.indexOf("Cụm");
    expect(text.slice(map[k]!, map[norm.length]!)).toBe("Cụm thi đua số 2");
  });
});
