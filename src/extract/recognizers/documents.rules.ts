// Rules of the documents recogniser. Patterns run on the folded text (lower case, no diacritics);
// the kinds and their number abbreviations are in lexicons/document-kinds.txt.
import { loadLexicon } from "../lexicon.js";
import { fold } from "../normalize.js";
import type { Rule } from "./context.js";

/** Canonical kinds keyed by their folded form, longest first. */
export const KINDS: Array<{ folded: string; kind: string; abbrevs: string[] }> = loadLexicon("document-kinds")
  .map(([kind, v]) => ({ folded: fold(kind), kind, abbrevs: v.split(",").map((a) => a.trim()).filter(Boolean) }))
  .sort((a, b) => b.folded.length - a.folded.length);

/** Kind named by an abbreviation inside a number ("37/KH-MTTQ" → Kế hoạch), folded abbreviation → kind. First entry wins. */
export const KIND_BY_ABBREV = new Map<string, string>();
for (const k of [...KINDS].reverse().sort((a, b) => a.folded.length - b.folded.length)) {
  for (const a of k.abbrevs) if (a.length >= 2 && !KIND_BY_ABBREV.has(fold(a))) KIND_BY_ABBREV.set(fold(a), k.kind);
}

/**
 * A document number: digits, an optional year, then a slash or dash and upper-case code segments:
 * "37/KH-MTTQ-BTT", "218-QĐ/TW", "01/NQ-CP", "91/2017/NĐ-CP", "1234/QĐ-UBND". Folded (codes in lower case).
 */
export const NUMBER = String.raw`\d{1,5}(?:[/-]\d{4})?[/-][a-z][a-z0-9]*(?:[/-][a-z0-9]+)*`;

const kindAlternation = KINDS.map((k) => k.folded.replace(/\s+/g, String.raw`\s+`)).join("|");

/** "Kế hoạch số 37/KH-MTTQ-BTT", "Quyết định 218-QĐ/TW", "Nghị quyết số: 01/NQ-CP". */
export const DOC_KIND_NUMBER: Rule = {
  name: "documents.kind-number",
  pattern: new RegExp(String.raw`(?<![\p{L}])(${kindAlternation})\s+(?:so\s*:?\s*)?(${NUMBER})(?![\p{L}\p{N}])`, "gu"),
  produces: "a cited document: kind from the word before the number",
  confidence: 0.95,
};

/** "Luật Thi đua, khen thưởng số 06/2022/QH15": a named law or ordinance, its number after the name. */
export const DOC_NAMED_NUMBER: Rule = {
  name: "documents.named-number",
  pattern: new RegExp(String.raw`(?<![\p{L}])(luat|phap lenh|bo luat)\s+([^.;:()\n]{3,60}?)\s+so\s+(${NUMBER})(?![\p{L}\p{N}])`, "gu"),
  produces: "a law or ordinance cited by its name then its number",
  confidence: 0.85,
};

/** "văn bản số 123/UBND-TĐKT" is covered above; "theo số 04/KH-BTC": kind from the code in the number. */
export const DOC_NUMBER_ONLY: Rule = {
  name: "documents.number-code",
  pattern: new RegExp(String.raw`(?<![\p{L}])so\s+(${NUMBER})(?![\p{L}\p{N}])`, "gu"),
  produces: "a cited document without a kind word: kind from the abbreviation in its number",
  confidence: 0.6,
};

/** The date right after a number: ", ngày 20/1/2020", " ban hành ngày …". Folded, anchored at the number's end. */
export const DOC_DATE_LEAD = /^\s*,?\s*(?:\(\s*)?(?:ban hanh\s+|ky\s+)?(?=ngay\s|\d)/u;

/** The issuer after the number or date: "của Bộ Chính trị", "của Ban Thường trực Ủy ban MTTQ …". Folded. */
export const DOC_ISSUER_LEAD = /^\s*,?\s*(?:cua|do)\s+/u;

/** Where an issuer stops: punctuation or the document's subject ("về", "nhằm", "ban hành"). Folded. */
export const ISSUER_STOP = /[,;.:()"\n]|\s(?:ve|nham|ban hanh|quy dinh|huong dan|trien khai|thuc hien|va|de|gan voi|da|tai|voi)(?![\p{L}])/u;
