// Text dumps hard-wrapped at a fixed width (lynx -dump, w3m -dump, mail archives) break every paragraph into lines
// of at most W characters. A wrapper breaks a line only where the next word would not fit, so a line followed by a
// word that would have fitted ends its paragraph, and one followed by a word that would not is continued. The
// width is found from the text itself: the widest line length that many lines reach, with hardly any line past it.
import { datelineDate } from "./vndate.js";

/** Lines shorter than this say nothing about a wrap width. */
const MIN_WRAPPED = 40;
const WIDTHS = { min: 50, max: 140 };
/** A wrapped dump has at least this many lines broken at its width, and they are a good part of its long lines. */
const MIN_BREAKS = 5;
const MIN_SHARE = 0.3;
/** Lines past the width that a wrapped dump may still hold (a URL or a table row no wrapper could break). */
const OVER_SHARE = 0.05;

const firstWord = (s: string) => /^\S+/u.exec(s)?.[0].length ?? 0;

/** A line that opens a list item ("- …", "• …", "2. …"). */
const LIST_ITEM = /^(?:[-+•*–]\s|\d{1,2}[.)]\s|[a-zđ]\)\s)/u;
/** After an item that ends as items end (";", "."), a line opening an item is the next item, not a continuation; a
 * dash that starts a wrapped line inside a sentence ("kinh tế | - xã hội") follows a line ending in a word. */
const itemAfter = (cur: string, next: string) => /[.;:!?]["”)]?$/u.test(cur) && LIST_ITEM.test(next);
/** A field line of the page ("Cập nhật: 07/06/2024", "Tác giả: …"): a capitalised label and a colon open it. */
const FIELD = /^\p{Lu}[\p{Ll} ]{1,20}:\s/u;

/** Does line i end where a wrapper at `width` broke it (the next line's first word would not have fitted)? */
const brokenAt = (lines: string[], i: number, width: number): boolean => {
  const cur = lines[i]!, next = lines[i + 1];
  return !!next && cur.length > 0 && cur.length <= width && cur.length + 1 + firstWord(next) > width && !itemAfter(cur, next) && !FIELD.test(next) && !datelineDate(next);
};

/** The width a dump is hard-wrapped at, or null when it is not. */
export function wrapWidth(lines: string[]): number | null {
  const long = lines.filter((l) => l.length >= MIN_WRAPPED);
  if (long.length < MIN_BREAKS) return null;
  let best: { width: number; breaks: number } | null = null;
  const longest = Math.min(WIDTHS.max, Math.max(...long.map((l) => l.length)));
  for (let width = Math.max(WIDTHS.min, longest - 30); width <= longest; width++) {
    // lines past the width with a space in them could have been wrapped: a dump wrapped at this width has few
    const over = long.filter((l) => l.length > width && /\s/u.test(l)).length;
    if (over > OVER_SHARE * long.length) continue;
    let breaks = 0;
    for (let i = 0; i < lines.length - 1; i++) if (lines[i]!.length >= MIN_WRAPPED && brokenAt(lines, i, width)) breaks++;
    if (!best || breaks > best.breaks) best = { width, breaks };
  }
  return best && best.breaks >= MIN_BREAKS && best.breaks >= MIN_SHARE * long.length ? best.width : null;
}

/**
 * The lines of a dump with its hard-wrapped paragraphs joined again (trimmed lines in, lines out); a dump that is
 * not wrapped comes back as it is.
 */
export function unwrapLines(lines: string[]): string[] {
  const width = wrapWidth(lines);
  if (width === null) return lines;
  const out: string[] = [];
  let cur: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    cur = cur === null ? line : `${cur} ${line}`;
    if (!brokenAt(lines, i, width)) { out.push(cur); cur = null; }
  }
  if (cur !== null) out.push(cur);
  return out;
}
