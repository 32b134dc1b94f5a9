// Lines that end the story inside its container ("Tin liên quan", "Related stories", "Leave a reply"),
// and lines that are furniture wherever they are (share buttons, comment-form fields, pointers to other stories).
import { makeLexicon, type Lexicon } from "../../extract/lexicon.js";
import { isCommentForm, isRelatedPointer, isTailHeading, isWidget, syllables } from "../furniture.js";

let tail: Lexicon | null = null;

/** A short block naming a box of other stories, comments or sharing. */
export function isTailLine(text: string): boolean {
  if (syllables(text) > 10 || text.includes("\n")) return false;
  if (isTailHeading(text)) return true;
  tail ??= makeLexicon("body-tail-headings");
  const t = text.replace(/^[\s>»›|•·*#-]+/u, "");
  const m = tail.longestAt(t, 0);
  if (!m) return false;
  const rest = t.slice(m.end).trim();
  // nothing after the words but punctuation, a count, or a colon/dash leading on to the box
  return /^[\s.…!?:]*$/u.test(rest) || /^[:(|–—-]/u.test(rest) || /^\(\d+\)$/.test(rest);
}

/** A block that is furniture wherever it stands. */
export function isFurnitureLine(text: string): boolean {
  return isWidget(text) || isCommentForm(text) || isRelatedPointer(text);
}
