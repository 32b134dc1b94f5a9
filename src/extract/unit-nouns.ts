// The nouns of Vietnam's administrative units ("tỉnh", "thị xã", "phường" …) as regular-expression alternations,
// built once from lexicons/admin-units.txt, so that every rule reading "a unit noun before a capitalised name"
// reads the same list (a noun added to the lexicon, "đặc khu" after 2025, reaches them all).
import { loadLexicon } from "./lexicon.js";
import { fold } from "./normalize.js";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The lower-case unit nouns (entries that are their own canonical form), longest first: "thị xã" before "xã". */
export const ADMIN_NOUNS: readonly string[] = [...new Set(loadLexicon("admin-units").filter(([e, v]) => e === v).map(([e]) => e))]
  .sort((a, b) => b.length - a.length);

/** The syllables of the unit nouns, folded ("thi", "xa", "dac", "khu" …): a word that may open a unit's name. */
export const ADMIN_NOUN_SYLLABLES: ReadonlySet<string> = new Set(ADMIN_NOUNS.flatMap((n) => fold(n).split(" ")));

/** Alternation of the unit nouns in lower case: "thị trấn|thị xã|thành phố|…". */
export const ADMIN_NOUN = ADMIN_NOUNS.map(escape).join("|");
/** The same nouns as a sentence or a name starts them: "Thị trấn|Thị xã|Thành phố|…". */
export const ADMIN_NOUN_CAP = ADMIN_NOUNS.map((n) => escape(capitalise(n))).join("|");
/** The nouns of a province-level unit, which a caption or a headline may leave out before the name. */
export const PROVINCE_NOUN = "tỉnh|thành phố";
/** A province's noun (or "TP") standing before a capitalised place name, not inside a word: "tỉnh Nghệ An", "TP. Huế". */
export const PROVINCE_PREFIX = String.raw`(?<![\p{L}])(?:${PROVINCE_NOUN}|TP\.?)\s+(?=\p{Lu})`;
