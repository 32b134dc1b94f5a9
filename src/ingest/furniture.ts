// Page furniture in Vietnamese news pages, recognised line by line: what is not the story.
// Shared by the text-dump reader and the HTML reader so both clean the same way.
import { lexiconEntries, makeLexicon, type Lexicon } from "../extract/lexicon.js";
import { normalize } from "../extract/normalize.js";

/** Trim spaces including no-break and zero-width ones (the page's own text is otherwise kept). */
export function trimLine(s: string): string {
  return s.replace(/^[\s\u00a0\u200b\ufeff]+|[\s\u00a0\u200b\ufeff]+$/gu, "");
}

/** Whitespace-insensitive key, for spotting a paragraph printed twice. */
export function lineKey(s: string): string {
  // every run of white space becomes one space; a lone space (most of them) is left alone rather than rewritten
  return s.normalize("NFC").replace(/\s{2,}|[^\S ]/g, " ").trim().toLowerCase();
}

/** Words (syllables) that carry letters or digits. */
export function syllables(s: string): number {
  let n = 0;
  for (const w of s.split(/\s+/)) if (WORD_CHAR.test(w)) n++;
  return n;
}
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** No letter or digit at all: ".", ";", "|", "***". */
export function isPunctuationOnly(s: string): boolean {
  return !/[\p{L}\p{N}]/u.test(s);
}

/** A stray letter or two left by a logo, a language switch or a drop cap: "M", "En". */
export function isStrayLetters(s: string): boolean {
  return /^[\p{L}]{1,2}$/u.test(s);
}

const SKIP_LINKS = /^(?:skip (?:to (?:main )?content|ribbon commands|navigation|to navigation)|chuyển (?:đến|tới) nội dung(?: chính)?|bỏ qua (?:nội dung|điều hướng)|menu|trang chủ|đăng nhập|đăng ký|tìm kiếm|english|tiếng việt)$/iu;

/** Accessibility and navigation links ("Skip to main content", "Skip Ribbon Commands", "Trang chủ"). */
export function isNavigation(s: string): boolean {
  return SKIP_LINKS.test(s);
}

// Fields and buttons of a reader-comment form.
const FORM_FIELD = /^(?:họ(?: và)? tên|tên của bạn|tên bạn|e-?mail|địa chỉ(?: e-?mail)?|số điện thoại|điện thoại|tiêu đề|nội dung|ý kiến của bạn|mã (?:xác nhận|bảo mật|kiểm tra|xác thực))\s*(?:\(\*\)|\*)?\s*:/iu;
const FORM_BUTTON = /^(?:gửi bình luận|gửi ý kiến|viết bình luận|bình luận|ý kiến bạn đọc|ý kiến của bạn|reset captcha|nhập lại|làm lại|lấy lại mã(?: bảo mật| xác nhận)?|bài viết xem|gửi|hủy|huỷ)(?:\s*[-–—:|]?\s*(?:gửi bình luận|nhập lại|viết bình luận|bình luận))*\s*:?$/iu;

/** A line of a comment form ("Họ tên:(*)", "Mã xác nhận: …", "Gửi bình luận", "reset captcha"). */
export function isCommentForm(s: string): boolean {
  return FORM_FIELD.test(s) || FORM_BUTTON.test(s);
}

