// Sentence and list-item splitting on normalised text. Offsets are in normalised space.
import { lexiconEntries } from "./lexicon.js";

export interface Sentence {
  index: number;
  start: number; // in doc.norm
  end: number;
  /** paragraph index (blank-line separated block) */
  paragraph: number;
  /** line index (0-based count of "\n" before the sentence); a line may hold several sentences */
  line: number;
}

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/**
 * An abbreviation (lexicons/dot-abbreviations.txt) or an initial right before a dot: the dot does not end the sentence.
 * It may follow a space, "(" or another abbreviation's dot ("(TP. Huế)", "PGS.TS. Nguyễn", "ThS.BS.", "BS.CKI.").
 */
const ABBREV_BEFORE_DOT = new RegExp(String.raw`(?:^|[\s(.])(?:${lexiconEntries("dot-abbreviations").sort((a, b) => b.length - a.length).map(escape).join("|")}|[A-ZĐ])$`, "u");
/** How far back the abbreviation is looked for (the longest part plus the character before it). */
const ABBREV_WINDOW = 12;

export function splitSentences(norm: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let line = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(norm[s]!)) s++;
    while (e > s && /\s/.test(norm[e - 1]!)) e--;
    if (e > s) out.push({ index: out.length, start: s, end: e, paragraph, line });
  };
  // paragraphs and lines first: a line break always ends a sentence (headings have no final dot)
  const lineRe = /\n/g;
  let lineStart = 0;
  let m: RegExpExecArray | null;
  const lines: Array<[number, number, boolean]> = [];
  while ((m = lineRe.exec(norm))) { lines.push([lineStart, m.index, false]); lineStart = m.index + 1; }
  lines.push([lineStart, norm.length, false]);
  let blankRun = false;
  for (let li = 0; li < lines.length; li++) {
    const [ls, le] = lines[li]!;
    line = li;
    if (!norm.slice(ls, le).trim()) { if (!blankRun && out.length) paragraph++; blankRun = true; continue; }
    blankRun = false;
    let s = ls;
    for (let k = ls; k < le; k++) {
      const c = norm[k]!;
      if (c !== "." && c !== "!" && c !== "?" && c !== "…" && c !== ";" ) continue;
      if (c === ";") continue; // semicolons separate list items inside a sentence
      // keep "./." together, and "..." runs
      let e = k + 1;
      while (e < le && /[.!?…/"')\]]/.test(norm[e]!)) e++;
      const next = norm.slice(e, e + 2);
      if (c === ".") {
        const before = norm.slice(Math.max(ls, k - ABBREV_WINDOW), k);
        if (/\d$/.test(before) && /^\d/.test(norm[k + 1] ?? "")) continue; // 1.000, 3.5
        if (ABBREV_BEFORE_DOT.test(before)) continue;
        if (k - s <= 8 && /^\d+$/.test(norm.slice(s, k).trim())) continue; // numbered item "1."
        if (/[:;]\s*\d{1,2}$/.test(before)) continue; // an item numbered inside a sentence: "Cụ thể: 1. A; 2. B"
        if (k - s <= 8 && /^[a-zđ]\)?$/.test(norm.slice(s, k).trim())) continue;
      }
      if (e < le && !/^\s/.test(next)) continue; // "TP.HCM", "v.v" inside a token
      if (e < le && /^\s+[a-zđàáảãạăâèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ]/u.test(norm.slice(e, e + 3)) && c === ".") continue;
      push(s, e);
      s = e;
    }
    push(s, le);
  }
  return out;
}
