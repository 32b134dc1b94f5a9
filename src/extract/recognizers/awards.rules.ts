// Rules of the awards recogniser. Award names are in lexicons/awards.txt; the grammar around them is here.
// Patterns run on folded text (lower case, no diacritics) unless said otherwise.
import type { AwardStatus } from "../../types.js";
import type { Rule } from "./context.js";

/** Bare heads that take their issuer from the words after them ("Bằng khen của Bộ trưởng Bộ Công an"). Folded. */
export const BARE_HEADS = /^(?:co thi dua|bang khen|giay khen|co thi dua xuat sac|bang khen cua|co thi dua cua)$/u;

/**
 * The issuer after a bare head, as written (capitals are checked): "của" and any capitalised name, or, without
 * "của", a national or provincial authority ("Bằng khen Thủ tướng Chính phủ", "Cờ thi đua UBND tỉnh").
 */
export const ISSUER_HEAD = /^\s+(?:của\s+\p{Lu}|(?:Thủ tướng|Chính phủ|Chủ tịch|UBND|Ủy ban|Bộ trưởng|Bộ|Tổng Liên đoàn|Trung ương|Giám đốc|Hội đồng|HĐND)(?![\p{L}]))/u;
/** Issuer words written in lower case inside an issuer ("UBND tỉnh Lạng Sơn", "Ủy ban nhân dân thành phố"). Folded. */
export const ISSUER_LOWER = /^(?:tinh|thanh|pho|quan|huyen|xa|phuong|nhan|dan|cua|truong|tich|uong|lao|dong|chinh|phu|tuong)$/u;

export interface StatusRule extends Rule { status: AwardStatus }

// The status verbs run on the lower-cased text with its diacritics: folded, "Cao đẳng Kỹ thuật" reads as "đăng ký"
// and "nhân dân" as "nhận".

/** Verbs of proposal, before the award: "đề nghị (khen thưởng) (tặng)", "đề xuất", "trình" (not "chương trình"). Lower case. */
export const PROPOSED: StatusRule = {
  name: "awards.proposed",
  status: "proposed",
  pattern: /(?<![\p{L}])(?:đề nghị|đề xuất|(?<!(?:chương|công|quá|lộ|tiến|hành|giáo|phương)\s)trình(?!\s+(?:bày|độ|diễn|chiếu))|xét đề nghị)(?![\p{L}])/u,
  produces: "an award proposed for the recipient",
  confidence: 0.85,
};

/** "đăng ký (danh hiệu)": the recipient registers to compete for the title. Lower case. */
export const REGISTERED: StatusRule = {
  name: "awards.registered",
  status: "registered",
  pattern: /(?<![\p{L}])đăng k[ýí](?![\p{L}])/u,
  produces: "an award (title) the unit registered to compete for",
  confidence: 0.8,
};

/** "tặng", "trao (tặng)", "được nhận", "đón nhận", "được tặng", "khen thưởng": the award given. Lower case. */
export const CONFERRED: StatusRule = {
  name: "awards.conferred",
  status: "conferred",
  pattern: /(?<![\p{L}])(?:tặng|trao|nhận|khen thưởng|vinh dự|công nhận)(?![\p{L}])/u,
  produces: "an award conferred on the recipient",
  confidence: 0.85,
};

export const STATUS_RULES: StatusRule[] = [PROPOSED, REGISTERED, CONFERRED];

// The next patterns run on the lower-cased text with its diacritics (awards.ts lowerOf): folded, "đô thị" would
// read as "do" (because), "nhân dân" as "nhận" (receives), "Đa" as "đã".

/** Before the award, a subject that receives it: "X (được …) (đề nghị) tặng", "X nhận", "X đăng ký". Lower case. */
export const RECEIVER_VERBS = /(?<![\p{L}])(?:được|nhận|đón nhận|đăng ký|vinh dự)(?![\p{L}])/u;

