import { describe, expect, it } from "vitest";
import { lexiconEntries, makeLexicon } from "../../src/extract/lexicon.js";
import { normalize } from "../../src/extract/normalize.js";
import { syllables } from "../../src/extract/syllables.js";

describe("lexicons", () => {
  it("lists the 63 provinces and cities of before 2025", () => {
    const names = new Set(lexiconEntries("provinces").map((e) => e.replace(/\s*[-–]\s*/g, " - ")));
    // spelling variants are extra entries; the canonical 63 are all there
    for (const n of ["Hà Nội", "Hồ Chí Minh", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu", "Đắk Lắk", "Hòa Bình", "Thanh Hóa", "Khánh Hòa"]) expect(names.has(n)).toBe(true);
    expect(names.size).toBeGreaterThanOrEqual(63);
  });

  it("matches the longest entry at syllable boundaries, case-insensitively, on normalised text", () => {
    const lex = makeLexicon("provinces");
    const text = normalize("Công an tỉnh HOÀ BÌNH và tỉnh Thừa Thiên Huế, Hà Nộii").norm;
    expect(lex.longestAt(text, text.indexOf("HÒA"))?.entry).toBe("HÒA BÌNH");
    expect(lex.longestAt(text, text.indexOf("Thừa"))?.entry).toBe("Thừa Thiên Huế");
    expect(lex.longestAt(text, text.indexOf("Hà Nộii"))).toBeNull();
    expect(lex.longestAt(text, text.indexOf("òa"))).toBeNull(); // not at a syllable start
  });

  it("gives abbreviation expansions and unit kinds", () => {
    const ab = makeLexicon("abbreviations");
    expect(ab.value("UBND")).toBe("Ủy ban nhân dân");
    expect(ab.value("lđlđ")).toBe("Liên đoàn Lao động");
    expect(makeLexicon("admin-units").value("Thị Trấn")).toBe("thị trấn");
    expect(makeLexicon("provinces").value("Đà Nẵng")).toBe("thành phố");
  });
});

describe("syllables", () => {
  it("splits into syllables with offsets, keeping dotted and slashed tokens", () => {
    const norm = "Cụm số 3 – TP.HCM, ngày 1/8/2014";
    const s = syllables(norm);
    expect(s.map((x) => x.text)).toEqual(["Cụm", "số", "3", "TP.HCM", "ngày", "1/8/2014"]);
    for (const x of s) expect(norm.slice(x.start, x.end)).toBe(x.text);
    expect(s.map((x) => x.cap)).toEqual([true, false, false, true, false, false]);
  });
});
