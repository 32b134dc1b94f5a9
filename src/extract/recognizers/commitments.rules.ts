// Rules of the commitments recogniser. Patterns run on the folded text (lower case, no diacritics).
import type { Rule } from "./context.js";

/** Words that make a sentence about the covenant (giao ước, cam kết, ký kết, đăng ký thi đua). Folded. */
export const COVENANT = /(?<![\p{L}])(?:giao uoc|cam ket|ky ket|dang ky thi dua)(?![\p{L}])/u;

const COUNT = String.raw`(\d{1,2}|mot so|cac|nhung|hai|ba|bon|nam|sau|bay|tam|chin|muoi(?: mot| hai| ba| bon| lam)?)`;
const HEAD = String.raw`(?:noi dung|chi tieu|tieu chi|nhom nhiem vu|nhiem vu|muc tieu|nhom tieu chi|nhom noi dung|phong trao thi dua|phong trao)`;

/** The list head: "với 4 nội dung", "các nội dung gồm", "với một số nội dung sau". Folded; group 1 is the count. */
export const LIST_HEAD = new RegExp(String.raw`(?<![\p{L}])${COUNT}\s+${HEAD}(?![\p{L}])(?:\s+(?:chinh|chu yeu|trong tam|co ban|cu the|sau day|sau|nhu sau|nhu|gom|bao gom|la))*\s*(:)?`, "u");

/**
 * The covenant verb and a colon inside the sentence, the items following on the same line:
 * "đã ký giao ước thi đua, cam kết: A; B; C.", "cam kết thực hiện tốt: A; B." (up to four words between). Folded.
 */
export const COVENANT_COLON = /(?<![\p{L}])(?:cam ket|giao uoc(?: thi dua)?|dang ky thi dua)(?:\s+[\p{L}\d]+){0,4}\s*:\s*/u;

/** A line that opens the items after the head: "Cụ thể:", "Cụ thể là:", "Các nội dung gồm:". Folded. */
export const ITEMS_OPENER = /^(?:cu the(?: la| nhu sau)?|gom|bao gom|cac noi dung (?:gom|cu the|nhu sau)|noi dung (?:gom|cu the))\s*:\s*/u;

/** Advice, requests and results are not commitments: a head sentence with one of these before the list is skipped. Folded. */
export const NOT_COMMITMENT = /(?<![\p{L}])(?:de nghi|yeu cau|de xuat|chi dao|nhan manh|luu y|giao nhiem vu|ket qua|da dat duoc|dat duoc|hoan thanh|bao cao|da (?:thuc hien|trien khai|to chuc thuc hien|lam tot)|nam qua|thoi gian qua)(?![\p{L}])/u;

/** Phrases that hold a NOT_COMMITMENT word without being advice or results: "theo đề nghị của Ban Thi đua", "trên cơ sở kết quả năm 2023". Folded. */
export const NOT_COMMITMENT_EXCUSED = /(?<![\p{L}])(?:theo de nghi cua|tren co so (?:danh gia )?ket qua|can cu (?:vao )?ket qua)(?![\p{L}])/gu;

/** A numbered item marker at the start of a line: "1.", "2)", "(3)", "1/", "a)", "Một là,", "Thứ hai,". Folded. */
export const NUMBERED = /^(?:\(?\d{1,2}[.)/]|\(\d{1,2}\)|[a-h]\)|(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi) la\s*[,:]?|thu (?:nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi)(?: la)?\s*[,:])\s+/u;
/** Inside one paragraph, where the next item counted in words starts: "…; hai là, …", "… . Thứ ba, …". Folded; the match is the separator. */
export const WORD_COUNTED_CUT = /[;.]\s+(?=(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi) la\s*[,:]|thu (?:nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi)(?: la)?\s*[,:])/gu;
/** A sub-bullet at the start of a line: "- ", "+ ", "•". */
export const BULLET = /^[-+•*]\s*/u;

/** A line that ends a list of paragraph items: the report goes on (a speaker, the meeting, a caption). Folded. */
export const LIST_ENDS = /^(?:phat bieu|tai hoi nghi|tai buoi|tai le|theo|dong chi|ong|ba|hoi nghi|dip nay|truoc do|ben canh do|ngoai ra|cung tai|thay mat|ket thuc|nhan dip|dai dien|chu tich|pho chu tich|giam doc|cac dai bieu|buoi le|le ky|anh:|nguon)(?![\p{L}])|(?:phat bieu|cho biet|nhan manh|khang dinh|chia se)(?![\p{L}])/u;

export const COMMIT_NUMBERED: Rule = {
  name: "commitments.numbered-items",
  pattern: NUMBERED,
  produces: "one commitment per numbered item after the covenant's list head; sub-bullets stay with their item",
  confidence: 0.9,
};

export const COMMIT_PARAGRAPHS: Rule = {
  name: "commitments.paragraph-items",
  pattern: ITEMS_OPENER,
  produces: "one commitment per paragraph after 'với N nội dung … Cụ thể:', N paragraphs when N is stated",
  confidence: 0.8,
};

export const COMMIT_INLINE: Rule = {
  name: "commitments.inline-list",
  pattern: LIST_HEAD,
  produces: "one commitment per ';'-separated item after 'cam kết … các nội dung gồm:' or after 'cam kết:' inside the sentence (two items at least)",
  confidence: 0.85,
};

export const COMMIT_COUNT: Rule = {
  name: "commitments.stated-count",
  pattern: LIST_HEAD,
  produces: "a note (not a fact) when the count the head states ('với 5 nội dung') differs from the items found",
  confidence: 0.7,
};

/** A lead-in that names the covenant and ends in a colon, without a count: "Theo giao ước, các đơn vị cam kết:". */
export const COMMIT_LEAD_IN: Rule = {
  name: "commitments.lead-in-lines",
  pattern: /:\s*$/u,
  produces: "one commitment per line of the list (one line each, ending in ';' or '.') right after a covenant sentence ending in ':'",
  confidence: 0.8,
};
