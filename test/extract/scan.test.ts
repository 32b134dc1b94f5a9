// scan() takes a leading "not after a letter" lookbehind off a pattern and checks it by hand (much faster in V8);
// its matches must be exactly the pattern's own, for every rule pattern that opens so, on random text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstMatch, scan } from "../../src/extract/scan.js";
import { fold } from "../../src/extract/normalize.js";
import * as awards from "../../src/extract/recognizers/awards.rules.js";
import * as clusters from "../../src/extract/recognizers/clusters.rules.js";
import * as commitments from "../../src/extract/recognizers/commitments.rules.js";
import * as documents from "../../src/extract/recognizers/documents.rules.js";
import * as events from "../../src/extract/recognizers/events.rules.js";
import * as members from "../../src/extract/recognizers/members.rules.js";
import * as roles from "../../src/extract/recognizers/roles.rules.js";

/** Every regular expression a rules module exports, alone, as a rule's pattern, or in an array of rules. */
function patternsOf(mod: Record<string, unknown>): RegExp[] {
  const out: RegExp[] = [];
  const take = (v: unknown) => {
    if (v instanceof RegExp) out.push(v);
    else if (v && typeof v === "object" && "pattern" in v && (v as { pattern: unknown }).pattern instanceof RegExp) out.push((v as { pattern: RegExp }).pattern);
  };
  for (const v of Object.values(mod)) Array.isArray(v) ? v.forEach(take) : take(v);
  return out;
}

const RULE_PATTERNS = [awards, clusters, commitments, documents, events, members, roles].flatMap(patternsOf).filter((re) => re.source.startsWith("(?<!["));

/** The plain definition: a global exec loop from `from`. */
function byEngine(re: RegExp, text: string, from = 0): Array<[number, string]> {
  const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
  g.lastIndex = from;
  const out: Array<[number, string]> = [];
  for (let m: RegExpExecArray | null; (m = g.exec(text)); ) { out.push([m.index, m[0]]); if (!m[0].length) g.lastIndex++; }
  return out;
}
const byScan = (re: RegExp, text: string, from = 0) => [...scan(re, text, from)].map((m): [number, string] => [m.index, m[0]]);

// pieces of the genre's text, folded and not, with letters and marks that test the boundary check
const piece = fc.oneof(
  fc.constantFrom(" ", " ", "\n", ",", ".", ":", "(", ")", "-", "/", "1", "2024", "5/KH-UBND", "a", "x", "đ", "ơ", "𝐀", "😀", "\u0301", "Ω", "中"),
  fc.constantFrom("giao uoc", "cam ket", "ky ket", "cum", "khoi", "thi dua", "so 3", "ke hoach", "quyet dinh", "luat", "so", "nam 2024", "ngay 12 thang 3",
    "gom", "bao gom", "co 5", "la", "lam cum truong", "giu vai tro pho khoi", "to chuc", "hoi nghi", "tong ket", "tai", "tỉnh", "thành phố", "TP. ", "Nghệ An",
    "đề nghị", "tặng", "trao", "được", "nhận", "Cụm thi đua", "4 noi dung", "hai nhiem vu"),
);
const text = fc.array(piece, { maxLength: 40 }).map((a) => a.join(""));

describe("scan", () => {
  it("finds the rule patterns' own matches on random text", () => {
    expect(RULE_PATTERNS.length).toBeGreaterThan(20);
    fc.assert(fc.property(text, fc.nat(60), (t, from) => {
      for (const re of RULE_PATTERNS) {
        expect(byScan(re, t, Math.min(from, t.length)), re.source.slice(0, 60)).toEqual(byEngine(re, t, Math.min(from, t.length)));
        expect(byScan(re, fold(t))).toEqual(byEngine(re, fold(t)));
      }
    }), { numRuns: 300 });
  });

  it("checks the character before a match, astral letters included, and resumes one position on", () => {
    const re = /(?<![\p{L}])ab/gu;
    expect(byScan(re, "xab ab 𝐀ab 😀ab")).toEqual([[4, "ab"], [14, "ab"]]); // after a letter outside the BMP: no; after an emoji: yes
    expect(byScan(re, "xab ab 𝐀ab 😀ab")).toEqual(byEngine(re, "xab ab 𝐀ab 😀ab"));
    // "aab": the match at 1 is refused; none starts at 2
    expect(byScan(/(?<![\p{L}])a+b/u, "aab")).toEqual(byEngine(/(?<![\p{L}])a+b/u, "aab"));
  });

  it("leaves a lookbehind that covers only the first of top-level alternatives to the engine", () => {
    const re = /(?<![\p{L}])ab|cd/gu;
    expect(byScan(re, "xab xcd")).toEqual([[5, "cd"]]);
    const bracket = /(?<![\]\p{L}])ab/u; // an escaped "]" inside the class
    expect(byScan(bracket, "]ab ab")).toEqual(byEngine(bracket, "]ab ab"));
  });

  it("gives the first match from an offset, or null", () => {
    expect(firstMatch(/(?<![\p{L}])cum/u, "ocum cum cum", 6)?.index).toBe(9);
    expect(firstMatch(/(?<![\p{L}])cum/u, "ocum")).toBeNull();
  });
});
