// Rules of the roles recogniser. Patterns run on the folded text (lower case, no diacritics);
// ROLE matches "Cụm trưởng", "cụm Phó", "Khối trưởng", "Trưởng Khối", "Phó Khối", "đơn vị Cụm trưởng".
import type { Rule } from "./context.js";

const ROLE = String.raw`(?:(cum|khoi)\s+(truong|pho)|(truong|pho)\s+(cum|khoi))(?![\p{L}])`;

/** "do X làm Cụm trưởng", "(X làm cụm trưởng, Y làm cụm Phó)", "suy tôn X làm Cụm trưởng và Y làm Cụm phó". */
export const ROLE_LAM: Rule = {
  name: "roles.unit-lam-role",
  pattern: new RegExp(String.raw`(?<![\p{L}])(?:duoc\s+(?:bau|suy ton|chon|cu)\s+)?lam\s+${ROLE}`, "gu"),
  produces: "the unit before 'làm' holds the role",
  confidence: 0.9,
};

/** "X giữ vai trò Cụm phó", "X là đơn vị Trưởng khối …", "X được suy tôn là Cụm trưởng". */
export const ROLE_LA: Rule = {
  name: "roles.unit-la-role",
  pattern: new RegExp(String.raw`(?<![\p{L}])(?:giu vai tro|dam nhan(?: vai tro)?|dam nhiem(?: vai tro)?|(?:duoc\s+(?:bau|suy ton|chon)\s+)?la)\s+(?:don vi\s+)?${ROLE}`, "gu"),
  produces: "the unit before 'giữ vai trò' / 'là (đơn vị)' holds the role",
  confidence: 0.85,
};

/** "X (đơn vị Trưởng Khối)". */
export const ROLE_BRACKET: Rule = {
  name: "roles.unit-bracket-role",
  pattern: new RegExp(String.raw`\(\s*(?:don vi\s+)?${ROLE}[^)]{0,40}\)`, "gu"),
  produces: "the unit just before the bracket holds the role",
  confidence: 0.9,
};

/** "X – Cụm trưởng", "Liên đoàn Lao động thành phố Hà Nội- đơn vị cụm trưởng", "X, đơn vị Cụm trưởng …". */
export const ROLE_DASH: Rule = {
  name: "roles.unit-dash-role",
  pattern: new RegExp(String.raw`(?:\s*-\s*(?:don vi\s+)?|\s*,\s*don vi\s+)${ROLE}`, "gu"),
  produces: "the unit before the dash (or before ', đơn vị') holds the role",
  confidence: 0.8,
};

/** "Ông A, chủ tịch UBND xã B cụm trưởng": the organisation after a position title, then the role. */
export const ROLE_AFTER_POSITION: Rule = {
  name: "roles.position-org-role",
  pattern: new RegExp(String.raw`\s+(?:don vi\s+)?${ROLE}`, "gu"),
  produces: "the organisation headed by the person holds the role (only after a position title)",
  confidence: 0.7,
};

/** "bàn giao nhiệm vụ cụm trưởng (năm 2019) cho X", "Cụm trưởng năm 2022 là X". */
export const ROLE_FORWARD: Rule = {
  name: "roles.role-to-unit",
  pattern: new RegExp(String.raw`(?<![\p{L}])(?:(ban giao)\s+(?:nhiem vu\s+)?)?${ROLE}(?:\s+thi dua)?(?:\s+nam\s+(\d{4}))?\s+(?:cho|la)\s+`, "gu"),
  produces: "the unit after 'cho' / 'là' takes or holds the role",
  confidence: 0.8,
};

/** Words that begin the unit's clause: the unit starts after them. Folded, longest first. */
export const UNIT_OPENERS = /(?:^|\s)(?:do|suy ton|bau chon|bau|chon|thong nhat|gioi thieu|nhat tri|va|voi|cua|tai)\s+$/u;

/** Position titles before an organisation: "Chủ tịch UBND xã B" → unit "UBND xã B". Lower-cased text with diacritics
 * ("trưởng" is a title, "Trường" a school). */
export const POSITION_PREFIX = /^(?:phó\s+)?(?:chủ tịch|tổng giám đốc|giám đốc|bí thư|trưởng ban|chánh văn phòng|chánh án|viện trưởng|cục trưởng|thủ trưởng|trưởng phòng|hiệu trưởng|đại diện|lãnh đạo|trưởng|chánh)(?:\s+phụ trách)?\s+/u;

/** Verbs of choosing a leader for the coming term: the role year is the year after a year-end review. Folded. */
export const ELECTION = /suy ton|bau chon|(?<![\p{L}])bau(?![\p{L}])|ban giao|nhan ban giao|gioi thieu|de cu|chon/u;
