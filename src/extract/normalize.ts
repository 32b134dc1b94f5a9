// Normalisation for matching, with a map back to the original offsets.
// The cleaned text is kept as the page wrote it; recognisers read `norm` and report spans through the map.

export interface Normalized {
  /** NFC, one tone-mark placement (hòa, ủy), Đ for Ð, plain spaces (a run of them as one), straight quotes, "-" for dashes, no zero-width characters. */
  norm: string;
  /** map[i] = offset in the original of norm[i]; map[norm.length] = original length. */
  map: Int32Array;
}

const COMBINING = /[\u0300-\u036f]/;
export const DROP = new Set(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]);
export const CHAR_FIX: Record<string, string> = {
  "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ", "\t": " ",
  "\u00d0": "\u0110", // Ð (Icelandic eth) typed for Đ
  "\u00f0": "\u0111",
  "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
  "\u2018": "'", "\u2019": "'", "\u201a": "'",
  "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
  "\u2026": "\u2026",
  "\r": "\n",
};

// Old-style tone placement on open syllables (hoà, uỷ) -> new style (hòa, ủy); same length, so no map change.
const TONE_SHIFT: Record<string, string> = {
  "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
  "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
  "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
};

// the old-style pair at the end of a syllable; the letter before it is checked by hand ("qu" is a consonant cluster: quý)
const OLD_TONE = /[oOuU][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?!\p{L})/gu;

export function unifyTones(s: string): string {
  // Only at the end of a syllable: "hoàn" keeps its mark on a, "hoà" moves it.
  return s.replace(OLD_TONE, (v: string, at: number) => {
    if (at > 0 && (s[at - 1] === "q" || s[at - 1] === "Q")) return v;
    const shifted = TONE_SHIFT[v.toLowerCase()];
    if (!shifted) return v;
    // keep the case of each of the two letters (Hoà -> Hòa, HOÀ -> HÒA, Uỷ -> Ủy)
    return [...shifted].map((c, k) => (v[k] === v[k]!.toLowerCase() ? c : c.toUpperCase())).join("");
  });
}

const isCombining = (c: number) => c >= 0x300 && c <= 0x36f;
const nfcOne = new Map<string, string>(); // single non-ASCII characters seen, composed and fixed

export function normalize(text: string): Normalized {
  // one pass, one map entry per UTF-16 unit of the output (rarely longer than the input: a few characters expand in NFC)
  let norm = "";
  let map = new Int32Array(text.length + 1);
  let n = 0;
  let i = 0;
  let space = false; // the last unit written is a space
  while (i < text.length) {
    if (n + 1 >= map.length) { const grown = new Int32Array(map.length * 2 + 4); grown.set(map); map = grown; }
    const code = text.charCodeAt(i);
    let j = i + 1;
    if (code < 0x80 && !(j < text.length && isCombining(text.charCodeAt(j)))) {
      if (code === 13) { // CR: CRLF is one line break, a lone CR is one
        if (text.charCodeAt(j) === 10) { i = j; continue; }
        space = false; norm += "\n"; map[n++] = i; i = j; continue;
      }
      if (code === 32 || code === 9) {
        // a run of spaces reads as one (copied text often doubles them): the first one stands for the run
        if (space) { i = j; continue; }
        space = true; norm += " "; map[n++] = i; i = j; continue;
      }
      space = false; norm += text[i]!; map[n++] = i; i = j; continue;
    }
    const ch = text[i]!;
    if (DROP.has(ch)) { i++; continue; }
    // a base character with its combining marks composes into one NFC unit
    if (code >= 0xd800 && code <= 0xdbff && j < text.length && (text.charCodeAt(j) & 0xfc00) === 0xdc00) j++; // keep surrogate pairs whole
    while (j < text.length && isCombining(text.charCodeAt(j))) j++;
    let piece: string;
    if (j - i === 1) {
      let cached = nfcOne.get(ch);
      if (cached === undefined) { const c = ch.normalize("NFC"); cached = CHAR_FIX[c] ?? c; nfcOne.set(ch, cached); }
      piece = cached;
    } else {
      const c = text.slice(i, j).normalize("NFC");
      piece = CHAR_FIX[c] ?? c;
    }
    if (piece === " ") { if (space) { i = j; continue; } space = true; } else if (piece) space = false;
    if (n + piece.length + 1 >= map.length) { const grown = new Int32Array(map.length * 2 + piece.length); grown.set(map); map = grown; }
    for (let k = 0; k < piece.length; k++) map[n++] = i;
    norm += piece;
    i = j;
  }
  map[n] = text.length;
  return { norm: unifyTones(norm), map: map.slice(0, n + 1) };
}

/** Folded form of each UTF-16 unit seen so far (the alphabet is small, so this stays small). */
const foldOne = new Map<number, string>();
/** Lower case of each non-ASCII unit seen so far, kept only where it stays one unit long. */
const lowerOne = new Map<number, string>();

function foldUnit(code: number): string {
  let f = foldOne.get(code);
  if (f === undefined) {
    const c = String.fromCharCode(code);
    const lower = c.toLowerCase();
    const l = lower.length === 1 ? lower : c;
    if (l === "đ") f = "d";
    else if (l.charCodeAt(0) < 0x80) f = l;
    else { const base = l.normalize("NFD")[0]!; f = base.length === 1 && base.charCodeAt(0) < 0x250 ? base : l; }
    foldOne.set(code, f);
  }
  return f;
}

/** Lower case, diacritics folded, đ -> d. Same length (UTF-16 units) as the input, so offsets carry over. */
export function fold(s: string): string {
  let out = "";
  let from = 0;
  for (let k = 0; k < s.length; k++) {
    const code = s.charCodeAt(k);
    // lower-case ASCII letters, digits and punctuation fold to themselves: copied in runs
    if (code < 0x80 && !(code >= 65 && code <= 90)) continue;
    if (k > from) out += s.slice(from, k);
    out += code < 0x80 ? String.fromCharCode(code + 32) : foldUnit(code);
    from = k + 1;
  }
  return from === 0 ? s : from < s.length ? out + s.slice(from) : out;
}

/** Lower case of one UTF-16 unit (itself where its lower case would be longer). */
export function lowerUnit(code: number): string {
  if (code < 0x80) return String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code);
  let l = lowerOne.get(code);
  if (l === undefined) { const c = String.fromCharCode(code); const x = c.toLowerCase(); l = x.length === 1 ? x : c; lowerOne.set(code, l); }
  return l;
}

/** Lower case with the diacritics kept, offset for offset (a letter whose lower case is longer stays as written). */
export function lowerSameLength(s: string): string {
  let out = "";
  for (let k = 0; k < s.length; k++) out += lowerUnit(s.charCodeAt(k));
  return out;
}

/** Normal form for comparing names: NFC, tone placement unified, case and spacing folded. */
export function matchKey(s: string): string {
  return normalize(s).norm.toLowerCase().replace(/\s+/g, " ").trim();
}
