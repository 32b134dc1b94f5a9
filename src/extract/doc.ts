// The document every recogniser reads: normalised text, sentences, and span conversion back to the original.
import type { Article, Provenance } from "../types.js";
import { fold, normalize } from "./normalize.js";
import { splitSentences, type Sentence } from "./sentences.js";

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
