// The document every recogniser reads: normalised text, sentences, and span conversion back to the original.
import type { Article, Provenance } from "../types.js";
import { fold, lowerSameLength, normalize } from "./normalize.js";
import { splitSentences, type Sentence } from "./sentences.js";
import { syllables, type Syllable } from "./syllables.js";

export interface Doc {
  article: Article;
  /** Cleaned text as the page wrote it. */
  text: string;
  /** Normalised text (see normalize.ts); recognisers match on this. */
  norm: string;
  /** fold(norm): lower case, no diacritics; same length as norm. */
  folded: string;
  map: Int32Array;
  sentences: Sentence[];
  /** Offset in norm where the body starts (after the title paragraph). */
  bodyStart: number;
  /** Publication date parts when known, for resolving "Chiều 4/3". */
  pubYear: number | null;
  pubDate: string | null;
}

export function makeDoc(article: Article): Doc {
  const { norm, map } = normalize(article.text);
  let bodyStart = 0;
  while (bodyStart < norm.length && map[bodyStart]! < article.bodyStart) bodyStart++;
  const pub = article.published?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return {
    article, text: article.text, norm, folded: fold(norm), map,
    sentences: splitSentences(norm), bodyStart,
    pubYear: pub ? Number(pub[1]) : null,
    pubDate: pub ? `${pub[1]}-${pub[2]}-${pub[3]}` : null,
  };
}

/** Original-text offsets and surface form of a span given in norm offsets. */
export function span(doc: Doc, nStart: number, nEnd: number): { start: number; end: number; surface: string } {
  const start = doc.map[nStart]!;
  const end = doc.map[nEnd]!;
  return { start, end, surface: doc.text.slice(start, end) };
}

const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/;
const INVISIBLES = new RegExp(INVISIBLE.source, "g");

/**
 * The page's own words for norm[nStart, nEnd) as a name is stored: the original text (its tone placement, its
 * characters), without invisible characters (zero-width, soft hyphen), white space in a run as one space, trimmed.
 */
export function surfaceText(doc: Doc, nStart: number, nEnd: number): string {
  const raw = doc.text.slice(doc.map[nStart]!, doc.map[nEnd]!);
  return (INVISIBLE.test(raw) ? raw.replace(INVISIBLES, "") : raw).replace(/\s+/g, " ").trim();
}

/** Index of the sentence holding norm offset n. */
export function sentenceAt(doc: Doc, n: number): Sentence | undefined {
  let lo = 0, hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid]!;
    if (n < s.start) hi = mid - 1; else if (n >= s.end) lo = mid + 1; else return s;
  }
  return doc.sentences[Math.max(0, Math.min(doc.sentences.length - 1, lo))];
}

/** Provenance for a norm-space span. */
export function prov(doc: Doc, nStart: number, nEnd: number, rule: string, confidence: number): Provenance {
  const { start, end } = span(doc, nStart, nEnd);
  return { start, end, sentence: sentenceAt(doc, nStart)?.index ?? -1, rule, confidence };
}

/** Text of a sentence in norm space. */
export function sentenceText(doc: Doc, s: Sentence): string {
  return doc.norm.slice(s.start, s.end);
}

// Views of the whole document that several recognisers read, computed once per document on first use.
const sylMemo = new WeakMap<Doc, Syllable[]>();
const lowerMemo = new WeakMap<Doc, string>();

/** Every syllable of the normalised text. */
export function docSyllables(doc: Doc): Syllable[] {
  let s = sylMemo.get(doc);
  if (!s) sylMemo.set(doc, (s = syllables(doc.norm)));
  return s;
}

/**
 * The syllables in norm offsets [from, to), as syllables(doc.norm, from, to) gives them, taken from the
 * document's list (a range that cuts a token is tokenised afresh).
 */
export function syllablesIn(doc: Doc, from: number, to: number): Syllable[] {
  const all = docSyllables(doc);
  let lo = 0, hi = all.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (all[mid]!.start < from) lo = mid + 1; else hi = mid; }
  if (lo > 0 && all[lo - 1]!.end > from) return syllables(doc.norm, from, to);
  let end = lo;
  while (end < all.length && all[end]!.start < to) end++;
  if (end > lo && all[end - 1]!.end > to) return syllables(doc.norm, from, to);
  return all.slice(lo, end);
}

/** The normalised text in lower case with its diacritics, offset for offset (to tell "đô" from "do"). */
export function lowerText(doc: Doc): string {
  let l = lowerMemo.get(doc);
  if (l === undefined) lowerMemo.set(doc, (l = lowerSameLength(doc.norm)));
  return l;
}
