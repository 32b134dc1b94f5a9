// Syllable tokens of normalised text, with their norm offsets: the unit Vietnamese words are built from.
// A token is a run of letters/digits (with inner "." or "/" kept for "TP.HCM", "1/8/2014", "37/KH-MTTQ").

export interface Syllable {
  text: string;
  start: number; // norm offset
  end: number;
  /** Starts with an upper-case letter (proper names, organisation heads). */
  cap: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[./&][\p{L}\p{N}]+)*/gu;

export function syllables(norm: string, from = 0, to = norm.length): Syllable[] {
  const out: Syllable[] = [];
  TOKEN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(norm)) && m.index < to) {
    const end = Math.min(m.index + m[0].length, to);
    const text = norm.slice(m.index, end);
    out.push({ text, start: m.index, end, cap: isCap(text) });
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
