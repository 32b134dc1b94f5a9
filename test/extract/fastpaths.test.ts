// The hot paths of extraction are written for speed (hand-rolled tokeniser, per-unit caches, a trie walk);
// each is checked here against the plain definition it replaces, on random Vietnamese-like text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, lowerSameLength, normalize } from "../../src/extract/normalize.js";
import { syllables, isCap } from "../../src/extract/syllables.js";
import { makeDoc, syllablesIn, lowerText } from "../../src/extract/doc.js";
import { makeLexicon, lexiconEntries } from "../../src/extract/lexicon.js";
import { Trie } from "../../src/lib/natural.js";
import type { Article } from "../../src/types.js";

const art = (text: string): Article => ({ source: "t", text, bodyStart: 0, title: null, url: null, published: null, outlet: null, author: null, format: "txt" });

const VIET = [..."aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"];
const piece = fc.oneof(
  fc.constantFrom(...VIET, ...VIET.map((c) => c.toUpperCase()), "q", "Q", "o", "u", "TP", "1", "2024", " ", "\n", ".", "/", "&", ",", "-", "İ", "😀", "\u0958"),
  fc.constantFrom("hoà", "Uỷ", "quý", "QUÝ", "khoẻ", "Cụm thi đua", "UBND", "TP.HCM", "1/8/2014", "37/KH-MTTQ", "Phó Chủ tịch", "Sở Y tế", "Hà Nội"),
  fc.string({ unit: "grapheme", maxLength: 2 }),
);
const text = fc.array(piece, { maxLength: 50 }).map((a) => a.join(""));

/** The tokeniser as a regular expression: the definition the hand-written one must agree with. */
function syllablesByRegex(norm: string, from = 0, to = norm.length) {
  const TOKEN = /[\p{L}\p{N}]+(?:[./&][\p{L}\p{N}]+)*/gu;
  const out = [];
  TOKEN.lastIndex = from;
  for (let m: RegExpExecArray | null; (m = TOKEN.exec(norm)) && m.index < to; ) {
    const end = Math.min(m.index + m[0].length, to);
    const t = norm.slice(m.index, end);
    out.push({ text: t, start: m.index, end, cap: isCap(t) });
  }
  return out;
}

const foldByDefinition = (s: string) => [...s].map((c) => {
  // per UTF-16 unit, as fold works: lower case, the base letter of a Latin letter, đ → d
  return [...Array(c.length).keys()].map((k) => {
    const u = c.length > 1 ? c[k]! : c;
    const lower = u.toLowerCase();
    const l = lower.length === 1 ? lower : u;
    if (l === "đ") return "d";
    const base = l.normalize("NFD")[0]!;
    return l.charCodeAt(0) < 0x80 ? l : base.length === 1 && base.charCodeAt(0) < 0x250 ? base : l;
  }).join("");
}).join("");

describe("fast paths agree with their definitions", () => {
  it("the tokeniser gives the regular expression's tokens, whole text and any range", () => {
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
      const n = normalize(s).norm;
      expect(syllables(n)).toEqual(syllablesByRegex(n));
      const x = Math.min(a % (n.length + 1), b % (n.length + 1)), y = Math.max(a % (n.length + 1), b % (n.length + 1));
      // a unicode regular expression steps back from the middle of a surrogate pair; ranges never start there
      if (/[\udc00-\udfff]/.test(n[x] ?? "")) return;
      expect(syllables(n, x, y)).toEqual(syllablesByRegex(n, x, y));
      // the document's view of a range gives the same tokens as tokenising that range
      expect(syllablesIn(makeDoc(art(s)), x, y)).toEqual(syllablesByRegex(n, x, y));
    }), { numRuns: 400 });
  });

  it("fold and lowerSameLength keep the length and agree with the per-character definitions", () => {
    fc.assert(fc.property(text, (s) => {
      const n = normalize(s).norm;
      expect(fold(n)).toBe(foldByDefinition(n));
      const lower = lowerSameLength(n);
      expect(lower.length).toBe(n.length);
      expect(lowerText(makeDoc(art(s)))).toBe(lower);
      for (let k = 0; k < n.length; k++) {
        const x = n[k]!.toLowerCase();
        expect(lower[k]).toBe(x.length === 1 ? x : n[k]);
      }
    }), { numRuns: 400 });
  });

  it("old tone placement moves only at a syllable's end and never after q", () => {
    expect(normalize("Hoà hoàn Quý quỷ Khoẻ THUỶ uỷ").norm).toBe("Hòa hoàn Quý quỷ Khỏe THỦY ủy");
  });

  it("the lexicon's trie walk finds the longest entry ending at a syllable boundary, as natural's path search does", () => {
    const names = ["positions", "provinces", "org-heads"];
    const lex = makeLexicon(...names);
    const trie = new Trie(false);
    for (const n of names) for (const e of lexiconEntries(n)) trie.addString(e.toLowerCase());
    const bySearch = (t: string, pos: number) => {
      if (pos > 0 && /[\p{L}\p{N}]/u.test(t[pos - 1]!)) return null;
      const window = t.slice(pos, pos + 120).toLowerCase();
      let best: string | null = null;
      for (const m of trie.findMatchesOnPath(window)) {
        const after = window[m.length];
        if (after !== undefined && /[\p{L}\p{N}]/u.test(after)) continue;
        if (!best || m.length > best.length) best = m;
      }
      return best ? pos + best.length : null;
    };
    const sample = ["Phó Chủ tịch UBND tỉnh Quảng Ninh", "Giám đốc Sở Y tế Hà Nội", "Chủ tịchx Hà Nộii", "Trưởng phòng Tổ chức", ""];
    const withLex = fc.array(fc.oneof(piece, fc.constantFrom(...sample)), { maxLength: 20 }).map((a) => a.join(" "));
    fc.assert(fc.property(withLex, (s) => {
      const n = normalize(s).norm;
      for (let pos = 0; pos < n.length; pos++) expect(lex.longestAt(n, pos)?.end ?? null).toBe(bySearch(n, pos));
    }), { numRuns: 300 });
  });
});
