// Syllable tokens of normalised text, with their norm offsets: the unit Vietnamese words are built from.
// A token is a run of letters/digits (with inner "." or "/" kept for "TP.HCM", "1/8/2014", "37/KH-MTTQ").

export interface Syllable {
  text: string;
  start: number; // norm offset
  end: number;
  /** Starts with an upper-case letter (proper names, organisation heads). */
  cap: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Letter-or-digit flags of the Basic Multilingual Plane, filled on first sight of each unit. 0 unknown, 1 yes, 2 no. */
const wordFlag = new Uint8Array(0x10000);

/** Is there a letter or digit at i (a surrogate pair is read whole)? Its length in UTF-16 units, or 0. */
function wordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(s.slice(i, i + 2)) ? 2 : 0;
  let f = wordFlag[c]!;
  if (f === 0) wordFlag[c] = f = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return f === 1 ? 1 : 0;
}

/** End of the run of letters and digits that starts at i. */
function runEnd(s: string, i: number): number {
  for (let w = wordCharAt(s, i); w > 0 && i < s.length; w = wordCharAt(s, i)) i += w;
  return i;
}

const JOINERS = new Set([".", "/", "&"]);

/**
 * Tokens of norm[from, to): runs of letters and digits, joined across "." "/" "&" when a letter or digit
 * follows ("TP.HCM", "1/8/2014"); a token that runs past `to` is cut there.
 */
export function syllables(norm: string, from = 0, to = norm.length): Syllable[] {
  const out: Syllable[] = [];
  let i = from;
  while (i < to) {
    if (!wordCharAt(norm, i)) { i++; continue; }
    const start = i;
    i = runEnd(norm, i);
    while (i + 1 < norm.length && JOINERS.has(norm[i]!) && wordCharAt(norm, i + 1)) i = runEnd(norm, i + 1);
    const end = Math.min(i, to);
    const text = norm.slice(start, end);
    out.push({ text, start, end, cap: isCap(text) });
  }
  return out;
}

export function isCap(word: string): boolean {
  const c = word[0] ?? "";
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Number of syllables in a string. */
export function syllableCount(s: string): number {
  return syllables(s).length;
}
