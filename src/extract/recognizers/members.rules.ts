// Rules of the members recogniser.
import type { Rule } from "./context.js";
import { ADMIN_NOUN, ADMIN_NOUNS } from "../unit-nouns.js";
import { lexiconEntries } from "../lexicon.js";
import { fold } from "../normalize.js";

/** The entries of a lexicon, folded, longest first, as one alternation. */
const foldedAlternation = (name: string) => lexiconEntries(name).map(fold).sort((a, b) => b.length - a.length).join("|");

/** "Cụm … gồm 6 đơn vị: A; B; … và F", "Khối … gồm A, B, C", "Cụm … bao gồm các xã X, Y". Folded text. */
export const MEMBER_LIST: Rule = {
  name: "members.list-after-gom",
  pattern: /(?<![\p{L}])(?:bao gom|gom co|gom)(?![\p{L}])/gu,
  produces: "one member per item of the list that follows gồm / bao gồm, the head noun distributed over the items",
  confidence: 0.85,
};

/**
 * "Cụm thi đua số 6 có 5 đơn vị:", "Khối có 6 trường là A, B, …": "có" opens a member list only with a declared count
 * and a counted noun closed by ":" or "là" (checked on the head). Folded text.
 */
export const MEMBER_LIST_CO: Rule = {
  name: "members.list-after-co-count",
  pattern: /(?<![\p{L}])(?<!gom\s)co(?=\s+(?:\d{1,2}|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s)/gu,
  produces: "one member per item of the list after 'có N <noun>:' or 'có N <noun> là'",
  confidence: 0.8,
};

/** "Cụm … có các thành viên là A, B và C", "thành viên của Cụm là A, B". Folded text. */
export const MEMBER_LIST_LA: Rule = {
  name: "members.list-after-thanh-vien-la",
  pattern: /(?<![\p{L}])(?:thanh vien|don vi thanh vien)(?:\s+(?:cua|trong)\s+(?:cum|khoi)(?:\s+thi\s+dua)?)?\s+la(?![\p{L}])/gu,
  produces: "one member per item of the list after 'thành viên … là'",
  confidence: 0.8,
};

/**
 * "Cụm … ký kết giao ước thi đua giữa BHXH các tỉnh: A, B và C": the parties of the cluster's signing are its members.
 * Folded text; the cluster must be named shortly before in the same sentence.
 */
export const MEMBER_SIGNING: Rule = {
  name: "members.parties-of-signing",
  pattern: /(?<![\p{L}])(?:ky ket|ky)\s+(?:ban\s+)?giao uoc(?:\s+thi dua)?(?:\s+nam\s+\d{4})?\s+giua(?![\p{L}])/gu,
  produces: "one member per party of the cluster's signing of its emulation covenant ('ký kết giao ước thi đua giữa …')",
  confidence: 0.75,
};

/**
 * "có thêm X tham gia sinh hoạt trong Cụm", "bổ sung X vào Khối", "kết nạp thêm X vào Cụm": a unit joining the cluster
 * (often after its list, when the cluster grows). Folded; the unit runs from here to the joining verb, and a mention
 * of the cluster must follow that verb at once.
 */
export const MEMBER_ADDED: Rule = {
  name: "members.unit-added",
  pattern: /(?<![\p{L}])(?:co them|bo sung(?:\s+them)?|ket nap(?:\s+them)?)\s+/gu,
  produces: "a member for the unit added to the cluster ('có thêm X tham gia (sinh hoạt) trong Cụm', 'bổ sung X vào Cụm')",
  confidence: 0.75,
};

/** Where the added unit's name ends: "tham gia (sinh hoạt) (trong|vào)" or "vào" before the cluster. Folded. */
export const ADDED_JOIN = /\s+(?:tham gia(?:\s+sinh hoat)?(?:\s+(?:trong|vao|cua))?|vao)\s+(?=(?:cum|khoi)(?![\p{L}]))/u;

/** "MTTQ 06 quận (Đống Đa, Hoàn Kiếm, …)": a counted unit noun with its list in brackets; the count must agree. */
export const MEMBER_COUNTED_BRACKETS: Rule = {
  name: "members.counted-list-in-brackets",
  pattern: new RegExp(`(\\d{1,2})\\s+(${ADMIN_NOUN})\\s*\\(([^()]+)\\)`, "giu"),
  produces: "members of the story's cluster when the bracketed list has exactly the stated number of names",
  confidence: 0.7,
};

/** Unit nouns distributed over a list of bare names ("06 quận: Đống Đa, …" → "quận Đống Đa"). */
export const DISTRIBUTED_HEADS = ADMIN_NOUNS;

/** Generic nouns for the members that are not part of their names ("6 đơn vị:", "các địa phương:"). */
export const GENERIC_HEADS = ["đơn vị thành viên", "đơn vị", "địa phương", "thành viên", "cơ quan", "tỉnh thành", "tỉnh, thành phố", "sở, ngành", "doanh nghiệp", "ngành"];

/** First words of an organisation's name, as written at the start of a name. */
export const ORG_HEAD_WORDS = ["Hội", "Liên đoàn", "Liên hiệp", "Sở", "Ban", "Ủy ban", "UBND", "UBMTTQ", "Đoàn", "Công an", "Mặt trận", "MTTQ", "Tòa án", "Viện", "Cục", "Chi cục", "Tổng cục", "Bộ", "Trường", "Bệnh viện", "Công ty", "Tổng công ty", "Ngân hàng", "Kho bạc", "Thanh tra", "Văn phòng", "Quận ủy", "Huyện ủy", "Thành ủy", "Tỉnh ủy", "Đảng ủy", "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn", "Quận đoàn", "Thị đoàn", "Thị ủy", "Bộ Chỉ huy", "Bộ đội", "Chi nhánh", "Trung tâm", "Báo", "Đài", "Hạt", "Phòng", "Cơ quan", "Kiểm toán", "Bảo hiểm", "Cảnh sát", "Liên minh", "Học viện", "Đại học", "Quân khu", "Lữ đoàn", "Sư đoàn", "Trung đoàn", "Tiểu đoàn", "Đại đội", "Hải đoàn", "Hải đội", "Tập đoàn", "Hợp tác xã", "Quỹ", "LĐLĐ", "HĐND", "Đồn", "Tạp chí", "Cổng Thông tin", "Cổng TTĐT", "Công đoàn"];

/** First words of an organisation's name: a list whose first item starts so is a list of organisations. */
export const ORG_HEADS = new RegExp(`^(${ORG_HEAD_WORDS.join("|")})(?![\\p{L}])`, "iu");

export const NUMBER_WORDS: Record<string, number> = {
  "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
  "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14, "mười lăm": 15,
};

/**
 * Where an organisation item stops: the predicate of the sentence resumes ("… Hội Nông dân tỉnh đã tổ chức").
 * Lower case with diacritics: "được" is a verb, "dược" (pharmacy) a word of a hospital's name; "lâm", "tài", "cơ" likewise.
 */
export const ORG_ITEM_STOP = /^(?:đã|đang|sẽ|được|đều|cũng|tổ chức|tham dự|thực hiện|tiến hành|triển khai|ký kết|ký|kí kết|kí|đồng chủ trì|chủ trì|có|làm|là|giữ vai trò|nhằm|theo|tại|với)(?![\p{L}])/u;

/**
 * The clause of a cluster's founding between it and "gồm" ("Khối … được thành lập theo Quyết định số 12/QĐ-UBND ngày
 * 5/9/2023 của UBND tỉnh, gồm …", "Cụm … được kiện toàn sau khi sắp xếp các đơn vị hành chính, gồm …"): the cluster
 * stays the list's subject however long the decision's reference or the adverbial of time or reason after the verb
 * ("sau khi", "trên cơ sở", "từ", "kể từ", "do", "khi"). Folded; the clause runs to the comma before "gồm", with no
 * other clause mark in it.
 */
export const FOUNDING_CLAUSE = /^\s*(?:(?:duoc|da duoc|vua duoc|moi duoc)\s+)?(?:thanh lap|kien toan|thanh lap lai|sap xep lai)(?:\s+(?:theo|tai|sau khi|sau|tren co so|tu|ke tu|do|khi|vao)\s[^;:]{0,200}?)?\s*,\s*$/u;

/** Words between the cluster and "gồm" that make the list something other than members (contents, tasks). Folded. */
export const BETWEEN_NOT_MEMBERS = new RegExp(`${foldedAlternation("content-nouns")}|dai bieu|thanh phan|tham du`, "u");

/**
 * Nouns of what a cluster has that are not its units: the subject of "gồm" before "của Cụm" ("Giao ước thi đua năm 2025
 * của Cụm gồm …") or the noun right after "gồm" ("gồm các nội dung chính:", "gồm 4 nhiệm vụ:"). Folded. ("thành phần của
 * Cụm gồm …" is its make-up: members.)
 */
export const CONTENT_NOUNS = new RegExp(foldedAlternation("content-nouns"), "u");

/** Nouns of people counted after "gồm" ("gồm 5 cán bộ Cục Thuế …", "gồm 30 đại biểu"): the list is of people, not units. Folded. */
export const PEOPLE_NOUNS = new RegExp(foldedAlternation("people-nouns"), "u");

/** Office nouns written in the plural before bare fields or names: "các sở Tài chính, Xây dựng" → "Sở Tài chính", … */
export const PLURAL_ORG_NOUNS = ["sở", "ban", "phòng", "cục", "chi cục", "trung tâm", "hội", "bệnh viện", "ngân hàng", "trường", "viện", "báo", "đài", "tổng công ty", "công ty"];
