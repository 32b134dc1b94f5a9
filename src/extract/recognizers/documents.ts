// Documents recogniser: numbered documents cited in the story ("Kế hoạch số 37/KH-MTTQ-BTT, ngày 20/1/2020
// của Ban Thường trực …", "Chỉ thị 34-CT/TW của Bộ Chính trị"), with kind, number, date and issuer.
import type { DocumentFact } from "../../types.js";
import { findDates, resolveDate } from "../dates.js";
import { prov, type Doc } from "../doc.js";
import { syllables } from "../syllables.js";
import type { Context, Rule } from "./context.js";
import { DOC_DATE_LEAD, DOC_ISSUER_LEAD, DOC_KIND_NUMBER, DOC_NAMED_NUMBER, DOC_NUMBER_ONLY, ISSUER_STOP, KINDS, KIND_BY_ABBREV } from "./documents.rules.js";
import { scan } from "../scan.js";

const MAX_ISSUER_SYLLABLES = 16;

/** A cited document with norm offsets: the citation [start, end) covers kind, number, date and issuer. */
export interface DocumentSpan {
  kind: string;
  number: string;
  date: string | null;
  issuer: string | null;
  start: number;
  numberEnd: number;
  end: number;
  rule: Rule;
}

function dateAfter(doc: Doc, from: number): { date: string | null; end: number } | null {
  const lead = DOC_DATE_LEAD.exec(doc.folded.slice(from, from + 40));
  if (!lead) return null;
  const at = from + lead[0].length;
  const d = findDates(doc.folded, at, Math.min(doc.folded.length, at + 40))[0];
  if (!d || d.start !== at || d.day === null) return null;
  return { date: resolveDate(d, { pubDate: doc.pubDate, cue: null }), end: d.end };
}

function issuerAfter(doc: Doc, from: number): { issuer: string; end: number } | null {
  const lead = DOC_ISSUER_LEAD.exec(doc.folded.slice(from, from + 12));
  if (!lead) return null;
  const start = from + lead[0].length;
  const rest = doc.folded.slice(start, start + 200);
  const stop = ISSUER_STOP.exec(rest);
  let end = start + (stop ? stop.index : rest.length);
  const words = syllables(doc.norm, start, end);
  if (!words.length || !words[0]!.cap || words.length > MAX_ISSUER_SYLLABLES) return null;
  // a run of three lower-case words is the sentence going on ("… của Thành phố gắn liền với …"), not the issuer
  let lower = 0, last = 0;
  for (let k = 0; k < words.length; k++) {
    if (words[k]!.cap || /^\d/.test(words[k]!.text)) { lower = 0; last = k; continue; }
    if (++lower > 2) break;
    if (k === words.length - 1) last = k;
  }
  end = words[last]!.end;
  return { issuer: doc.norm.slice(start, end), end };
}

function kindOfCode(number: string): string | null {
  for (const seg of number.split(/[/-]/).slice(1)) {
    const k = KIND_BY_ABBREV.get(seg);
    if (k) return k;
  }
  return null;
}

// events.ts reads the cited documents too (a date inside a citation is no meeting date): find them once per document
const memo = new WeakMap<Doc, DocumentSpan[]>();

/** Every numbered document cited in the text, in text order, one per number. Do not change the returned list. */
export function findDocuments(doc: Doc): DocumentSpan[] {
  let found = memo.get(doc);
  if (!found) { found = scanDocuments(doc); memo.set(doc, found); }
  return found;
}

function scanDocuments(doc: Doc): DocumentSpan[] {
  const out: DocumentSpan[] = [];
  const seen = new Set<string>();
  const add = (kind: string, numStart: number, numEnd: number, start: number, rule: Rule) => {
    const number = doc.norm.slice(numStart, numEnd);
    if (!/\p{Lu}/u.test(number)) return; // codes are written in capitals; "5-10 năm" and the like are not numbers
    const key = number.toUpperCase();
    if (seen.has(key)) return;
    seen.add(key);
    const d = dateAfter(doc, numEnd);
    const is = issuerAfter(doc, d?.end ?? numEnd);
    out.push({ kind, number, date: d?.date ?? null, issuer: is?.issuer ?? null, start, numberEnd: numEnd, end: is?.end ?? d?.end ?? numEnd, rule });
  };
  for (const m of scan(DOC_KIND_NUMBER.pattern, doc.folded)) {
    const folded = m[1]!.replace(/\s+/g, " ");
    const kind = KINDS.find((k) => k.folded === folded)?.kind;
    if (!kind) continue;
    const numStart = m.index + m[0].length - m[2]!.length;
    add(kind, numStart, m.index + m[0].length, m.index, DOC_KIND_NUMBER);
  }
  for (const m of scan(DOC_NAMED_NUMBER.pattern, doc.folded)) {
    const kind = KINDS.find((k) => k.folded === m[1]!.replace(/\s+/g, " "))?.kind ?? "Luật";
    const numStart = m.index + m[0].length - m[3]!.length;
    add(kind, numStart, m.index + m[0].length, m.index, DOC_NAMED_NUMBER);
  }
  for (const m of scan(DOC_NUMBER_ONLY.pattern, doc.folded)) {
    const kind = kindOfCode(m[1]!);
    if (!kind) continue;
    const numStart = m.index + m[0].length - m[1]!.length;
    add(kind, numStart, m.index + m[0].length, m.index, DOC_NUMBER_ONLY);
  }
  return out.sort((a, b) => a.start - b.start);
}

export function recognizeDocuments(ctx: Context): DocumentFact[] {
  const { doc } = ctx;
  return findDocuments(doc).map((d) => ({
    kind: d.kind, number: d.number, date: d.date, issuer: d.issuer,
    prov: prov(doc, d.start, d.end, d.rule.name, d.rule.confidence),
  }));
}
