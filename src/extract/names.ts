// Vietnamese person names: a surname from lexicons/surnames.txt (one or two syllables, "Tôn Nữ", "Âu Dương",
// and the clan names that open Jarai, Bahnar, H'Mông, Thái, Khmer and Chăm names: "Ksor", "Rơ Châm", "Danh")
// followed by one to three capitalised given-name words, all separated by plain spaces. Ê Đê and Mnông names
// run the other way: a marker ("Y" for men, "H'" for women), one to four given words, then the clan name
// (lexicons/clan-names.txt): "Y Ngọc Niê", "H'Luân Mlô", "Y Thanh Hà Niê Kđăm". A word may be glued by an
// apostrophe to a one-letter syllable ("H'Mai", "K'Ré"): that counts as one word.
// Works on the syllable list of the normalised text (syllables.ts) so callers keep norm offsets.
import { makeLexicon, lexiconEntries } from "./lexicon.js";
import { syllables, type Syllable } from "./syllables.js";

const surnames = makeLexicon("surnames");
const clans = makeLexicon("clan-names");
const ranks = makeLexicon("ranks");
/** Bodies and places whose first syllable is also a surname ("Thành ủy", "Thành phố", "Thành đoàn"). */
const headWords = makeLexicon("admin-units", "org-heads");
const middleNames = new Set(lexiconEntries("middle-names").map((m) => m.toLowerCase()));
/** Places and organisation words that look like names ("Hồ Chí Minh", "Đoàn Thanh niên", "Nông dân"). */
const notNames = makeLexicon("provinces", "org-words", "org-name-words");
/**
 * Words before a name that are not part of it ("Ông Nông Quốc Bảo", "Bà Lê Thị Hoa"). Compared in lower case
 * with their tones: folded, "cháu" would swallow the surname Châu and "cô" the surname Cồ.
 */
const HONORIFICS = new Set(["ông", "bà", "anh", "chị", "cô", "thầy", "d/c", "đ/c", "em", "cụ", "cháu"]);
/** Honorifics that mark the next words as a person's name ("ông A Phiêu", "đồng chí Y Bun"). Lower case. */
const PERSON_MARKERS = new Set(["ông", "bà", "chí"]);

export const MAX_GIVEN = 3;
/** Given words between an Ê Đê marker and the clan name: the marker and the clan anchor a longer name. */
const MAX_GIVEN_ANCHORED = 4;

/** True when syllables i and i+1 are joined by plain spaces only (no punctuation, no line break), or glued. */
export function joined(norm: string, syl: Syllable[], i: number): boolean {
  const a = syl[i], b = syl[i + 1];
  return !!a && !!b && (/^ +$/.test(norm.slice(a.end, b.start)) || glued(norm, syl, i));
}

/** "H'Luân", "K'Ré", "Ea H'leo": a one-letter syllable glued by an apostrophe to the next is one word with it. */
export function glued(norm: string, syl: Syllable[], i: number): boolean {
  const a = syl[i], b = syl[i + 1];
  return !!a && !!b && a.text.length === 1 && /\p{L}/u.test(a.text) && norm.slice(a.end, b.start) === "'";
}

/** Number of words in syllables [i, end): glued syllables count once. */
function words(norm: string, syl: Syllable[], i: number, end: number): number {
  let n = end - i;
  for (let k = i; k < end - 1; k++) if (glued(norm, syl, k)) n--;
  return n;
}

/** The Ê Đê / Mnông marker at syllable i ("Y", "H'", "H"): the index of the first given syllable, or -1. */
function markerAt(norm: string, syl: Syllable[], i: number): number {
  const s = syl[i];
  if (!s || (s.text !== "Y" && s.text !== "H") || !joined(norm, syl, i)) return -1;
  return glued(norm, syl, i) ? i : i + 1; // "H'Luân": the glued word is the first given word
}

/** Can a name start at syllable i: a surname, or an Ê Đê marker. */
export function nameAnchorAt(norm: string, syl: Syllable[], i: number): boolean {
  return surnameAt(norm, syl, i) > 0 || markerAt(norm, syl, i) !== -1 || honoredMarkerAt(norm, syl, i) || honoredFamilyAt(norm, syl, i);
}

/** The middle names that mark a woman's or a man's name and are hardly anything else. Lower case. */
const GENDER_MIDDLES = new Set(["thị", "văn"]);

