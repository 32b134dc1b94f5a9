// Damaged text: characters lost to "?" or U+FFFD ("L?y l?i m� b?o m?t"), and UTF-8 read as Latin-1
// ("Cá»¥m thi Ä‘ua"), which can be undone.
import { vietnameseScore } from "./legacy-vn.js";

/** Marks of lost characters in `s`: U+FFFD, and "?" inside a word ("l?i", "b?o"). */
export function damageMarks(s: string): number {
  if (!s.includes("?") && !s.includes("\ufffd")) return 0; // most text: no scan at all
  return (s.match(/\ufffd/gu)?.length ?? 0) + (s.match(/\p{L}\?(?=\p{L})|(?<=\s)\?(?=\p{L}{1,6}\s)/gu)?.length ?? 0);
}

/**
 * Is the story damaged? Judged on the cleaned body (furniture already gone), by share of damaged words:
 * one stray line of a comment form must not condemn a good article.
 */
export function isDamaged(body: string): boolean {
  const words = body.split(/\s+/u).filter(Boolean).length;
  if (!words) return false;
  const marks = damageMarks(body);
  // in damaged Vietnamese most syllables lose a letter; a few marks in a long text are noise
  return marks >= 3 && marks / words > 0.1;
}

const LATIN1_UTF8 = /(?:[\u00c2-\u00c6][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]|\u00e1[\u00ba\u00bb][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc])/gu;

// windows-1252 characters of 0x80–0x9F back to their bytes
const CP1252: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89, "Š": 0x8a, "‹": 0x8b, "Œ": 0x8c,
  "Ž": 0x8e, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9a, "›": 0x9b,
  "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};

function toBytes(s: string): Buffer | null {
  const out: number[] = [];
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (cp < 0x100) out.push(cp);
    else if (CP1252[c] !== undefined) out.push(CP1252[c]!);
    else return null;
  }
  return Buffer.from(out);
}

/** Undo UTF-8 that was read as Latin-1/windows-1252, line by line, when the repaired line reads as Vietnamese. */
export function repairDoubleEncoding(text: string): { text: string; lines: number } {
  if (!new RegExp(LATIN1_UTF8.source, "u").test(text)) return { text, lines: 0 };
  let n = 0;
  const out = text.split("\n").map((line) => {
    if ((line.match(LATIN1_UTF8)?.length ?? 0) < 2) return line;
    const bytes = toBytes(line);
    if (!bytes) return line;
    const fixed = bytes.toString("utf8");
    if (fixed.includes("\ufffd")) return line;
    if (vietnameseScore(fixed).score <= vietnameseScore(line).score) return line;
    n++;
    return fixed;
  });
  return { text: out.join("\n"), lines: n };
}
