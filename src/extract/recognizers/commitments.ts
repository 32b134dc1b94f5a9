// Commitments recogniser: the items of the covenant signed or pledged.
// A head sentence names the covenant and announces a list ("ký giao ước thi đua năm 2021 với 4 nội dung",
// "cam kết thực hiện tốt các nội dung gồm:", "với một số nội dung sau:"); the items follow it:
//   numbered lines ("1. …", sub-bullets "- …" stay with their item), paragraphs after "Cụ thể:" (as many as
//   the declared count), bullets, or ';'-separated items in the same sentence.
import type { CommitmentFact, RecordNote } from "../../types.js";
import { prov, sentenceAt, type Doc } from "../doc.js";
import { fold } from "../normalize.js";
import type { Sentence } from "../sentences.js";
import { clusterAt, type Context, type Rule } from "./context.js";
import { BULLET, COMMIT_COUNT, COMMIT_INLINE, COMMIT_LEAD_IN, COMMIT_NUMBERED, COMMIT_PARAGRAPHS, COVENANT, COVENANT_COLON, ITEMS_OPENER, LIST_ENDS, LIST_HEAD, NOT_COMMITMENT, NOT_COMMITMENT_EXCUSED, NUMBERED, WORD_COUNTED_CUT } from "./commitments.rules.js";
import { NUMBER_WORDS } from "./members.rules.js";
import { firstMatch } from "../scan.js";

const MAX_ITEMS = 15;

interface Line { start: number; end: number }
interface Item { parts: Line[]; rule: Rule }

