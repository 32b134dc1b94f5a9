// Normalisation for matching, with a map back to the original offsets.
// The cleaned text is kept as the page wrote it; recognisers read `norm` and report spans through the map.

export interface Normalized {
  /** NFC, one tone-mark placement (hòa, ủy), Đ for Ð, plain spaces, straight quotes, "-" for dashes, no zero-width characters. */
  norm: string;
  /** map[i] = offset in the original of norm[i]; map[norm.length] = original length. */
  map: Int32Array;
}

const COMBINING = /[\u0300-\u036f]/;
const DROP = new Set(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]);
const CHAR_FIX: Record<string, string> = {
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

function unifyTones(s: string): string {
  // Only at the end of a syllable: "hoàn" keeps its mark on a, "hoà" moves it. "qu" is a consonant cluster.
  return s.replace(/(\p{L}*?)([oO][àáảãạèéẻẽẹ]|[uU][ỳýỷỹỵ])(?!\p{L})/gu, (m, pre: string, v: string) => {
    if (/[qQ]$/.test(pre)) return m;
    const lower = v.toLowerCase();
    const shifted = TONE_SHIFT[lower];
    if (!shifted) return m;
    const out = v[0] === v[0]!.toUpperCase() ? shifted[0]!.toUpperCase() + shifted.slice(1) : shifted;
    return pre + out;
  });
}

export function normalize(text: string): Normalized {
  const out: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (DROP.has(ch)) { i++; continue; }
    // a base character with its combining marks composes into one NFC unit
    let j = i + 1;
    while (j < text.length && COMBINING.test(text[j]!)) j++;
    let piece = text.slice(i, j);
    if (j - i > 1 || piece.charCodeAt(0) > 0x7f) piece = piece.normalize("NFC");
    piece = CHAR_FIX[piece] ?? piece;
    for (const c of piece) { out.push(c); map.push(i); }
    i = j;
  }
  map.push(text.length);
  const norm = unifyTones(out.join(""));
  return { norm, map: Int32Array.from(map) };
}

/** Lower case, diacritics folded, đ -> d. Same length as the input, so offsets carry over. */
export function fold(s: string): string {
  let out = "";
  for (const c of s.toLowerCase()) {
    if (c === "đ") { out += "d"; continue; }
    const base = c.normalize("NFD")[0]!;
    out += base.length === c.length ? base : c;
  }
  return out;
}

/** Normal form for comparing names: NFC, tone placement unified, case and spacing folded. */
export function matchKey(s: string): string {
  return normalize(s).norm.toLowerCase().replace(/\s+/g, " ").trim();
}
