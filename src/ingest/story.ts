// The story's paragraphs from the blocks under a headline, whatever the input format:
// drops furniture lines, repeated paragraphs and captions repeating the headline, related-headline
// runs after the lead, stops at the boxes that follow a story (comment form, "Tin xem nhiều"…),
// and takes off the trailing byline, source credit and URL line.
import {
  bylineOf, isBoxItem, isCommentForm, isRelatedHeading, isFurniture, isHeadlineRun, isSiteName, isTailHeading, lineKey, sourceCredit, syllables,
} from "./furniture.js";
import { isHttpUrl } from "./url.js";
import { datelineDate, type FoundDate } from "./vndate.js";

export interface Story {
  /** Paragraphs; the lines of one block (list items, a caption under its photo line) joined by "\n". */
  paragraphs: string[];
  author: string | null;
  /** A bare URL line after the story (the article's own address in a dump). */
  url: string | null;
  /** What a "Nguồn:" line credits. */
  credit: string | null;
  /** The outlet named in brackets after the byline ("Thanh Nhàn (Báo Long An)"). */
  bylineOutlet: string | null;
  /** Headline runs of a related-articles box that were dropped. */
  related: string[];
  /** The dateline that stood above the story, when there was one. */
  dateline: FoundDate | null;
}

const isUrlLine = (s: string) => isHttpUrl(s) && !/\s/u.test(s);

/**
 * Lines -> blocks of consecutive non-empty lines. A text with no blank lines between its lines
 * (one paragraph per line) gets one block per line.
 */
/** A list item's line: a bullet or an item number. */
const LIST_ITEM = /^(?:[-+•*–]\s|\d{1,2}[.)]\s|[a-zđ]\)\s)/u;

export function splitBlocks(lines: string[]): string[][] {
  const hasBlankLines = lines.some((l, k) => !l && k > 0 && k < lines.length - 1);
  const blocks: string[][] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (!l) { if (cur.length) blocks.push(cur); cur = []; continue; }
    // with no blank lines, each line is a paragraph, but a run of list items ("- …", "1. …") stays one block,
    // as its blank-lined or HTML form gives it
    if (!hasBlankLines && cur.length && !(LIST_ITEM.test(l) && LIST_ITEM.test(cur[cur.length - 1]!))) { blocks.push(cur); cur = []; }
    cur.push(l);
  }
  if (cur.length) blocks.push(cur);
  return blocks;
}

// A bracket closing a byline: the writer's outlet or unit ("Thanh Nhàn (Báo Long An)"), or what they did ("(thực hiện)").
const BYLINE_OUTLET = /\s*\(([^()]{2,60})\)\s*$/u;

/** Headings of a box of links to related stories, which a page may set inside the story as well as after it. */
const RELATED_BOX = /^(?:(?:tin|bài)(?: viết)? (?:liên quan|cùng chủ đề)|xem thêm|đọc thêm|có thể bạn quan tâm)\s*:?$/iu;
/** A paragraph of running text: a sentence of some length that ends as sentences end. */
const isProse = (s: string) => /[.!?…]["”)]?$/u.test(s) && syllables(s) >= 15;

/**
 * Lines of related-story boxes set inside the story ("Tin liên quan" over a few headlines, then the story goes on),
 * as "block:line" keys. A box is inside when running text follows it and the story is not told yet: no byline just
 * above it, and less text above it than below (a page sets such a box after the lead or mid-story); one at the end
 * of the story, followed by other stories' teasers, ends it.
 */
function inlineBoxes(blocks: string[][]): Set<string> {
  const inside = new Set<string>();
  const chars = blocks.map((bl) => bl.reduce((n, l) => n + l.length, 0));
  const sum = (from: number, to: number) => chars.slice(from, to).reduce((n, c) => n + c, 0);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    for (let i = 0; i < block.length; i++) {
      if (!RELATED_BOX.test(block[i]!)) continue;
      // the headlines: the rest of the heading's block, or the next block when the heading stands alone (or, in a
      // dump with one paragraph a line, the one-line blocks of headlines after it)
      const keys = [`${b}:${i}`];
      let nb = b, items: Array<readonly [number, number]> = block.slice(i + 1).map((_, k) => [b, i + 1 + k] as const);
      if (!items.length && b + 1 < blocks.length) {
        nb = b + 1;
        items = blocks[nb]!.map((_, k) => [nb, k] as const);
        while (blocks[nb]!.length === 1 && blocks[nb + 1]?.length === 1 && isBoxItem(blocks[nb + 1]![0]!) && items.length < 8) items.push([++nb, 0] as const);
      }
      if (!items.length || items.length > 8 || !items.every(([x, y]) => isBoxItem(blocks[x]![y]!))) continue;
      const after = blocks[nb + 1];
      if (!after || !isProse(after[0]!)) continue;
      const above = i > 0 ? block[i - 1]! : blocks[b - 1]?.[blocks[b - 1]!.length - 1];
      if (above && bylineOf(above)) continue;
      if (sum(0, b) + block.slice(0, i).join("").length >= sum(nb + 1, blocks.length)) continue;
      for (const [x, y] of items) keys.push(`${x}:${y}`);
      for (const k of keys) inside.add(k);
    }
  }
  return inside;
}