// Headings of the boxes that follow a story: lists of other articles, most-read, tags, sharing.
const TAIL_HEADING = /^(?:các (?:bài|tin) (?:mới đăng|đã đăng|đã đưa|khác|mới|cùng chuyên mục|liên quan)|tin (?:xem nhiều(?: nhất)?|đọc nhiều(?: nhất)?|liên quan|cùng chuyên mục|khác|mới(?: nhất)?|mới hơn|cũ hơn|nổi bật)|bài (?:viết )?(?:liên quan|khác|cùng chuyên mục|mới nhất|đọc nhiều)|xem (?:thêm|nhiều)|đọc (?:thêm|nhiều)|có thể bạn quan tâm|bạn đọc quan tâm|ý kiến bạn đọc|chia sẻ(?: bài viết)?|từ khóa|từ khoá|tags?|in bài(?: viết)?|gửi bài(?: viết)?|lên đầu trang|về đầu trang|quay lại|trở về)(?:\s*[-–—:|(].*)?$/iu;

/** The heading of a box that ends the story ("Các bài mới đăng", "Tin xem nhiều", "Tin liên quan"). */
export function isTailHeading(s: string): boolean {
  // a keywords line ends the story however many keywords it lists ("Từ khóa: Cụm thi đua, MTTQ, …")
  return (syllables(s) <= 10 || KEYWORDS_LINE.test(s)) && TAIL_HEADING.test(s);
}
const KEYWORDS_LINE = /^(?:từ khóa|từ khoá|tags?)\s*:/iu;

/** A related-article pointer inside the story (">> Xem thêm: …", "Tin liên quan: …", "Đọc thêm: …"). */
export function isRelatedPointer(s: string): boolean {
  return /^(?:>>+|»|›|\+\s)|^(?:xem thêm|đọc thêm|tin liên quan|bài liên quan|có thể bạn quan tâm)\s*[:>-]/iu.test(s);
}

/** A related-articles heading on its own ("Tin liên quan:", "Xem thêm >>"): the headlines under it are not the story. */
export function isRelatedHeading(s: string): boolean {
  return isRelatedPointer(s) && /^(?:>>+|»|›)?\s*(?:xem thêm|đọc thêm|tin liên quan|bài liên quan|có thể bạn quan tâm)?\s*[:>»-]*\s*$/iu.test(s);
}

/** A line of a related-articles box: a headline (no sentence stop at its end), bulleted or not. */
export function isBoxItem(s: string): boolean {
  return !/[.!?…;:]$/u.test(s) && syllables(s) <= 40;
}

/** "Nguồn :", "Nguồn: baochinhphu.vn" — a source credit line (returns what it credits, or ""). */
export function sourceCredit(s: string): string | null {
  const m = /^(?:nguồn|theo)\s*:\s*(.{0,120})$/iu.exec(s);
  return m ? trimLine(m[1]!) : null;
}

/** Visitor counters, print/share buttons, font size controls. */
export function isWidget(s: string): boolean {
  return /^(?:lượt (?:xem|đọc|truy cập)|số lượt xem|view(?:s)?|in|print|email|chia sẻ|share|like|tweet|cỡ chữ|font size|a\+|a-)\s*:?\s*[\d.,]*$/iu.test(s);
}

/**
 * The outlet tag that opens a lead: "(LĐTĐ) Chiều 4/3…", "HNP - Phát biểu…", "(ĐN) - Ngày 15-3…",
 * "(LĐ online) - Chiều…", "(BTV) Sáng…", "(Dân trí) - …". Returns the tag without brackets, and its length.
 */
export function outletTag(lead: string): { tag: string; length: number } | null {
  const paren = /^\(([^()]{2,24})\)\s*(?:[-–—]\s*)?/u.exec(lead);
  if (paren) {
    const tag = trimLine(paren[1]!);
    const dashed = /[-–—]\s*$/u.test(paren[0]);
    const words = tag.split(/\s+/u);
    const acronym = /^\p{Lu}[\p{Lu}\p{N}.&+]*\p{Lu}/u.test(words[0]!) && words.length <= 3;
    // "(Dân trí) -", "(Chinhphu.vn) -": a short capitalised name followed by a dash
    const named = dashed && words.length <= 3 && /^\p{Lu}/u.test(words[0]!) && tag.length <= 20;
    if ((acronym || named) && !/\d[/-]\d/u.test(tag)) return { tag, length: paren[0].length };
  }
  const bare = /^(\p{Lu}[\p{Lu}\p{N}.&]{1,11}(?: [oO]nline| ONLINE)?)\s*[-–—]\s+/u.exec(lead);
  if (bare && /\p{Lu}.*\p{Lu}/u.test(bare[1]!)) return { tag: bare[1]!, length: bare[0].length };
  // the site's whole name as the tag: "Cổng TTĐT thành phố Cần Thơ - Cụm thi đua …" (the longest prefix that is one,
  // so "Báo Bà Rịa - Vũng Tàu - Sáng 5/3, …" keeps its province whole)
  for (const m of [...lead.slice(0, 80).matchAll(/\s[-–—]\s+(?=\p{Lu})/gu)].reverse()) {
    const name = trimLine(lead.slice(0, m.index));
    if (isSiteName(name)) return { tag: name, length: m.index! + m[0].length };
  }
  return null;
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}]*\.?)+$/u; // "Ngân", "P.Ngân", "Q.H", "C.", "LÊ"
const BYLINE_ROLE = /^(?:nhóm|pv|ctv|btv|bài(?: và ảnh)?|ảnh|tin|tin, ảnh|bài, ảnh|theo|thực hiện)$/iu;