function linesOf(doc: Doc): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of doc.norm.split("\n")) {
    let s = pos, e = pos + raw.length;
    while (s < e && /\s/.test(doc.norm[s]!)) s++;
    while (e > s && /\s/.test(doc.norm[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    pos += raw.length + 1;
  }
  return out;
}

function countOf(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  for (const [w, n] of Object.entries(NUMBER_WORDS)) if (fold(w) === word) return n;
  return null;
}

/** Skip a leading marker ("1. ", "- ", "Cụ thể: ") of a line. */
function skipMarker(doc: Doc, l: Line, re: RegExp): Line {
  const m = re.exec(doc.folded.slice(l.start, l.end));
  return m ? { start: l.start + m[0].length, end: l.end } : l;
}

/** Items on `first` (the rest of a line) and the lines from index `next`: numbered, bulleted, or one per paragraph. */
function blockItems(doc: Doc, lines: Line[], next: number, first: Line | null, count: number | null): Item[] {
  const items: Item[] = [];
  const rest = first ? [first, ...lines.slice(next)] : lines.slice(next);
  const start = rest[0];
  if (!start) return items;
  const f0 = doc.folded.slice(start.start, start.end);
  if (NUMBERED.test(f0)) {
    for (const l of rest) {
      const f = doc.folded.slice(l.start, l.end);
      if (NUMBERED.test(f)) items.push({ parts: [skipMarker(doc, l, NUMBERED)], rule: COMMIT_NUMBERED });
      else if (BULLET.test(f) && items.length) items[items.length - 1]!.parts.push(l);
      else break;
      if (items.length >= MAX_ITEMS) break;
    }
    return items;
  }
  const bullets = BULLET.test(f0);
  for (const l of rest) {
    if (count !== null && items.length >= count) break;
    const f = doc.folded.slice(l.start, l.end);
    if (bullets && !BULLET.test(f)) break;
    if (LIST_ENDS.test(f)) break;
    // without a declared count a list item is a sentence; a heading or caption line ends the list
    if (count === null && !/[.;:…!]$/.test(f)) break;
    if (f.length < 12) break;
    items.push({ parts: [bullets ? skipMarker(doc, l, BULLET) : l], rule: COMMIT_PARAGRAPHS });
    if (items.length >= MAX_ITEMS) break;
  }
  return items;
}

/**
 * "… cam kết:" then a list written one item a line (an HTML <ul> without its bullets): the lines of one block,
 * each ending in ';' or '.', the block ending at a paragraph break, a line that does not end so, or a full stop.
 * Items that open with a bullet ("- …;") may be paragraphs of their own; a line without the bullet ends them.
 * Fewer than two such lines is no list.
 */
function lineListItems(doc: Doc, lines: Line[], next: number): Item[] {
  const items: Item[] = [];
  const first = lines[next];
  // "- A;\n\n- B;": items that each open with a bullet are marked as items, one paragraph each (one <p> each)
  const bulleted = first !== undefined && BULLET.test(doc.folded.slice(first.start, first.end));
  for (let k = next; k < lines.length && items.length < MAX_ITEMS; k++) {
    const l = lines[k]!;
    const f = doc.folded.slice(l.start, l.end);
    if (bulleted && !BULLET.test(f)) break;
    // the first item may follow a paragraph break; the next ones are lines of the same block, or bulleted paragraphs
    if (items.length && !bulleted && /\n[ \t]*\n/.test(doc.norm.slice(lines[k - 1]!.end, l.start))) break;
    if (!/[;.]$/.test(f) || f.length < 12 || LIST_ENDS.test(f)) break;
    items.push({ parts: [skipMarker(doc, l, BULLET)], rule: COMMIT_LEAD_IN });
    // "A;\nB;\nC.": in a list of ';' items the full stop closes the list
    if (f.endsWith(".") && items.length > 1 && doc.folded[lines[next]!.end - 1] === ";") break;
  }
  return items.length >= 2 ? items : [];
}

/**
 * ';'-separated items after the colon, a new item only where the next one starts with a capital or a number
 * (at every ';' when none does);
 * items counted in words ("Một là, …; hai là, …" or "… . Hai là, …") are cut before each count word.
 */
function inlineItems(doc: Doc, from: number, to: number): Item[] {
  const items: Item[] = [];
  const cuts: Array<[number, number]> = [];
  const span = doc.norm.slice(from, to);
  let semis = [...span.matchAll(/;\s+(?:và\s+)?(?=\(?\d{1,2}[.)]\s|\p{Lu})/gu)];
  // a list written in lower case ("gồm: đổi mới …; nâng cao …; 100% hồ sơ …"): every ';' ends an item,
  // also before a figure that opens one
  if (!semis.length) semis = [...span.matchAll(/;\s+(?:và\s+)?(?=[\p{Ll}\d])/gu)];
  for (const m of semis) cuts.push([from + m.index, from + m.index + m[0].length]);
  for (const m of doc.folded.slice(from, to).matchAll(WORD_COUNTED_CUT)) {
    const at = from + m.index + (m[0].startsWith(".") ? 1 : 0); // a full stop stays with its item
    if (!cuts.some(([a]) => a === from + m.index)) cuts.push([at, from + m.index + m[0].length]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  const cut = (a: number, b: number) => {
    let l: Line = { start: a, end: b };
    while (l.start < l.end && /\s/.test(doc.norm[l.start]!)) l.start++;
    l = skipMarker(doc, l, NUMBERED);
    if (l.end > l.start) items.push({ parts: [l], rule: COMMIT_INLINE });
  };
  let s = from;
  for (const [a, b] of cuts) { cut(s, a); s = b; }
  cut(s, to);
  return items;
}

/** End of numbered items inside a paragraph: the sentence holding them, and the next ones of the line while they open with a number. */
function numberedEnd(doc: Doc, from: number, lineEnd: number): number {
  let sent = sentenceAt(doc, from);
  if (!sent) return lineEnd;
  let end = sent.end;
  while ((sent = doc.sentences[sent.index + 1]) && sent.start < lineEnd && NUMBERED.test(doc.folded.slice(sent.start, sent.end))) end = sent.end;
  return Math.min(end, lineEnd);
}

/** The covenant named in the sentence before s on the same line (norm offset of the word), or -1. */
function covenantJustBefore(doc: Doc, s: Sentence): number {
  const prev = doc.sentences[s.index - 1];
  if (!prev || doc.norm.slice(prev.end, s.start).includes("\n")) return -1;
  const m = COVENANT.exec(doc.folded.slice(prev.start, prev.end));
  return m ? prev.start + m.index : -1;
}

function yearOf(doc: Doc, sentStart: number, sentEnd: number): number | null {
  const sent = doc.folded.slice(sentStart, sentEnd);
  const inSentence = /(?:giao uoc|cam ket|ky ket|dang ky)[^.;:]{0,60}?nam\s+(\d{4})/u.exec(sent) ?? /^(?:[\p{L}\s]{0,15})nam\s+(\d{4})\s*,/u.exec(sent);
  if (inSentence) return Number(inSentence[1]);
  const inDoc = /(?:giao uoc|cam ket|ky ket)[^.;:\n]{0,40}?nam\s+(\d{4})/u.exec(doc.folded);
  if (inDoc) return Number(inDoc[1]);
  const pub = doc.pubDate ? /^(\d{4})-(\d{2})/.exec(doc.pubDate) : null;
  if (pub) return Number(pub[2]) >= 11 ? Number(pub[1]) + 1 : Number(pub[1]); // covenants are signed at the turn of the year
  return null;
}

/** The text of an item: its lines as written, joined by a space, without a trailing ':' ';' or ','. */
function itemText(doc: Doc, it: Item): string {
  return it.parts.map((p) => doc.text.slice(doc.map[p.start]!, doc.map[p.end]!)).join(" ")
    .replace(/\s+/g, " ").replace(/^(?:và|hoặc)\s+/u, "").replace(/[\s:;,]+$/u, "").trim();
}

// events.ts reads the commitments too (a covenant's items are no meetings): compute them once per document
const memo = new WeakMap<Doc, { commitments: CommitmentFact[]; notes: RecordNote[] }>();

export function recognizeCommitments(ctx: Context): CommitmentFact[] {
  return commitmentsWithNotes(ctx).commitments;
}

/** The commitments and a note wherever the count the head sentence states differs from the items found. */
export function commitmentsWithNotes(ctx: Context): { commitments: CommitmentFact[]; notes: RecordNote[] } {
  let r = memo.get(ctx.doc);
  if (!r) { r = findCommitments(ctx); memo.set(ctx.doc, r); }
  return r;
}

function findCommitments(ctx: Context): { commitments: CommitmentFact[]; notes: RecordNote[] } {
  const { doc } = ctx;
  const lines = linesOf(doc);
  const out: CommitmentFact[] = [];
  const notes: RecordNote[] = [];
  const seen = new Set<string>();
  const used = new Set<number>(); // head sentences already read (a repeated lead paragraph gives nothing new)
  /** Record the items as commitments (a repeated item once); returns how many items had text. */
  const emit = (items: Item[], cluster: number | null, year: number | null): number => {
    let taken = 0;
    for (const it of items) {
      const text = itemText(doc, it);
      if (text.length < 8) continue;
      taken++;
      const key = fold(text);
      if (seen.has(key)) continue;
      seen.add(key);
      const first = it.parts[0]!, last = it.parts[it.parts.length - 1]!;
      out.push({ cluster, year, text, prov: prov(doc, first.start, last.end, it.rule.name, it.rule.confidence) });
    }
    return taken;
  };
  for (const s of doc.sentences) {
    if (s.start < doc.bodyStart) continue;
    const st = doc.folded.slice(s.start, s.end);
    const cov = firstMatch(COVENANT, st);
    const head = firstMatch(LIST_HEAD, st);
    // "6 trường đã ký giao ước thi đua. Lần này chúng tôi thống nhất 3 nhóm nội dung …: Một là, …": a list head
    // right after the covenant's sentence, in the same paragraph, is the covenant's
    const covAt = cov ? s.start + cov.index : head ? covenantJustBefore(doc, s) : -1;
    if (covAt < 0) continue;
    if (!head) {
      if (!cov) continue;
      const colon = COMMIT_LEAD_IN.pattern.test(st) ? null : COVENANT_COLON.exec(st);
      if (colon) {
        // "đã ký giao ước thi đua, cam kết: A; B; C." — the items in the sentence, after the colon
        if (NOT_COMMITMENT.test(st.slice(0, colon.index).replace(NOT_COMMITMENT_EXCUSED, " "))) continue;
        const from = s.start + colon.index + colon[0].length;
        const items = inlineItems(doc, from, s.end);
        if (items.length < 2 || used.has(from)) continue;
        used.add(from);
        emit(items, clusterAt(ctx, covAt), yearOf(doc, s.start, s.end));
        continue;
      }
      // "Theo giao ước, các đơn vị cam kết:" and the items one a line after it
      if (!COMMIT_LEAD_IN.pattern.test(st) || NOT_COMMITMENT.test(st.replace(NOT_COMMITMENT_EXCUSED, " "))) continue;
      const at = lines.findIndex((l) => l.start <= s.start && s.start < l.end + 1);
      const line = lines[at];
      if (!line || s.end < line.end || used.has(line.start)) continue;
      const items = lineListItems(doc, lines, at + 1);
      if (!items.length) continue;
      used.add(line.start);
      emit(items, clusterAt(ctx, covAt), yearOf(doc, s.start, s.end));
      continue;
    }
    if (NOT_COMMITMENT.test(st.slice(0, head.index).replace(NOT_COMMITMENT_EXCUSED, " "))) continue;
    const count = countOf(head[1]!);
    let colonAt = head[2] ? s.start + head.index + head[0].length : -1;
    if (colonAt < 0) {
      // "các nội dung giao ước thi đua năm 2021 gồm:" — the colon a little after the head
      // "3 nhóm nội dung gắn với chỉ tiêu định lượng: Một là, …" — or any colon there that opens numbered items
      const after = st.slice(head.index + head[0].length);
      const named = /^[^.:;]{0,60}?(?:gom|bao gom|nhu sau|sau day|cu the)\s*:\s*/u.exec(after);
      const bare = named ? null : /^[^.:;]{0,60}?:\s*/u.exec(after);
      const later = named ?? (bare && NUMBERED.test(after.slice(bare[0].length)) ? bare : null);
      if (later) colonAt = s.start + head.index + head[0].length + later[0].length;
    }
    const lineIdx = lines.findIndex((l) => l.start <= s.start && s.start < l.end + 1);
    const line = lines[lineIdx];
    if (!line) continue;
    if (colonAt < 0 && s.end < line.end) {
      // "… với 5 nội dung trọng tâm. Cụ thể:" — the opener is the next sentence of the same line
      const rest = doc.folded.slice(s.end, line.end).trimStart();
      const opener = ITEMS_OPENER.exec(rest);
      if (opener) colonAt = line.end - rest.length + opener[0].length;
      // "… với 3 nội dung. Thứ nhất, A. Thứ hai, B. Thứ ba, C.": counted items go on in the same paragraph
      else if (NUMBERED.test(rest)) colonAt = line.end - rest.length;
    }
    let items: Item[] = [];
    if (colonAt >= 0) while (colonAt < line.end && /\s/.test(doc.norm[colonAt]!)) colonAt++;
    if (colonAt >= 0 && doc.norm.slice(colonAt, line.end).trim().length > 10) {
      // numbered items in one paragraph ("gồm: 1. A; 2. B") run to the end of the line, past the "1." the splitter cut at
      const numberedInline = NUMBERED.test(doc.folded.slice(colonAt, line.end));
      items = inlineItems(doc, colonAt, numberedInline ? numberedEnd(doc, colonAt, line.end) : s.end);
      // one long item after the colon opens a list of paragraphs ("với 4 nội dung: A.\n\nB.\n\nC.")
      if (items.length === 1 && count !== 1) items = blockItems(doc, lines, lineIdx + 1, { start: colonAt, end: line.end }, count);
    } else if (colonAt >= 0 || s.end >= line.end - 1) {
      // the list starts on the next line, perhaps after "Cụ thể:"
      const next = lines[lineIdx + 1];
      if (!next) continue;
      const opener = ITEMS_OPENER.exec(doc.folded.slice(next.start, next.end));
      if (colonAt < 0 && !opener && !NUMBERED.test(doc.folded.slice(next.start, next.end))) continue;
      // "Cụ thể:" alone on its line: the items start on the line after it
      const first = opener && next.start + opener[0].length < next.end ? { start: next.start + opener[0].length, end: next.end } : null;
      items = opener ? blockItems(doc, lines, lineIdx + 2, first, count) : blockItems(doc, lines, lineIdx + 1, null, count);
    }
    if (!items.length || used.has(line.start)) continue;
    used.add(line.start);
    const cluster = clusterAt(ctx, s.start + head.index); // the cluster named in the head sentence, else the one before
    const taken = emit(items, cluster, yearOf(doc, s.start, s.end));
    // "với 5 nội dung" and four items found: the reader should know the list may be incomplete (or the count wrong)
    if (count !== null && taken !== count) {
      const last = items[items.length - 1]!.parts;
      notes.push({
        kind: "commitment-count",
        message: `${cluster !== null ? ctx.clusters[cluster]?.name ?? "a cluster" : "the covenant"}: ${count} commitments stated, ${taken} found`,
        prov: prov(doc, s.start + head.index, last[last.length - 1]!.end, COMMIT_COUNT.name, COMMIT_COUNT.confidence),
      });
    }
  }
  return { commitments: out, notes };
}
