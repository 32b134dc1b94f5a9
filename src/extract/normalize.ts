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

const OLD_TONE = /(\p{L}*?)([oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\p{L})/gu;

function unifyTones(s: string): string {
  // Only at the end of a syllable: "hoàn" keeps its mark on a, "hoà" moves it. "qu" is a consonant cluster (quý).
  return s.replace(OLD_TONE, (m, pre: string, v: string) => {
    if (/[qQ]$/.test(pre)) return m;
    const shifted = TONE_SHIFT[v.toLowerCase()];
    if (!shifted) return m;
    // keep the case of each of the two letters (Hoà -> Hòa, HOÀ -> HÒA, Uỷ -> Ủy)
    const out = [...shifted].map((c, k) => (v[k] === v[k]!.toLowerCase() ? c : c.toUpperCase())).join("");
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
    if (ch === "\r" && text[i + 1] === "\n") { i++; continue; } // CRLF is one line break
    // a base character with its combining marks composes into one NFC unit
    let j = i + 1;
    if (/[\ud800-\udbff]/.test(ch) && /[\udc00-\udfff]/.test(text[j] ?? "")) j++; // keep surrogate pairs whole
    while (j < text.length && COMBINING.test(text[j]!)) j++;
    let piece = text.slice(i, j);
    if (j - i > 1 || piece.charCodeAt(0) > 0x7f) piece = piece.normalize("NFC");
    piece = CHAR_FIX[piece] ?? piece;
    // one map entry per UTF-16 unit, so norm offsets index the map directly
    for (let k = 0; k < piece.length; k++) { out.push(piece[k]!); map.push(i); }
    i = j;
  }
  map.push(text.length);
  const norm = unifyTones(out.join(""));
  return { norm, map: Int32Array.from(map) };
}

/** Lower case, diacritics folded, đ -> d. Same length (UTF-16 units) as the input, so offsets carry over. */
export function fold(s: string): string {
  let out = "";
  for (let k = 0; k < s.length; k++) {
    const c = s[k]!;
    const lower = c.toLowerCase();
    const l = lower.length === 1 ? lower : c;
    if (l === "đ") { out += "d"; continue; }
    if (l.charCodeAt(0) < 0x80) { out += l; continue; }
    const base = l.normalize("NFD")[0]!;
    out += base.length === 1 && base.charCodeAt(0) < 0x250 ? base : l;
  }
  return out;
}

/** Normal form for comparing names: NFC, tone placement unified, case and spacing folded. */
export function matchKey(s: string): string {
  return normalize(s).norm.toLowerCase().replace(/\s+/g, " ").trim();
}
