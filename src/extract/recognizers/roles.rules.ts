// Rules of the roles recogniser. Patterns run on the folded text (lower case, no diacritics);
// ROLE matches "Cụm trưởng", "cụm Phó", "Khối trưởng", "Trưởng Khối", "Phó Khối", "đơn vị Cụm trưởng", and the deputy written
// as "phó" before the leader's title ("Phó Trưởng khối", "Phó Cụm trưởng"), which must not be read as the leader.
import type { Rule } from "./context.js";

// not a residential or industrial cluster's head ("Trưởng cụm dân cư", "Trưởng cụm công nghiệp")
// groups: [1] "pho" of a deputy before the leader's title, [2]/[3] "cum|khoi" + "truong|pho", [4]/[5] "truong|pho" + "cum|khoi"
const ROLE = String.raw`(?:(pho)\s+(?:truong\s+(?:cum|khoi)|(?:cum|khoi)\s+truong)|(cum|khoi)\s+(truong|pho)|(truong|pho)\s+(cum|khoi))(?![\p{L}])(?!\s+(?:dan cu|cong nghiep|tieu thu cong nghiep|dan pho)(?![\p{L}]))`;
/** The same role words without groups, for patterns that only need to find a role phrase (folded). */
export const ROLE_WORDS = String.raw`(?:pho\s+(?:truong\s+(?:cum|khoi)|(?:cum|khoi)\s+truong)|(?:cum|khoi)\s+(?:truong|pho)|(?:truong|pho)\s+(?:cum|khoi))(?![\p{L}])`;

/**
 * The passive of choosing before the role, so that the unit is the subject before "được": "X được bầu làm …",
 * "X được giao làm …", "X được các đơn vị thống nhất bầu làm …", "X được Hội nghị tín nhiệm giao là …", "X được thống nhất
 * giữ vai trò …" (agreeing is choosing too). The agent is a
 * few words at most, and a verb of choosing must end it.
 */
const CHOSEN = String.raw`duoc\s+(?:[\p{L}]+\s+){0,8}?(?:bau chon|bau|suy ton|chon|cu|giao|phan cong|tin nhiem|thong nhat|nhat tri)\s+`;

/** "do X làm Cụm trưởng", "(X làm cụm trưởng, Y làm cụm Phó)", "suy tôn X làm Cụm trưởng và Y làm Cụm phó". */
export const ROLE_LAM: Rule = {
  name: "roles.unit-lam-role",
  pattern: new RegExp(String.raw`(?<![\p{L}])(?:${CHOSEN})?lam\s+${ROLE}`, "gu"),
  produces: "the unit before 'làm' holds the role",
  confidence: 0.9,
};

/** "X giữ vai trò Cụm phó", "X là đơn vị Trưởng khối …", "X được suy tôn là Cụm trưởng", "X được thống nhất giữ vai trò Phó Trưởng khối". */
export const ROLE_LA: Rule = {
  name: "roles.unit-la-role",
  pattern: new RegExp(String.raw`(?<![\p{L}])(?:${CHOSEN})?(?:giu vai tro|dam nhan(?: vai tro)?|dam nhiem(?: vai tro)?|la)\s+(?:don vi\s+)?${ROLE}`, "gu"),
  produces: "the unit before 'giữ vai trò' / 'là (đơn vị)' holds the role",
  confidence: 0.85,
};

/**
 * Words of aspect or time before the verb of holding a role ("X đang giữ vai trò …", "X hiện là …", "X tiếp tục làm …"):
 * part of the predicate, so the unit ends before them. Lower case with diacritics at the end of the text before the verb
 * ("xã Thanh Văn", "xã Minh Hiền": a name's last word is no "vẫn", no "hiện").
 */
export const ASPECT_BEFORE_VERB = /(?<![\p{L}])(?:hiện đang|hiện nay|hiện|đang|vẫn|tiếp tục|sẽ|cũng|vẫn sẽ|sẽ tiếp tục|vẫn tiếp tục)\s*$/u;

