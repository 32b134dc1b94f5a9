// Text typed in the legacy Vietnamese font encodings (TCVN3/ABC, VNI) -> Unicode.
// Such text only uses characters up to U+00FF, so genuine Unicode Vietnamese (đ, ơ, ư, ạ… lie above) is
// never touched: conversion is decided line by line, by which reading looks more like Vietnamese.
import { LEGACY_FONTS, TCVN3, VNI_LETTERS, VNI_MARKS } from "./legacy-vn.data.js";

export type LegacyEncoding = "tcvn3" | "vni";

export function tcvn3ToUnicode(s: string): string {
  let out = "";
  for (const c of s) out += TCVN3[c] ?? c;
  return out;
}

const VNI_BASE = /[aeiouyAEIOUY\u00f4\u00d4\u00f6\u00d6]/u;

export function vniToUnicode(s: string): string {
  let out = "";
  let prevVowel = false;
  for (const c of s) {
    const mark = VNI_MARKS[c];
    if (mark && prevVowel) { out += mark; continue; } // a mark rides on the vowel before it (and a tone may follow a shape mark)
    const letter = VNI_LETTERS[c];
    out += letter ?? c;
    prevVowel = VNI_BASE.test(c) || (letter !== undefined && /[ơƠưƯ]/u.test(letter));
  }
  return out.normalize("NFC");
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
// Vowel nuclei of Vietnamese syllables (without tone), longest first; "qu" and "gi" count as onsets.
const NUCLEI = "uyê|uyu|uya|uây|uôi|ươi|ươu|oai|oay|oao|oeo|iêu|yêu|iê|yê|uô|ươ|uâ|uê|uy|uơ|oa|oă|oe|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y";
const SYLLABLE = new RegExp(`^(?:ngh|ng|nh|ch|gh|kh|ph|th|tr|qu|gi|[bcdđghklmnpqrstvx])?(?:${NUCLEI})(?:ng|nh|ch|[cmnpt])?$`, "u");

/** Share (0..1) of the words carrying non-ASCII letters that are well-formed Vietnamese syllables, and their count. */
export function vietnameseScore(s: string): { score: number; words: number } {
  let good = 0, words = 0;
  for (const w of s.match(/\p{L}+/gu) ?? []) {
    if (/^[\x00-\x7f]*$/u.test(w)) continue;
    words++;
    const d = w.normalize("NFD").toLowerCase();
    const tones = d.match(TONES)?.length ?? 0;
    const base = d.replace(TONES, "").normalize("NFC");
    if (tones <= 1 && SYLLABLE.test(base)) good++;
  }
  return { score: words ? good / words : 0, words };
}

/** The legacy encoding the page's font names point at, if any. */
export function legacyFromFonts(html: string): LegacyEncoding | null {
  for (const [re, enc] of LEGACY_FONTS) if (re.test(html)) return enc;
  return null;
}

const convert = (s: string, enc: LegacyEncoding) => (enc === "tcvn3" ? tcvn3ToUnicode(s) : vniToUnicode(s));

/** Could this line be legacy-encoded text: Latin-1 letters, nothing above U+00FF? */
function candidateLine(line: string): boolean {
  return /[\u00a1-\u00ff]/u.test(line) && !/[\u0100-\uffff]/u.test(line);
}

/**
 * Convert the lines (and text runs between tags) that read better as `enc` (or as whichever legacy encoding reads best when `enc` is null).
 * Returns the text and which encoding was applied to how many lines.
 */
export function fixLegacyLines(text: string, enc: LegacyEncoding | null): { text: string; encoding: LegacyEncoding | null; lines: number } {
  const encs: LegacyEncoding[] = enc ? [enc] : ["tcvn3", "vni"];
  let used: LegacyEncoding | null = null;
  let n = 0;
  // units: lines of text, and the text between tags of a page (a Unicode menu may share a line with legacy text)
  const out = text.split(/(<[^>]*>|\n)/u).map((line, k) => {
    if (k % 2 === 1 || !candidateLine(line)) return line;
    const before = vietnameseScore(line);
    let best = line, bestScore = before.score + 0.3; // demand a clear gain: French or German words stay as they are
    for (const e of encs) {
      const conv = convert(line, e);
      const after = vietnameseScore(conv);
      if (after.words >= 1 && after.score > bestScore) { best = conv; bestScore = after.score; used = e; }
    }
    if (best !== line) n++;
    return best;
  });
  return { text: out.join(""), encoding: used, lines: n };
}
