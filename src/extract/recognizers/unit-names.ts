// Small readings of a unit's name shared by the members and roles recognisers.
import { lexiconEntries } from "../lexicon.js";
import { fold } from "../normalize.js";

/** The first two words, folded: the head a repeated organisation's name opens with ("KTNN khu vực …"). */
export const firstTwoWords = (t: string): string => fold(/^\S+\s+\S+/u.exec(t)?.[0] ?? t);

/** Offices whose one name holds "và" before another organisation's ("Văn phòng HĐND và UBND"), folded. */
const COMPOUND_OFFICES = lexiconEntries("compound-offices").map(fold);

/** Does the name starting at the beginning of text run through its "và" at offset v as one office's name? */
export function andInOffice(text: string, v: number): boolean {
  const body = text.replace(/^[\s:]+/, "");
  const t = fold(body);
  return COMPOUND_OFFICES.some((o) => t.startsWith(o) && o.length > v - (text.length - body.length));
}