/** Where the subject (recipient) of a clause ends: its verb group starts. Lower case, anchored at a word. */
export const SUBJECT_END = /(?<![\p{L}])(?:được|đã|vừa|sẽ|đăng ký|nhận|đón nhận|vinh dự|đều|cũng|liên tục|xuất sắc|dẫn đầu|đứng đầu|xếp)(?![\p{L}])/u;

/**
 * "đề nghị Sở Tư pháp được nhận …", "đề xuất UBND tỉnh tặng …": after a proposal verb a new subject (a name) starts;
 * the units before the verb only propose. Not after "được" ("X được đề nghị Bộ trưởng … tặng": X receives).
 * Lower case; the name after it is checked in awards.ts.
 */
export const PROPOSAL_THEN_SUBJECT = /(?<![\p{L}])(?<!được\s+)(?:đề nghị|đề xuất|kiến nghị)(?:\s+(?:cấp trên|cấp có thẩm quyền|xét))?\s+/gu;

/** A clause that gives an award itself, not under the proposal of the same sentence: "đã trao", "đón nhận", "vinh dự". Lower case. */
export const OWN_CONFERRAL = /(?<![\p{L}])(?:đã|vừa|được|đón nhận|vinh dự|nhận)(?![\p{L}])/u;

/** After the award: "(tặng) cho X", "được trao cho X". Folded, anchored at the award's end. */
export const FORWARD_CHO = /^\s*"?\s*(?:nam\s+\d{4}\s+)?(?:(?:da\s+)?duoc\s+)?(?:(?:trao tang|tang|trao|khen thuong)\s+)?cho(?:\s*:\s*|\s+)/u;

/**
 * Adverbials that open a clause before its subject: "Năm 2020,", "Đồng thời,", "Tại hội nghị,", "(Cũng) (nhân) dịp này,", and a
 * speaker's setting ("Phát biểu tại hội nghị,"), the grounds of a decision ("Qua bình xét,", "Sau khi thảo luận,", "Trên cơ sở kết quả chấm điểm,", "Căn cứ …,",
 * "Theo bảng đăng ký đầu năm,"), a time of year ("Đầu năm,", "Cuối năm 2023,"). Folded.
 */
export const CLAUSE_OPENER = /^(?:[;,.:\s]|va\s|(?:qua|sau khi|tren co so|can cu|theo|thuc hien)\s[^,;.]{0,80},|(?:dau|cuoi|giua)\s+nam(?:\s+(?:nay|\d{4}))?\s*,|(?:ve|doi voi|rieng ve)\s[^,;.]{0,60},|phat bieu\s[^,;.]{0,80},|dong thoi\s*,?|theo do\s*,?|ket qua\s*,?|(?:cung\s+)?(?:nhan\s+)?dip nay\s*,?|(?:cung\s+)?tai (?:hoi nghi|buoi le|le)[^,]{0,40},|ngoai ra\s*,?|(?:trong\s+)?nam\s+\d{4}\s*,|rieng\s+)+/u;

/**
 * Where a recipient list stops: punctuation, a lower-case word of the sentence going on ("… là hai đơn vị dẫn
 * đầu": what follows restates the recipients), a year, the grounds ("… theo Quyết định số …"). Lower case.
 */
