// Rules of the officials recogniser: how a person's name and titles are tied together.
// The patterns are grammatical shapes over syllables (see officials.ts), not regular expressions;
// each rule's name goes into prov.rule of the facts it makes.
import type { Rule } from "./context.js";

/** "Phó Chủ tịch Liên đoàn Lao động thành phố Hà Nội Lê Đình Hùng đã trình bày": the title right before the name. */
export const TITLE_NAME: Rule<string> = {
  name: "officials.title-name",
  pattern: "TITLE [ông|bà|đồng chí] [RANK] NAME",
  produces: "the person named right after a title holds it",
  confidence: 0.9,
};

/** "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nguyễn Văn A": earlier posts of the same chain, before the name. */
export const TITLES_BEFORE_NAME: Rule<string> = {
  name: "officials.title-chain-name",
  pattern: "(^|:|;|(|đồng chí) TITLE, TITLE, … TITLE NAME",
  produces: "posts listed with commas before a title-name pair belong to the same person",
  confidence: 0.8,
};

/** "Nguyễn Lan Hương, Ủy viên Ban Thường vụ Thành ủy Hà Nội, Chủ tịch …", "đồng chí A – Thành ủy viên, Bí thư …". */
export const NAME_TITLES: Rule<string> = {
  name: "officials.name-titles",
  pattern: "[RANK] NAME (,|-|–) TITLE (, TITLE)*",
  produces: "the titles listed after a name and a comma or dash",
  confidence: 0.9,
};

/** "ông Nguyễn Văn A (Giám đốc Sở Y tế)". */
export const NAME_BRACKET: Rule<string> = {
  name: "officials.name-bracket",
  pattern: "NAME ( TITLE (, TITLE)* )",
  produces: "the titles in brackets after a name",
  confidence: 0.85,
};

/** Confidence lost when the position is written in lower case ("chủ tịch UBND xã …"): less edited text. */
export const LOWER_CASE_PENALTY = 0.1;

/** "đơn vị Trưởng khối": a post of a unit, not of a person. Folded text before the position. */
export const UNIT_ROLE_BEFORE = /(?:^|\s)don vi\s*$/u;

/** Words between a title and the name that belong to neither ("Chủ tịch UBND tỉnh, đồng chí Nguyễn Văn A"). Folded. */
export const LINK_WORDS = /^(?:\s*,)?\s*(?:(?:dong chi|d\/c|ong|ba)\s+)?$/u;

/**
 * "thừa ủy quyền (của) Bộ trưởng Bộ Tài chính, ông A đã trao …", "Thay mặt Chủ tịch UBND tỉnh, đồng chí B …": A acts
 * for the post named after these words, it is not A's. Folded text right before the title; the name must follow
 * after a comma ("thừa ủy quyền Chủ tịch UBND tỉnh Nguyễn Văn C" names the post's holder).
 */
export const ON_BEHALF_BEFORE = /(?<![\p{L}])(?:thua uy quyen|uy quyen|thay mat)(?:\s+cho)?(?:\s+cua)?\s+$/u;

/** What may precede the first title of a chain written before the name. Folded text. */
export const CHAIN_START = /(?:^|[:;(,\-]|\b(?:dong chi|d\/c|ong|ba|co|gom))\s*$/u;

/**
 * Nouns of places and bodies that are named after people ("Trường THPT Lê Quý Đôn", "đường Nguyễn Trãi"), a school's
 * kind after them ("Trường THPT Chuyên Nguyễn Tất Thành").
 * Lower-case text with its diacritics (folding would make "Trường" school of "trưởng" head), at the end.
 */
export const NAMED_AFTER_PERSON = /(?:^|\s)(?:trường|học viện|đại học|thpt|thcs|tiểu học|mầm non|ptdtnt|bệnh viện|phường|đường|(?<!thành )phố|sư đoàn|trung đoàn|lữ đoàn|quỹ|giải thưởng|giải|huân chương|trung tâm|nhà văn hóa|câu lạc bộ|(?<!trưởng )khu phố|(?<!trưởng )(?:thôn|bản|ấp|làng)|tư tưởng|phong cách|tấm gương|tàu)(?:\s+(?:chuyên|năng khiếu))?$/u;

/** "các Phó Chủ tịch UBND tỉnh: Nguyễn Văn A, Trần Văn B": a plural post, then the people who hold it. */
export const TITLE_COLON_NAMES: Rule<string> = {
  name: "officials.plural-title-list",
  pattern: "các [đồng chí] TITLE: NAME (, NAME)* [và NAME]",
  produces: "every person listed after a plural post holds it",
  confidence: 0.8,
};

/** What marks a post as plural (folded, right before the title). */
export const PLURAL_BEFORE = /(?:^|\s)cac(?:\s+dong chi)?\s*$/u;

/**
 * A cluster role ("cụm trưởng", "Khối phó", "trưởng cụm") starting here ends a title. Lower-case text with its
 * tones: folded, "khối phố" (a town neighbourhood, "Trưởng khối phố An Hội") would read as "khối phó".
 */
export const CLUSTER_ROLE = /^(?:(?:cụm|khối)\s+(?:trưởng|phó)|(?:trưởng|phó)\s+(?:cụm|khối)(?!\s+phố))(?![\p{L}])/u;
