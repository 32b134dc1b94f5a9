// An index page is a run of teasers — a linked headline, maybe a date, a short summary — where a story is
// a run of paragraphs. Decided on the best container's blocks before furniture is cut.
import type { RawBlock } from "./blocks.js";

export interface ListingCounts {
  /** Linked headline followed by a summary. */
  teasers: number;
  /** Linked headlines (blocks that are nearly all link, of headline length). */
  headlines: number;
  /** Longest run of paragraphs with no headline between them, in characters. */
  longestRun: number;
}

const ld = (b: RawBlock): number => (b.text.length ? b.linkChars / b.text.length : 0);
const isHeadline = (b: RawBlock): boolean => b.text.length >= 20 && b.text.length <= 250 && ld(b) >= 0.7;
const isRunning = (b: RawBlock): boolean => b.text.length >= 40 && ld(b) < 0.3 && b.kind !== "caption";

export function countTeasers(blocks: RawBlock[]): ListingCounts {
  let teasers = 0, headlines = 0, longestRun = 0, run = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (isHeadline(b)) {
      headlines++;
      run = 0;
      // the summary may come after a short date or category line
      const next = blocks[i + 1] && blocks[i + 1]!.text.length < 40 && !isHeadline(blocks[i + 1]!) ? blocks[i + 2] : blocks[i + 1];
      if (next && isRunning(next) && next.text.length < 600) teasers++;
    } else if (isRunning(b)) {
      run += b.text.length;
      longestRun = Math.max(longestRun, run);
    }
  }
  return { teasers, headlines, longestRun };
}

/** Why the page is a listing, or null when it reads as a story. */
export function listingReason(c: ListingCounts): string | null {
  if (c.teasers >= 4 && c.longestRun < 800 && c.teasers * 2 >= c.headlines * 0.5)
    return `listing page: ${c.teasers} teasers (headline and summary), longest run of text ${c.longestRun} characters`;
  if (c.headlines >= 8 && c.longestRun < 300)
    return `listing page: ${c.headlines} linked headlines and no running text`;
  return null;
}