/**
 * A byline: a short line of names or initials at the end of a story ("P.Ngân", "N. Hoa", "Nhóm PV",
 * "Đức Minh, Văn Công", "LÊ VĂN THƠM", "C. Q.H – MTTQ Ba Đình"). Returns the author as written, or null.
 */
/** The label some bylines open with: "Tin, ảnh: Ngọc Hà", "Bài và ảnh: …", "Thực hiện: …". */
const BYLINE_LABEL = /^(?:(?:tin|bài|bài viết)(?:\s*(?:,|và|\/|-)\s*ảnh)?|ảnh|thực hiện|nhóm thực hiện)\s*:\s*/iu;

export function bylineOf(line: string): string | null {
  // after a label the byline may name a unit as well as people ("Tin, ảnh: Phòng Truyền thông")
  const label = BYLINE_LABEL.exec(trimLine(line));
  if (label) {
    const rest = trimLine(trimLine(line).slice(label[0].length)).replace(/\.$/u, "");
    return /^\p{Lu}/u.test(rest) && rest.length <= 60 && rest.split(/\s+/u).length <= 8 && !/[!?;:"“”]|\d/u.test(rest) ? rest : null;
  }
  const s = trimLine(line).replace(/[.;]$/u, (m) => (/\p{Lu}\.$/u.test(line.trim()) ? m : ""));
  if (!s || s.length > 60 || /[!?:"“”]/u.test(s) || /\d/u.test(s)) return null;
  // the name part is what precedes a dash ("C. Q.H – MTTQ Ba Đình": the unit after the dash stays in the byline)
  const namePart = s.split(/\s+[-–—]\s+/u)[0]!;
  const people = namePart.split(/\s*[,&]\s*|\s+và\s+|\s*-\s*/u).filter(Boolean);
  if (!people.length || people.length > 4) return null;
  for (const p of people) {
    const words = p.replace(/\.(?=\p{Lu})/gu, ". ").split(/\s+/u).filter(Boolean);
    if (!words.length || words.length > 5) return null;
    if (!words.every((w) => NAME_WORD.test(w) || BYLINE_ROLE.test(w))) return null;
    if (words.every((w) => BYLINE_ROLE.test(w) && !/^pv|ctv|btv$/iu.test(w))) return null;
  }
  return s;
}

/**
 * Several headlines run together, as a related-articles box comes out when the page is flattened:
 * no sentence stop at the end, and a headline that ends in a year or a closing quote followed straight
 * by another that starts with a capital ("… thi đua 2021 Nhà trường, học sinh …").
 */
export function isHeadlineRun(s: string): boolean {
  if (/[.!?:;…]$/u.test(s) || syllables(s) > 45) return false;
  return /(?:(?<![\d/.-])(?:19|20)\d{2}|[”"])\s+\p{Lu}\p{Ll}*\s+\p{Ll}/u.test(s);
}

/** Lines that are never part of a story wherever they stand. */
export function isFurniture(s: string): boolean {
  return !s || isPunctuationOnly(s) || isStrayLetters(s) || isNavigation(s) || isWidget(s) || isRelatedPointer(s);
}

// ---- The header of a text dump: what stands above the headline (breadcrumbs, site names, section labels).

const CRUMB_SEP = /\s*(?:>>?|»|›|→|\/|\|)\s*/u;
const STRONG_CRUMB_SEP = /[>»›→]/u;
const HOME = /^(?:trang chủ|trang nhất|trang chính|home|homepage)$/iu;

/**
 * A breadcrumb trail: short segments joined by ">", "»", "›", "→", "/" or "|"
 * ("Trang chủ > Tin tức > Thi đua khen thưởng", "Home » News", "Tin tức - Sự kiện / Thi đua").
 */
export function isBreadcrumb(s: string): boolean {
  if (/\d\s*\/\s*\d/u.test(s)) return false; // a date or a number like "1/4", not a trail
  const parts = s.split(CRUMB_SEP).map(trimLine).filter(Boolean);
  if (parts.length < 2 || !CRUMB_SEP.test(s)) return false;
  if (parts.some((p) => !/\p{L}/u.test(p) || syllables(p) > 8 || /[.!?;:,]$/u.test(p))) return false;
  if (STRONG_CRUMB_SEP.test(s) || HOME.test(parts[0]!) || parts.length >= 3) return true;
  // two segments joined by "/" or "|": only when both are label-short
  return parts.every((p) => syllables(p) <= 4);
}

let sections: Set<string> | null = null;

/** A section or menu label from lexicons/page-sections.txt ("Thời sự", "TIN TỨC", "Thi đua - Khen thưởng"). */
export function isSectionLabel(s: string): boolean {
  sections ??= new Set(lexiconEntries("page-sections").map((e) => e.toLowerCase()));
  if (syllables(s) > 10) return false;
  const k = normalize(s).norm.replace(/\s+/gu, " ").replace(/[\s:.]+$/u, "").trim().toLowerCase();
  return sections.has(k);
}

let siteHeads: Lexicon | null = null;
let orgHeads: Lexicon | null = null;
let pressTitles: Lexicon | null = null;
let provinces: Lexicon | null = null;
const NAME_GOES_ON = /^(?:điện tử|online|trực tuyến|tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?!\p{L})/iu;

/** A line in capitals ("BÁO ĐIỆN TỬ …", "TIN TỨC"). */
export const isUpperLine = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase();

/**
 * The name of a news site or portal printed as a heading ("Báo Đồng Nai điện tử",
 * "Cổng thông tin điện tử huyện Hữu Lũng", "BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN VIỆT NAM").
 */
/** Words that close a site's name: "… Online", "… điện tử", "… Plus", "… TV", "….vn". */
const SITE_TAIL = /\s(?:online|điện tử|plus|tv|news|24h|\S+\.(?:vn|com|net))$/iu;

/**
 * The site's name in a line above a dump's headline that may also hold a section or a trail: "Báo Cà Mau điện tử ›
 * Thời sự › Chính trị", "Giáo dục | Báo Hưng Yên", "Thời báo Ngân hàng - Hoạt động ngân hàng". A part after a spaced
 * dash is set aside only when it reads as a section (a label, or a capital then lower-case words), so "Báo Bà Rịa -
 * Vũng Tàu" stays whole.
 */
export function siteNameIn(s: string): string | null {
  const heads = s.split(/\s*[|›»>]\s*/u).map(trimLine).filter(Boolean).map((part) => {
    const dash = /\s[-–—]\s/u.exec(part);
    const tail = dash ? trimLine(part.slice(dash.index + dash[0].length)) : "";
    return dash && (isSectionLabel(tail) || /^\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)+$/u.test(tail)) ? trimLine(part.slice(0, dash.index)) : part;
  });
  return heads.find(isSiteName) ?? null;
}

/**
 * The name of the organisation whose portal a dump comes from, out of the same kind of line ("Đại học Huế - Tin tức -
 * Sự kiện" gives "Đại học Huế"; "Công an tỉnh Bình Phước"), when no site's name is in it.
 */
export function orgNameIn(s: string): string | null {
  for (const part of s.split(/\s*[|›»>]\s*/u).map(trimLine).filter(Boolean)) {
    const dash = /\s[-–—]\s/u.exec(part);
    if (dash && isSectionLabel(trimLine(part.slice(dash.index + dash[0].length))) && isOrgNameLine(trimLine(part.slice(0, dash.index)))) return trimLine(part.slice(0, dash.index));
    if (isOrgNameLine(part)) return part;
  }
  return null;
}

export function isSiteName(s: string): boolean {
  const n = syllables(s);
  if (n < 2 || n > 14 || /[.!?;:,]$/u.test(s)) return false;
  // "Hải quan Online", "Dân tộc và Phát triển điện tử": a capitalised name closed by a web word
  if (n <= 8 && /^\p{Lu}/u.test(s) && SITE_TAIL.test(s)) return true;
  const norm = normalize(s).norm;
  siteHeads ??= makeLexicon("site-name-heads");
  const head = siteHeads.longestAt(norm, 0);
  if (!head) return isPressTitle(norm);
  const rest = trimLine(norm.slice(head.end));
  if (!rest) return syllables(head.entry) >= 2;
  // "Báo cáo…", "Đài tưởng niệm…": a lower-case word after the head is not a name going on
  return isUpperLine(s) || /^\p{Lu}/u.test(rest) || NAME_GOES_ON.test(rest);
}

/**
 * A newspaper known by its title alone ("Lao động", "Tuổi trẻ"), or a local edition of one: the title then a province
 * or city, or a web word ("Tuổi trẻ Lai Châu", "Lao động Hải Phòng", "Biên phòng Kon Tum", "Hải quan Online").
 */
function isPressTitle(norm: string): boolean {
  pressTitles ??= makeLexicon("press-titles");
  const t = pressTitles.longestAt(norm, 0);
  if (!t) return false;
  const rest = trimLine(norm.slice(t.end));
  if (!rest) return t.value === "alone";
  provinces ??= makeLexicon("provinces");
  const p = /^\p{Lu}/u.test(rest) ? provinces.longestAt(rest, 0) : null;
  return (p !== null && !trimLine(rest.slice(p.end))) || /^(?:online|điện tử)$/iu.test(rest);
}

/**
 * A line that reads like an organisation's name and nothing more ("Sở Giáo dục và Đào tạo Phú Thọ",
 * "UBND HUYỆN HỮU LŨNG"): an organisation noun first, mostly capitalised syllables, no number, no stop.
 * The site of an organisation prints it above the headline.
 */
export function isOrgNameLine(s: string): boolean {
  const n = syllables(s);
  if (n < 2 || n > 12 || /\d/u.test(s) || /[.!?;:,"“”]$/u.test(s)) return false;
  const norm = normalize(s).norm;
  orgHeads ??= makeLexicon("org-heads");
  // the head alone ("Công đoàn", "Công an") is a section of a site, not the name of one organisation
  const head = orgHeads.longestAt(norm, 0);
  if (!head || !trimLine(norm.slice(head.end))) return false;
  const words = norm.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / words.length >= 0.4;
}

/** A banner slogan across a government site's header ("Nhiệt liệt chào mừng Đại hội…", "Chào mừng kỷ niệm 78 năm…"). */
export function isBanner(s: string): boolean {
  return /^(?:nhiệt liệt )?chào mừng\s/iu.test(s) && !/[.!?]$/u.test(s);
}
