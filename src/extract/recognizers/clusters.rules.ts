// Rules of the clusters recogniser. Patterns run on the folded text (lower case, no diacritics),
// so "Cụm Thi đua", "CỤm thi đua" and "cum thi dua" are one pattern; surfaces come from the original.
import type { Rule } from "./context.js";

/** Head of a cluster name: "Cụm thi đua", "Khối thi đua", "Cụm thi đua cụm số VII", "Cụm số 1". */
export const CLUSTER_HEAD: Rule = {
  name: "cluster.head",
  pattern: /(?<![\p{L}\p{N}])(cum|khoi)(\s+thi\s+dua)?(?:\s+(?:cum|khoi))?(?:\s+so\s+(\d{1,3}|[ivxlc]{1,6})(?![\p{L}\p{N}]))?/gu,
  produces: "a cluster (kind, number when 'số N' follows) whose name continues with the words after the head",
  confidence: 0.9,
};

/** A bare reference to a cluster already named: "các đơn vị trong Cụm", "của Khối". */
export const CLUSTER_REF: Rule = {
  name: "cluster.reference",
  pattern: /(?<![\p{L}\p{N}])(cum|khoi)(?![\p{L}\p{N}])(?!\s+(?:truong|pho)(?![\p{L}\p{N}]))/gu,
  produces: "a reference used to attach members and roles to the cluster named before it",
  confidence: 0.5,
};

/**
 * Lower-case words (as written, lower-cased) that may continue a cluster name ("… thành phố Hà Nội", "… các tỉnh miền Đông Nam bộ",
 * "… 5 thành phố trực thuộc Trung ương", "… và các đoàn thể chính trị - xã hội khối dân vận"). Folded.
 */
export const NAME_WORDS = new Set([
  "thành", "phố", "tỉnh", "quận", "huyện", "xã", "phường", "thị", "trấn", "các", "của", "và", "trực", "thuộc",
  "cơ", "quan", "đoàn", "thể", "chính", "trị", "hội", "khối", "dân", "vận", "miền", "bộ", "trung", "ương",
  "doanh", "nghiệp", "ngành", "số", "ban", "trường", "đại", "học", "cao", "đẳng", "khu", "vực", "sở", "phía",
]);

/** Words that may not end a name (they only link what follows). Folded. */
export const NAME_TRAILERS = new Set(["cac", "cua", "va", "truc", "thuoc", "thi", "khoi", "truong", "khu", "phia"]);

/** Names that describe a national or regional cluster: the article's own province is not its locality. */
export const NOT_LOCAL = /(?:^|\s)(?:bo\s|cac tinh|cac thanh pho|truc thuoc trung uong|mien|viet nam|toan quoc|\d+\s+(?:tinh|thanh pho))/u;

/**
 * Lower-case syllables that cannot continue a name after a capitalised word: verbs and function words
 * that start the predicate ("… Hà Nội tổ chức", "… Công an đã", "… tỉnh gồm"). Folded.
 */
export const NAME_STOPS = new Set([
  "to", "da", "dang", "se", "ky", "gom", "do", "la", "co", "duoc", "voi", "tai", "trong", "nam", "tong", "trien",
  "tiep", "can", "phai", "thuc", "hop", "de", "cung", "ve", "tien", "phat", "bao", "ban", "vua", "moi", "nhu", "ra",
  "len", "lam", "chu", "dai", "thong", "danh", "gui", "nhan", "ghi", "tham", "du", "voi", "tu", "theo", "nay", "nhung",
  "sau", "truoc", "khi", "neu", "vi", "qua", "luon", "deu", "cung", "bau", "suy", "giu", "dua", "di", "den",
]);

/** Lower-case syllables allowed after a capitalised word before the name must end (Cựu chiến binh). */
export const MAX_LOWER_RUN = 2;

/**
 * Lower-case sector and unit nouns coordinated by a comma inside a name: "các sở, ban, ngành",
 * "các huyện, thị xã, thành phố", "các cơ quan, đơn vị". The word before the comma must end one, the word after start one.
 * Written with diacritics (quận ≠ quan).
 */
export const COORD_ENDS = new Set(["sở", "ban", "ngành", "tỉnh", "huyện", "quận", "xã", "phường", "thể", "hội", "vị", "nghiệp", "quan", "phố", "trường", "viện"]);
export const COORD_STARTS = new Set(["sở", "ban", "ngành", "thành", "huyện", "quận", "thị", "xã", "phường", "đoàn", "hội", "cơ", "đơn", "doanh", "trường", "bệnh"]);

/** How far (syllables) a capitalised coordination "Đảng, Mặt trận và …" may run before its "và". */
export const MAX_COORD_SYLLABLES = 10;

/** A conjunct that is a unit, not a sector: "Khối thi đua Văn hóa - Xã hội, Sở Y tế và Sở Giáo dục đã …" lists units after the name. */
export const UNIT_CONJUNCT = /^(?:Sở|Bộ|Cục|Chi cục|Tổng cục|Phòng|Ban|Công ty|Tổng công ty|Bệnh viện|Trường|UBND|Ủy ban|Ngân hàng|Kho bạc|Văn phòng|Công an|Viện|Tòa án|Báo|Đài|Trung tâm|Huyện|Quận|Tỉnh|Thành phố|Xã|Phường|Thị xã|Thị trấn)(?![\p{L}])/u;

/**
 * A count before the head makes the mention generic ("Hai cụm thi đua MTTQ cấp huyện", "thuộc 3 khối thi đua của tỉnh"):
 * several clusters, not one named. Lower case with diacritics ("ba" three, not "bà"); "năm" (five, or year) and a
 * number after "năm", "ngày", "số" (a date or a serial: "năm 2024 Cụm …") are left out.
 */
export const COUNT_BEFORE_HEAD = /(?:^|[^\p{L}\p{N}/.])(?:(?<!(?:năm|ngày|tháng|số)\s+)\d{1,2}|hai|ba|bốn|sáu|bảy|tám|chín|mười|mấy|nhiều)\s+$/u;
