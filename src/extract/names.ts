// Vietnamese person names: a surname from lexicons/surnames.txt (one or two syllables, "Tôn Nữ", "Âu Dương")
// followed by one to three capitalised given-name syllables, all separated by plain spaces.
// Works on the syllable list of the normalised text (syllables.ts) so callers keep norm offsets.
import { makeLexicon, lexiconEntries } from "./lexicon.js";
import { fold } from "./normalize.js";
import type { Syllable } from "./syllables.js";

const surnames = makeLexicon("surnames");
const middleNames = new Set(lexiconEntries("middle-names").map((m) => m.toLowerCase()));
/** Places and organisation words that look like names ("Hồ Chí Minh", "Đoàn Thanh niên", "Nông dân"). */
const notNames = makeLexicon("provinces", "org-words", "org-name-words");
/** Words before a name that are not part of it ("Ông Nông Quốc Bảo", "Bà Lê Thị Hoa"). */
const HONORIFICS = new Set(["ong", "ba", "anh", "chi", "co", "thay", "d/c", "đ/c", "em", "cu", "chau"]);

export const MAX_GIVEN = 3;

/** True when syllables i and i+1 are joined by plain spaces only (no punctuation, no line break). */
export function joined(norm: string, syl: Syllable[], i: number): boolean {
  const a = syl[i], b = syl[i + 1];
  return !!a && !!b && /^ +$/.test(norm.slice(a.end, b.start));
}

/** Number of syllables of the surname starting at syllable i (0 when there is none). */
export function surnameAt(norm: string, syl: Syllable[], i: number): number {
  const s = syl[i];
  if (!s || !s.cap) return 0;
  const m = surnames.longestAt(norm, s.start);
  if (!m) return 0;
  let n = 0;
  for (let k = i; k < syl.length && syl[k]!.start < m.end; k++) {
    if (!syl[k]!.cap || (k > i && !joined(norm, syl, k - 1))) return 0;
    n++;
  }
  return syl[i + n - 1]!.end === m.end ? n : 0;
}

/** End (exclusive syllable index) of the run of capitalised syllables joined by spaces that starts at i. */
export function capRunEnd(norm: string, syl: Syllable[], i: number, stop?: (k: number) => boolean): number {
  let k = i;
  while (k < syl.length && syl[k]!.cap && !/^\d/.test(syl[k]!.text) && !(k > i && stop?.(k))) {
    k++;
    if (!joined(norm, syl, k - 1)) break;
  }
  return k;
}

/**
 * How good a name is the span [i, end): null when it cannot be one. Prefers a middle name after the surname
 * ("Lê Văn Hòa" over "Mai Lê Văn Hòa") and three syllables, the commonest shape.
 */
export function nameScore(norm: string, syl: Syllable[], i: number, end: number): number | null {
  const sn = surnameAt(norm, syl, i);
  if (!sn) return null;
  const given = end - i - sn;
  if (given < 1 || given > MAX_GIVEN) return null;
  // a place or organisation word that starts inside the span and is two syllables or more is not a name part
  for (let k = i; k < end; k++) {
    const m = notNames.longestAt(norm, syl[k]!.start);
    if (m && m.end > syl[k]!.end) return null;
  }
  let score = 0;
  if (middleNames.has(syl[i + sn]!.text.toLowerCase())) score += 3;
  if (end - i === 3) score += 1;
  return score;
}

/**
 * The name that ends a run of capitalised syllables [from, to): the best-scored tail, so that organisation
 * or place words before it are left out ("… thành phố Hà Nội Lê Đình Hùng" → "Lê Đình Hùng").
 * Returns the syllable index where the name starts, or -1.
 */
export function nameTail(norm: string, syl: Syllable[], from: number, to: number): number {
  let best = -1, bestScore = -1;
  for (let i = Math.max(from, to - MAX_GIVEN - 2); i < to - 1; i++) {
    const s = nameScore(norm, syl, i, to);
    if (s !== null && s > bestScore) { best = i; bestScore = s; }
  }
  return best;
}

/** Skip honorifics at the start of a capitalised run ("Ông Nông Quốc Bảo"): index of the first syllable of the name part. */
export function skipHonorific(norm: string, syl: Syllable[], i: number, to: number): number {
  const f = fold(syl[i]?.text ?? "");
  return HONORIFICS.has(f) && to - i >= 3 ? i + 1 : i;
}

/** A whole string that is a plausible person name ("Nguyễn Lan Hương"), for tests and other recognisers. */
export function isPersonName(text: string, syl: Syllable[]): boolean {
  if (syl.length < 2) return false;
  for (let k = 0; k + 1 < syl.length; k++) if (!joined(text, syl, k)) return false;
  if (syl[0]!.start !== 0 || syl[syl.length - 1]!.end !== text.length) return false;
  return nameScore(text, syl, 0, syl.length) !== null && syl.every((s) => s.cap);
}

/** Key that identifies a person within an article: case and spacing aside (tones kept: Hùng is not Hưng). */
export function personKey(name: string): string {
  return name.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N} ]/gu, "").replace(/\s+/g, " ").trim();
}