export const RECIPIENT_STOP = /[.()"\n]|\s(?:vì|do|đã|có|là|về thành tích|nhân dịp|trong|đạt|nhằm|để|tại|với|được|vào|theo|căn cứ|(?:năm|giai đoạn)(?=\s+\d{4}))(?![\p{L}])/u;

/** The year of the achievement: "dẫn đầu phong trào thi đua năm 2020", "thành tích … năm 2021", "trong năm 2022". Folded. */
export const ACHIEVEMENT_YEAR = /(?:phong trao thi dua|thanh tich|nhiem vu|cong tac|dan dau|trong)[^.;]{0,50}?nam\s+(\d{4})/u;

/** A shared head before the recipients: "2 thành phố dẫn đầu … là", "03 đơn vị gồm:", "các tỉnh". Folded; 1 = count. */
export const COUNTED_HEAD = /^(\d{1,3}|hai|ba|bon|nam|sau|bay|tam|chin|muoi|cac|nhung)\s+/u;

/** "suy tôn X là đơn vị dẫn đầu, đề nghị tặng Cờ thi đua": the unit honoured by the vote receives the award. Folded. */
export const HONOURED = /(?<![\p{L}])(?:suy ton|binh chon|binh xet)\s+(?!(?:don vi|cac|nhung|tap the|ca nhan)(?![\p{L}]))/gu;
/** "cho đơn vị này", "cho tập thể trên": the recipient named earlier in the sentence. Lower case, anchored after "cho". */
export const BACK_REFERENCE = /^(?:đơn vị|tập thể|cơ quan|địa phương)\s+(?:này|trên|nói trên)(?![\p{L}])/u;
/** Where the honoured unit ends: "là", "làm", a comma. Lower case. */
export const HONOURED_END = /\s(?:là|làm|đạt|dẫn đầu|xếp)(?![\p{L}])|[,;.]/u;

/**
 * "đồng chí X ghi nhận (năm 2023) Hội Nông dân huyện Y được tặng …", "ông X cho biết, Sở Y đã nhận …": a
 * reporting verb opens a clause of its own; its subject (a name, checked in awards.ts) is the recipient, the
 * speaker before the verb is not. An adverbial of time may come between. Lower case with diacritics (folded,
 * "ghi nhận" would be one with the receiving verb "nhận").
 */
export const REPORTED_SUBJECT = /(?<![\p{L}])(?:ghi nhận|cho biết|khẳng định|nhấn mạnh|nêu rõ|thông tin)(?:\s+rằng)?\s*,?\s+(?:(?:trong\s+|vào\s+)?năm\s+\d{4}\s*,?\s+)?/gu;

/**
 * A quantifier is no recipient's name ("Toàn huyện", "Tất cả các xã", "Nhiều tập thể"), nor is a meeting ("Hội nghị
 * cũng ghi nhận …": the meeting records, the units register). The words are in this lexicon, matched at the
 * start of a candidate.
 */
export const NOT_A_RECIPIENT_LEXICON = "not-recipients";

/**
 * "cho Cục Thuế tỉnh B, đơn vị dẫn đầu Cụm", "cho A và B, hai đơn vị dẫn đầu Cụm", "…, các tỉnh dẫn đầu Khối":
 * after a comma, a common noun for a unit in lower case (counted or not) restates the recipients (an
 * apposition); it ends the list. A counted noun followed by a name ("…, 2 thành phố Cần Thơ và Hải Phòng") is
 * another group of recipients, not an apposition. As written, anchored at the piece after the comma.
 */
export const APPOSITION = /^(?:(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|cả hai|cả ba|các|những|\d{1,2})\s+(?:đơn vị|tập thể|cơ quan|địa phương|tỉnh|thành phố|huyện|quận|thị xã|xã|phường|sở|ngành|trường|doanh nghiệp)(?![\p{L}])(?!\s+\p{Lu})|(?:đơn vị|tập thể|cơ quan|địa phương|là)(?![\p{L}]))/u;

/** "… ghi nhận đăng ký của các đơn vị: A và B đăng ký …": after a colon a list of names opens a clause of its own. Lower case. */
export const COLON_SUBJECT = /:\s*/gu;

/**
 * "…, vì đã có thành tích …; A và B được UBND tỉnh tặng Bằng khen": when the words after the previous award give no
 * subject, the names after the last ';' before the award open a clause of their own. Lower case.
 */
export const SEMICOLON_SUBJECT = /;\s*/gu;

/** "X được Cụm đề nghị Bộ Y tặng …": a passive "được" before the proposal verb; X is the recipient. Lower case. */
export const PASSIVE_BEFORE = /(?<![\p{L}])được(?![\p{L}])/u;

/** Between two awards of one clause: "A và B", "A, B". As written. */
export const AWARD_JOIN = /^\s*(?:,|và|,\s*và)\s*$/u;
