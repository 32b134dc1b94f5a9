// An index page is a run of teasers — a linked headline, maybe a date, a short summary — where a story is
// a run of paragraphs. Decided on the best container's blocks before furniture is cut. Headlines of other
// stories dropped between the paragraphs of a story do not make it a listing: a teaser is wrapped on its own
// (its headline and summary share a box holding no other headline) or the page strictly alternates them.
import type { Element } from "domhandler";
import type { RawBlock } from "./blocks.js";

export interface ListingCounts {
  /** Linked headline followed by a summary, the two in a box of their own. */
  wrapped: number;
  /** Linked headline followed by a summary, however nested. */
  teasers: number;
  /** Linked headlines (blocks that are nearly all link, of headline length). */
  headlines: number;
  /** Longest run of paragraphs with no headline between them: characters, and paragraphs. */
  longestRun: number;
  longestRunBlocks: number;
  /** Running text before the first linked headline: a story opens with its lead, an index with a teaser. */
  lead: number;
}

const ld = (b: RawBlock): number => (b.text.length ? b.linkChars / b.text.length : 0);
const isHeadline = (b: RawBlock): boolean => b.text.length >= 20 && b.text.length <= 250 && ld(b) >= 0.7;
const isRunning = (b: RawBlock): boolean => b.text.length >= 40 && ld(b) < 0.3 && b.kind !== "caption";

function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let x: Element | null = el; x; x = x.parent && x.parent.type === "tag" ? (x.parent as Element) : null) out.push(x);
  return out;
}
function commonAncestor(a: Element, b: Element): Element | null {
  const set = new Set(ancestors(a));
  return ancestors(b).find((x) => set.has(x)) ?? null;
}
const inside = (el: Element, box: Element): boolean => ancestors(el).includes(box);

export function countTeasers(blocks: RawBlock[]): ListingCounts {
  const heads = blocks.filter(isHeadline);
  let wrapped = 0, teasers = 0, longestRun = 0, run = 0, runBlocks = 0, longestRunBlocks = 0, lead = 0, seenHead = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (isHeadline(b)) {
      run = runBlocks = 0;
      seenHead = true;
      // the summary may come after a short date or category line
      const next = blocks[i + 1] && blocks[i + 1]!.text.length < 40 && !isHeadline(blocks[i + 1]!) ? blocks[i + 2] : blocks[i + 1];
      if (!next || !isRunning(next) || next.text.length >= 600) continue;
      teasers++;
      const box = commonAncestor(b.owner, next.owner);
      if (box && heads.filter((h) => inside(h.owner, box)).length === 1) wrapped++;
    } else if (isRunning(b)) {
      run += b.text.length;
      runBlocks++;
      if (!seenHead) lead += b.text.length;
      longestRun = Math.max(longestRun, run);
      longestRunBlocks = Math.max(longestRunBlocks, runBlocks);
    }
  }
  return { wrapped, teasers, headlines: heads.length, longestRun, longestRunBlocks, lead };
}

/** Why the page is a listing, or null when it reads as a story. */
export function listingReason(c: ListingCounts): string | null {
  if (c.longestRun < 800 && c.lead < 400 && (c.wrapped >= 4 || (c.teasers >= 5 && c.longestRunBlocks <= 1)))
    return `listing page: ${c.teasers} teasers (headline and summary), longest run of text ${c.longestRun} characters`;
  if (c.headlines >= 8 && c.longestRun < 300)
    return `listing page: ${c.headlines} linked headlines and no running text`;
  return null;
}

/**
 * Index of the first block of a trailing box of teasers (three or more headline-and-summary boxes and nothing
 * else but short lines up to the end), or the number of blocks when there is none.
 */
export function trailingTeasers(blocks: RawBlock[]): number {
  const heads = blocks.filter(isHeadline);
  let i = blocks.length, found = 0;
  while (i > 0) {
    const b = blocks[i - 1]!;
    if (isHeadline(b) || b.text.length < 40 || b.kind === "caption") { i--; continue; }
    // a summary: the headline above it (maybe over a short line) shares a box with it and no other headline
    const h = [blocks[i - 2], blocks[i - 3]].find((x) => x && isHeadline(x));
    const box = h ? commonAncestor(h.owner, b.owner) : null;
    if (!h || !box || heads.filter((x) => inside(x.owner, box)).length !== 1) break;
    found++;
    i = blocks.indexOf(h);
  }
  return found >= 3 ? i : blocks.length;
}
