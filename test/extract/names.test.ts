import { describe, expect, it } from "vitest";
import { capRunEnd, isPersonName, nameAnchorAt, nameScore, nameTail, personKey, skipHonorific, surnameAt } from "../../src/extract/names.js";
import { normalize } from "../../src/extract/normalize.js";
import { syllables } from "../../src/extract/syllables.js";

const prep = (s: string) => { const norm = normalize(s).norm; return { norm, syl: syllables(norm) }; };
const isName = (s: string) => { const { norm, syl } = prep(s); return isPersonName(norm, syl); };
/** The name at the end of a capitalised run, as text. */
const tail = (s: string) => {
  const { norm, syl } = prep(s);
  const end = capRunEnd(norm, syl, 0);
  const from = skipHonorific(norm, syl, 0, end);
  const i = nameTail(norm, syl, from, end);
  return i === -1 ? null : norm.slice(syl[i]!.start, syl[end - 1]!.end);
};

describe("person names", () => {
  it("accepts surname + one to three given syllables, with one- and two-syllable surnames", () => {
    for (const n of ["Nguyễn Lan Hương", "Lê Đình Hùng", "Chu Ngọc Anh", "Vừ A Dế", "Tôn Nữ Thị Ninh", "Âu Dương Lê", "Trần Thị Thu Hà", "Hà Minh Hải"]) {
      expect(isName(n), n).toBe(true);
    }
  });

  it("rejects places, organisation words, lower case and too many syllables", () => {
    for (const n of ["Hồ Chí Minh", "Hà Nội", "Văn Hóa", "Nông Dân", "Nguyễn", "Nguyễn văn an", "Nguyễn Văn An Bình Minh", "Thành Phố", "Ban Thường Vụ"]) {
      expect(isName(n), n).toBe(false);
    }
  });

  it("reads two-syllable surnames whole", () => {
    const { norm, syl } = prep("Công Tằng Tôn Nữ Thị Hà");
    expect(surnameAt(norm, syl, 0)).toBe(4);
    const p = prep("Tôn Thất Thuyết");
    expect(surnameAt(p.norm, p.syl, 0)).toBe(2);
  });

  it("keeps the person at the end of a run that starts with a place or organisation", () => {
    expect(tail("Hà Nội Lê Đình Hùng")).toBe("Lê Đình Hùng");
    expect(tail("Lê Quý Đôn Nguyễn Thị Hằng")).toBe("Nguyễn Thị Hằng");
    expect(tail("Hoàng Mai Lê Văn Hòa")).toBe("Lê Văn Hòa");
  });

  it("leaves honorifics out of the name", () => {
    expect(tail("Ông Nông Quốc Bảo")).toBe("Nông Quốc Bảo");
    expect(tail("Bà Trần Thị Hoa")).toBe("Trần Thị Hoa");
  });

  it("stops a capitalised run at punctuation and line breaks", () => {
    const { norm, syl } = prep("Nguyễn Văn An, Trần Bình");
    expect(capRunEnd(norm, syl, 0)).toBe(3);
    const q = prep("Nguyễn Văn\nAn");
    expect(capRunEnd(q.norm, q.syl, 0)).toBe(2);
  });

  it("keys a person by case and spacing, keeping tones apart", () => {
    expect(personKey("Nguyễn  Lan Hương")).toBe(personKey("nguyễn lan hương"));
    expect(personKey("Lê Văn Hùng")).not.toBe(personKey("Lê Văn Hưng"));
  });

  it("reads Ê Đê names: marker Y or H', one to four given words, clan name last", () => {
    for (const n of ["Y Ngọc Niê", "H'Luân Mlô", "Y Thanh Hà Niê Kđăm", "Y Giang Gry Niê Knơng", "H'Yim Kđoh", "H Mai Êban"]) {
      expect(isName(n), n).toBe(true);
    }
    // without a clan name the marker proves nothing; five given words are too many
    for (const n of ["H'Mông", "Y Tế", "Y Ngọc Lan", "Y A B C D E Niê"]) expect(isName(n), n).toBe(false);
  });

  it("reads clan names written first and apostrophe-glued given names as one word", () => {
    for (const n of ["Rơ Châm Long", "Ksơr Y Phước", "Siu H'Mai", "Điểu K'Ré", "Danh Út", "Vàng Seo Cón", "Quảng Đại Tuyên"]) {
      expect(isName(n), n).toBe(true);
    }
    expect(tail("Đắk Lắk Y Ngọc Niê")).toBe("Y Ngọc Niê");
    expect(tail("Gia Lai Rơ Châm Long")).toBe("Rơ Châm Long");
  });

  it("does not take a body whose head starts with a surname for a person", () => {
    for (const n of ["Thành Ủy", "Thành Đoàn", "Thành Phố Huế"]) expect(isName(n), n).toBe(false);
    expect(isName("Thành Thị Ngọc")).toBe(true);
  });
  it("takes Châu and Cồ as surnames, not as the honorifics cháu and cô", () => {
    expect(tail("Châu Thị Lan")).toBe("Châu Thị Lan");
    expect(tail("Cồ Văn Lực")).toBe("Cồ Văn Lực");
    expect(tail("Cháu Lê Văn Tí")).toBe("Lê Văn Tí");
  });

  it("reads a bare A or Y as the start of a name only after ông, bà or đồng chí", () => {
    expect(tail("Ông A Thuyên")).toBe("A Thuyên");
    const { norm, syl } = prep("khối A Thuyên");
    expect(nameTail(norm, syl, 1, capRunEnd(norm, syl, 1))).toBe(-1);
  });

  it("reads an unlisted family name after ông/bà/đồng chí when Thị or Văn follows it, and not otherwise", () => {
    const at = (s: string, word: string) => { const { norm, syl } = prep(s); const i = syl.findIndex((x) => x.text === word); return nameAnchorAt(norm, syl, i); };
    expect(at("bà Ka Thị Hoa", "Ka")).toBe(true);
    expect(at("đồng chí Đinh Văn Tuấn", "Đinh")).toBe(true);
    expect(at("ông Pơ Văn Kiên", "Pơ")).toBe(true);
    expect(at("Ka Thị Hoa", "Ka")).toBe(false); // no honorific before it
    expect(at("bà Ka Minh Hoa", "Ka")).toBe(false); // a middle name that is also an ordinary word
    expect(at("chí Ka Thị Hoa", "Ka")).toBe(false); // "chí" alone is no "đồng chí"
    const { norm, syl } = prep("bà Ka Thị Hoa");
    expect(nameScore(norm, syl, 1, 4)).not.toBeNull();
    expect(nameScore(norm, syl, 1, 3)).toBeNull(); // the middle name alone is no given name
  });
});