/** `blocks`: paragraphs as lists of trimmed, non-empty lines, in page order. */
export function cleanStory(blocks: string[][], title: string | null): Story {
  const seen = new Set<string>(title ? [lineKey(title)] : []);
  const out: string[][] = [];
  const related: string[] = [];
  let url: string | null = null;
  let credit: string | null = null;
  let ended = false;
  let inBox = false; // under a "Tin liên quan:" heading, until a line of prose
  let dateline: FoundDate | null = null;
  const boxes = inlineBoxes(blocks);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const kept: string[] = [];
    for (let i = 0; i < block.length; i++) {
      const s = block[i]!;
      if (isUrlLine(s)) { url = s; continue; }
      if (ended) continue;
      if (boxes.has(`${b}:${i}`)) { if (!RELATED_BOX.test(s)) related.push(s); continue; } // a box inside the story
      if (isRelatedHeading(s)) { inBox = true; continue; }
      // a name alone in a block of its own after the box is the story's byline, not a headline of the box
      if (inBox && isBoxItem(s) && !(i === 0 && block.length === 1 && bylineOf(s))) continue;
      inBox = false;
      if (isFurniture(s)) continue;
      if (out.length && (isTailHeading(s) || isCommentForm(s))) { ended = true; continue; }
      const cr = sourceCredit(s);
      if (cr !== null) { if (cr) credit = cr; if (isHttpUrl(cr)) url ??= cr; continue; }
      if (!out.length && !kept.length) { const d = datelineDate(s); if (d) { dateline ??= d; continue; } }
      const key = lineKey(s);
      if (seen.has(key)) continue; // a lead printed twice, a caption repeating the headline
      // a related-articles box sits right after the lead
      if (out.length === 1 && !kept.length && block.length === 1 && isHeadlineRun(s)) { related.push(s); continue; }
      seen.add(key);
      kept.push(s);
    }
    if (kept.length) out.push(kept);
  }
  // the byline is the last short line of names, maybe with its outlet or unit in brackets
  let author: string | null = null;
  let bylineOutlet: string | null = null;
  const lastBlock = out[out.length - 1];
  if (lastBlock && out.length > 1) {
    const last = lastBlock[lastBlock.length - 1]!;
    const bracket = BYLINE_OUTLET.exec(last);
    author = bylineOf(bracket ? last.slice(0, bracket.index) : last);
    if (author) {
      // the bracket names the outlet when it reads as one (a site's name, an acronym); else the writer's unit
      if (bracket && (isSiteName(bracket[1]!) || /^\p{Lu}[\p{Lu}\d.&-]{1,11}$/u.test(bracket[1]!))) bylineOutlet = bracket[1]!;
      lastBlock.pop();
      if (!lastBlock.length) out.pop();
    }
  }
  // a byline standing alone as the page's last line, under the box that ended the story
  if (!author && ended) {
    const tail = blocks[blocks.length - 1];
    if (tail?.length === 1) author = bylineOf(tail[0]!);
  }
  return { paragraphs: out.map((b) => b.join("\n")), author, bylineOutlet, url, credit, related, dateline };
}