/** "X (đơn vị Trưởng Khối)". */
export const ROLE_BRACKET: Rule = {
  name: "roles.unit-bracket-role",
  pattern: new RegExp(String.raw`\(\s*(?:don vi\s+)?${ROLE}[^)]{0,40}\)`, "gu"),
  produces: "the unit just before the bracket holds the role",
  confidence: 0.9,
};

/**
 * "X – Cụm trưởng", "Liên đoàn Lao động thành phố Hà Nội- đơn vị cụm trưởng", "X, đơn vị Cụm trưởng …", and a table's row
 * "3 | X | Khối trưởng" (the role in the cell after the unit's, cells joined by " | ").
 */
export const ROLE_DASH: Rule = {
  name: "roles.unit-dash-role",
  pattern: new RegExp(String.raw`(?:\s*[-|]\s*(?:don vi\s+)?|\s*,\s*don vi\s+)${ROLE}`, "gu"),
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

/**
 * "Đại tá A, Giám đốc Công an tỉnh Gia Lai, Cụm trưởng …", "Chủ tịch UBND thị trấn Lai Cách, Cụm trưởng",
 * "bà B, Giám đốc Bệnh viện Mắt, Phó khối": the role in apposition to a person's post; the unit is the
 * organisation the post heads (only when a position title opens the phrase before the comma).
 */
export const ROLE_AFTER_POSITION_COMMA: Rule = {
  name: "roles.position-org-comma-role",
  pattern: new RegExp(String.raw`\s*,\s*${ROLE}`, "gu"),
  produces: "the organisation headed by the person holds the role (a position title, a comma, then the role)",
  confidence: 0.75,
};

/**
 * "Bệnh viện Đa khoa tỉnh A, Khối trưởng năm 2024, đã bàn giao …", "UBND xã B, Cụm phó, phát biểu …": an organisation
 * or a named unit with its post in apposition, closed by a second comma (the unit must open with an organisation's noun or a
 * unit noun; a person is not a unit). Tried on a match of ROLE_AFTER_POSITION_COMMA with no post before its comma; the
 * pattern is what must follow the role there (sticky: set lastIndex to the role's end).
 */
export const ROLE_APPOSITION: Rule = {
  name: "roles.unit-apposition-role",
  pattern: /(?:\s+thi dua)?(?:\s+nam\s+\d{4})?\s*,/uy,
  produces: "the organisation or unit before the comma holds the role written in apposition between commas",
  confidence: 0.75,
};

/**
 * "Chánh Văn phòng Tỉnh ủy A thay mặt đơn vị Trưởng khối …", "Giám đốc Sở B, thay mặt Cụm trưởng, …": a person speaks
 * for the leading unit; the organisation their post heads is that unit (only when a position title opens the phrase).
 */
export const ROLE_ON_BEHALF: Rule = {
  name: "roles.position-org-on-behalf-role",
  pattern: new RegExp(String.raw`\s*,?\s+thay mat\s+(?:cho\s+)?(?:don vi\s+)?${ROLE}`, "gu"),
  produces: "the organisation headed by the person speaking on behalf of the leading (or deputy) unit holds the role",
  confidence: 0.7,
};

/**
 * "bàn giao nhiệm vụ cụm trưởng (năm 2019) cho X", "Cụm trưởng năm 2022 là X", "Trưởng cụm năm học 2023 - 2024 là X".
 * A school year gives its first year (the year the term starts, as "năm 2023" would).
 */
export const ROLE_FORWARD: Rule = {
  name: "roles.role-to-unit",
  pattern: new RegExp(String.raw`(?<![\p{L}])(?:(ban giao)\s+(?:nhiem vu\s+)?)?${ROLE}(?:\s+thi dua)?(?:\s+nam nay|\s+nam\s+(\d{4})|\s+nam hoc\s+(\d{4})\s*-\s*(?:\d{4}|\d{2}))?\s+(?:cho|la)\s+`, "gu"),
  produces: "the unit after 'cho' / 'là' takes or holds the role",
  confidence: 0.8,
};

/**
 * "Năm 2024, với vai trò Cụm trưởng, Sở A đã …", "Trong vai trò Khối phó năm 2025, Trường B …": the role phrase opens the
 * clause and the unit is its subject, right after the comma (a person or a post there is not a unit). Folded text; what
 * may come between the role and the comma is a year or the cluster's name, no other clause mark.
 */
export const ROLE_CAPACITY: Rule = {
  name: "roles.capacity-role-unit",
  pattern: new RegExp(String.raw`(?<![\p{L}])(?:voi|trong)\s+(?:vai tro|cuong vi|tu cach)\s+(?:la\s+)?(?:don vi\s+)?${ROLE}[^,.;:()]{0,60}?,\s*`, "gu"),
  produces: "the unit opening the clause after 'với vai trò <role>,' holds the role",
  confidence: 0.8,
};

/**
 * Words that begin the unit's clause: the unit starts after them ("…, còn X làm Khối phó", "…; trong đó X là Trưởng cụm").
 * Lower case with diacritics ("do" is "by", "đô" a word of "Môi trường đô thị").
 */
export const UNIT_OPENERS = /(?:^|\s)(?:do|gồm|suy tôn|bầu chọn|bầu|chọn|thống nhất|giới thiệu|nhất trí|đề nghị|đề xuất|kiến nghị|và|còn|trong đó|với|của|tại|cho|thay mặt)\s+$/u;

/** Verb markers that never sit inside a unit's name: looking back from the role, the unit starts after them. */
export const CLAUSE_MARKERS = new Set(["đã", "đang", "sẽ", "được", "vừa", "cho", "trao", "nhận"]);

/**
 * Lower-case words that start a predicate; before a capitalised word they end the unit looking back
 * ("… Hội nghị tổ chức tại Sở Y tế …"). With diacritics: "thông" in "Giao thông Vận tải" is no verb.
 */
export const CLAUSE_STOPS = new Set([
  "tổ", "đã", "đang", "sẽ", "ký", "kí", "gồm", "là", "có", "được", "với", "tại", "trong", "năm", "tổng", "triển", "tiếp", "cần",
  "phải", "thực", "họp", "để", "cùng", "về", "tiến", "phát", "báo", "bàn", "vừa", "mới", "như", "ra", "lên", "làm", "chủ",
  "gửi", "nhận", "ghi", "tham", "dự", "từ", "theo", "này", "những", "sau", "trước", "khi", "nếu", "vì", "qua", "luôn", "đều",
  "bầu", "suy", "giữ", "đưa", "đi", "đến", "trao", "tặng", "giao",
]);

/** Position titles before an organisation: "Chủ tịch UBND xã B" → unit "UBND xã B"; "Trưởng Ban Tuyên giáo" → "Ban Tuyên giáo",
 * "Chánh Văn phòng UBND tỉnh" → "Văn phòng UBND tỉnh" (the office's noun is part of its name). Lower-cased text with diacritics
 * ("trưởng" is a title, "Trường" a school). */
export const POSITION_PREFIX = /^(?:phó\s+)?(?:chủ tịch|tổng giám đốc|giám đốc|bí thư|chánh án|viện trưởng|chi cục trưởng|cục trưởng|thủ trưởng|hiệu trưởng|chỉ huy trưởng|chính ủy|chủ nhiệm|tư lệnh|tổng biên tập|đại diện|lãnh đạo|trưởng|chánh)(?:\s+(?:phụ trách|thường trực))?\s+/u;

/** Verbs of choosing a leader for the coming term: the role year is the year after a year-end review. Folded. */
export const ELECTION = /suy ton|bau chon|(?<![\p{L}])bau(?![\p{L}])|ban giao|nhan ban giao|gioi thieu|de cu|chon/u;