/** Syllable i stands right after "ông", "bà" or "đồng chí", separated by plain spaces. */
function afterPersonMarker(norm: string, syl: Syllable[], i: number): boolean {
  const s = syl[i], prev = syl[i - 1];
  if (!s || !prev || !/^ +$/.test(norm.slice(prev.end, s.start))) return false;
  const w = prev.text.toLowerCase();
  return PERSON_MARKERS.has(w) && (w !== "chí" || syl[i - 2]?.text.toLowerCase() === "đồng");
}

/**
 * "bà Ka Thị Hoa", "ông Ya Văn Tuấn": a family name missing from the surname list (many of the Central Highlands and
 * the North are written in Kinh fashion) is still one when "ông", "bà" or "đồng chí" stands before it and "Thị" or
 * "Văn" after it. Only these two: other middle names are also ordinary words ("bà Mẹ Việt Nam anh hùng").
 */
function honoredFamilyAt(norm: string, syl: Syllable[], i: number): boolean {
  const s = syl[i], next = syl[i + 1];
  if (!s?.cap || !next?.cap || s.text.length < 2 || !/^ +$/.test(norm.slice(s.end, next.start))) return false;
  return GENDER_MIDDLES.has(next.text.toLowerCase()) && afterPersonMarker(norm, syl, i) && surnameAt(norm, syl, i) === 0
    && !notNames.longestAt(norm, s.start);
}

/**
 * "ông A Phiêu", "bà Y Nhi", "đồng chí A Ngưu": in Xơ Đăng, Ba Na and Gia Rai names a bare "A" (men) or "Y"
 * (women) opens the name and no clan name closes it. A lone capital letter is too common ("khối A", "hạng A")
 * to be a name by itself, so it counts only right after "ông", "bà", "đồng chí" or a rank, or with a rank in brackets
 * after the name ("A Thuận (Thượng tá)").
 */
function honoredMarkerAt(norm: string, syl: Syllable[], i: number): boolean {
  const s = syl[i], prev = syl[i - 1];
  if (!s || !prev || (s.text !== "A" && s.text !== "Y") || !joined(norm, syl, i) || !/^ +$/.test(norm.slice(prev.end, s.start))) return false;
  const w = prev.text.toLowerCase();
  if (PERSON_MARKERS.has(w) && (w !== "chí" || syl[i - 2]?.text.toLowerCase() === "đồng")) return true;
  // "Thượng tá A Thuận", "Đại úy Y Blin": a rank ending right before the marker
  for (let k = Math.max(0, i - 3); k < i; k++) {
    const r = syl[k]!.cap ? ranks.longestAt(norm, syl[k]!.start) : null;
    if (r && r.end === prev.end) return true;
  }
  // "A Thuận (Thượng tá)": the rank in brackets after one or two given words
  for (let k = i + 1; k <= i + 2 && k < syl.length && syl[k]!.cap; k++) {
    const open = /^ *\( */.exec(norm.slice(syl[k]!.end, syl[k]!.end + 4));
    const r = open ? ranks.longestAt(norm, syl[k]!.end + open[0].length) : null;
    if (r && /^ *\)/.test(norm.slice(r.end, r.end + 3))) return true;
    if (!joined(norm, syl, k)) break;
  }
  return false;
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
  while (k < syl.length && (syl[k]!.cap || (k > i && glued(norm, syl, k - 1))) && !/^\d/.test(syl[k]!.text) && !(k > i && stop?.(k))) {
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
  const ede = edeScore(norm, syl, i, end);
  if (ede !== null) return ede;
  // "ông A Phiêu": the marker and one or two given words, each capitalised
  if (honoredMarkerAt(norm, syl, i)) {
    const given = words(norm, syl, i + 1, end);
    return given >= 1 && given <= 2 && syl.slice(i + 1, end).every((x, k) => x.cap || glued(norm, syl, i + k)) ? 2 : null;
  }
  // "bà Ka Thị Hoa": an unlisted family name, the honorific before and a middle name after it
  if (honoredFamilyAt(norm, syl, i)) {
    const given = words(norm, syl, i + 1, end);
    return given >= 2 && given <= MAX_GIVEN && syl.slice(i + 1, end).every((x) => x.cap) ? 3 + (end - i === 3 ? 1 : 0) : null;
  }
  const sn = surnameAt(norm, syl, i);
  if (!sn) return null;
  const given = words(norm, syl, i + sn, end);
  if (given < 1 || given > MAX_GIVEN) return null;
  // "Thành ủy", "Thành Đoàn": a body whose head starts with a surname
  const head = headWords.longestAt(norm, syl[i]!.start);
  if (head && head.end > syl[i]!.end && /^[\p{L} ]+$/u.test(norm.slice(syl[i]!.start, head.end))) return null;
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

/** "Y Thanh Hà Niê Kđăm": marker, given words, clan name ending the span. Scored above every other shape. */
function edeScore(norm: string, syl: Syllable[], i: number, end: number): number | null {
  const g = markerAt(norm, syl, i);
  if (g === -1) return null;
  for (let c = g + 1; c < end; c++) {
    if (glued(norm, syl, c - 1)) continue; // the clan name is a word of its own
    const m = clans.longestAt(norm, syl[c]!.start);
    if (!m || m.end !== syl[end - 1]!.end) continue;
    const given = words(norm, syl, g, c);
    if (given >= 1 && given <= MAX_GIVEN_ANCHORED && syl[c]!.cap) return 5;
  }
  return null;
}

/**
 * The name that ends a run of capitalised syllables [from, to): the best-scored tail, so that organisation
 * or place words before it are left out ("… thành phố Hà Nội Lê Đình Hùng" → "Lê Đình Hùng").
 * Returns the syllable index where the name starts, or -1.
 */
export function nameTail(norm: string, syl: Syllable[], from: number, to: number): number {
  let best = -1, bestScore = -1;
  for (let i = Math.max(from, to - MAX_GIVEN_ANCHORED - 4); i < to - 1; i++) {
    if (i > from && glued(norm, syl, i - 1)) continue; // not inside a glued word
    const s = nameScore(norm, syl, i, to);
    if (s !== null && s > bestScore) { best = i; bestScore = s; }
  }
  return best;
}

/** Skip honorifics at the start of a capitalised run ("Ông Nông Quốc Bảo"): index of the first syllable of the name part. */
export function skipHonorific(norm: string, syl: Syllable[], i: number, to: number): number {
  const w = (syl[i]?.text ?? "").toLowerCase();
  return HONORIFICS.has(w) && to - i >= 3 ? i + 1 : i;
}

/** A whole string that is a plausible person name ("Nguyễn Lan Hương"), for tests and other recognisers. */
export function isPersonName(text: string, syl: Syllable[]): boolean {
  if (syl.length < 2) return false;
  for (let k = 0; k + 1 < syl.length; k++) if (!joined(text, syl, k)) return false;
  if (syl[0]!.start !== 0 || syl[syl.length - 1]!.end !== text.length) return false;
  return nameScore(text, syl, 0, syl.length) !== null && syl.every((s, k) => s.cap || (k > 0 && glued(text, syl, k - 1)));
}

/** Key that identifies a person within an article: case and spacing aside (tones kept: Hùng is not Hưng). */
export function personKey(name: string): string {
  return name.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N} ]/gu, "").replace(/\s+/g, " ").trim();
}

/** "PGS.TS Trần Bá Hùng:", "Ông Lê Văn Tám:": up to 50 characters without a clause mark, closed by a colon. */
const SPEAKER = /^([^:;,\n]{4,50}):[ \t]+/u;
/** Lower-case words that may stand before a speaker's name ("Đồng chí", "Tiến sĩ", "Nhà báo"). */
const SPEAKER_WORDS = new Set([...HONORIFICS, "chí", "sĩ", "báo"]);

/**
 * The speaker of an interview answer at the start of a sentence: ranks or honorifics, a person's name, a colon
 * ("PGS.TS Trần Bá Hùng: Trường … đã đăng ký …"). The speaker is not the subject of what follows. Returns the
 * offset after the colon and its spaces, or `from` when no such prefix opens norm[from, to).
 */
export function speakerPrefixEnd(norm: string, from: number, to: number): number {
  const m = SPEAKER.exec(norm.slice(from, Math.min(to, from + 60)));
  if (!m) return from;
  const colon = from + m[1]!.length;
  const syl = syllables(norm, from, colon);
  const k = syl.length;
  if (k < 2 || syl[k - 1]!.end !== colon) return from;
  const i = nameTail(norm, syl, Math.max(0, k - MAX_GIVEN_ANCHORED - 2), k);
  if (i < 0 || i > 3) return from;
  for (let j = i; j < k; j++) if (!syl[j]!.cap || (j + 1 < k && !joined(norm, syl, j))) return from;
  for (let j = 0; j < i; j++) if (!syl[j]!.cap && !SPEAKER_WORDS.has(syl[j]!.text.toLowerCase())) return from;
  return from + m[0].length;
}
