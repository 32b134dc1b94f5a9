// Rules of the events recogniser. Patterns run on the folded text (lower case, no diacritics).
// The vocabulary (what each kind of meeting is called) is in lexicons/event-words.txt; the grammar is here.
import type { EventType } from "../../types.js";
import { loadLexicon } from "../lexicon.js";
import { fold } from "../normalize.js";
import type { Rule } from "./context.js";

function wordsOf(type: EventType | "exchange"): string {
  return loadLexicon("event-words")
    .filter(([, t]) => t === type)
    .map(([w]) => fold(w).replace(/\s+/g, String.raw`\s+`))
    .sort((a, b) => b.length - a.length)
    .join("|");
}

/** The same words as written (lower case, diacritics kept): folded, "hội thao" (sports) and "hội thảo" (seminar) are one. */
function writtenOf(type: EventType | "exchange"): RegExp {
  const words = loadLexicon("event-words").filter(([, t]) => t === type).map(([w]) => w.toLowerCase().replace(/\s+/g, String.raw`\s+`));
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${words.sort((a, b) => b.length - a.length).join("|")})(?![\p{L}\p{N}])`, "u");
}

const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;

export interface EventRule extends Rule {
  type: EventType;
  /** When set, the matched span as written (lower case) must also hold one of the rule's words with its diacritics. */
  written?: RegExp;
}

/** "Hội nghị tổng kết công tác thi đua năm 2021", "Khối … tổng kết …", "sơ kết 6 tháng đầu năm". Not "báo cáo tổng kết". */
export const EVENT_REVIEW: EventRule = {
  name: "events.review",
  type: "review",
  pattern: new RegExp(String.raw`${B}(?<!(?:bao cao|du thao|noi dung|ket qua)\s+)(?:${wordsOf("review")})${E}(?!\s+(?:kinh nghiem|thuc tien))`, "gu"),
  produces: "a review meeting (tổng kết, sơ kết)",
  confidence: 0.85,
};

/** "Hội nghị đánh giá kết quả hoạt động của Cụm": a review only with the meeting noun. */
export const EVENT_REVIEW_ASSESS: EventRule = {
  name: "events.review-assessment",
  type: "review",
  pattern: new RegExp(String.raw`${B}hoi nghi\s+danh gia(?:\s+ket qua)?${E}`, "gu"),
  produces: "a review meeting named 'Hội nghị đánh giá (kết quả)'",
  confidence: 0.8,
};

/** "ký kết giao ước thi đua", "ký giao ước", "ký cam kết", "tiến hành ký kết thi đua". */
export const EVENT_SIGNING: EventRule = {
  name: "events.signing",
  type: "signing",
  pattern: new RegExp(String.raw`${B}(?:${wordsOf("signing")})${E}(?!\s+(?:tu|hoi|truoc do)${E})`, "gu"),
  produces: "a covenant signing (ký kết / ký giao ước / ký cam kết)",
  confidence: 0.85,
};

/** "Lễ phát động phong trào thi đua", "Hội nghị phát động thi đua", "tổ chức phát động". */
export const EVENT_LAUNCH: EventRule = {
  name: "events.launch",
  type: "launch",
  pattern: new RegExp(String.raw`${B}(?:le|hoi nghi|buoi le|chuong trinh|to chuc)\s+(?:${wordsOf("launch")})${E}`, "gu"),
  produces: "a launch of an emulation drive, with a meeting noun before 'phát động'",
  confidence: 0.75,
};

/**
 * "tổ chức hội nghị triển khai nhiệm vụ, phát động phong trào thi đua và ký kết giao ước": "phát động" with its object
 * (a drive), listed after the verb of a meeting noun (LAUNCH_LISTED_BEFORE, checked in events.ts).
 */
export const EVENT_LAUNCH_LISTED: EventRule = {
  name: "events.launch-listed",
  type: "launch",
  pattern: new RegExp(String.raw`${B}phat dong\s+(?:phong trao\s+)?thi dua${E}`, "gu"),
  produces: "a launch listed among what a meeting of the story does",
  confidence: 0.7,
};
/**
 * The meeting noun and its first verb phrase, then a comma or "và", right before "phát động"; or an organising verb
 * with a signing or review ("tổ chức ký kết giao ước thi đua và phát động phong trào …": one meeting, two events).
 * Folded, in the sentence.
 */
export const LAUNCH_LISTED_BEFORE = new RegExp(String.raw`(?<![\p{L}])(?:(?:hoi nghi|le|buoi le)\s+[^.;:,]{1,60}|(?:to chuc|tien hanh)\s+(?:${wordsOf("signing")}|${wordsOf("review")})${E}[^.;:,]{0,60}?)(?:,|\s+va)\s+$`, "u");

/** "Hội nghị triển khai nhiệm vụ công tác thi đua năm 2022": a launch only when the meeting neither signs nor reviews. */
export const EVENT_DEPLOY: EventRule = {
  name: "events.launch-deployment",
  type: "launch",
  pattern: new RegExp(String.raw`${B}hoi nghi\s+trien khai${E}`, "gu"),
  produces: "a meeting that deploys the year's tasks, a launch when nothing is signed or reviewed there",
  confidence: 0.6,
};

/** "Hội nghị giao ban Cụm thi đua", "hội thảo", "tọa đàm". */
export const EVENT_OTHER: EventRule = {
  name: "events.other",
  type: "other",
  pattern: new RegExp(String.raw`${B}(?:hoi nghi|buoi|to chuc)\s+(?:${wordsOf("other")})${E}`, "gu"),
  produces: "another meeting of the cluster (giao ban, hội thảo, tọa đàm)",
  written: writtenOf("other"),
  confidence: 0.6,
};

/** "giao lưu thể thao", "hội thao", "giao lưu văn nghệ" held by the cluster: another event (the words are in event-words, "exchange"). */
export const EVENT_EXCHANGE: EventRule = {
  name: "events.exchange",
  type: "other",
  pattern: new RegExp(String.raw`${B}(?:${wordsOf("exchange")})${E}`, "gu"),
  produces: "a sports or cultural exchange of the cluster, when the story reports it as held (dated, in the lead, or 'tổ chức')",
  written: writtenOf("exchange"),
  confidence: 0.6,
};

export const EVENT_RULES: EventRule[] = [EVENT_REVIEW, EVENT_REVIEW_ASSESS, EVENT_SIGNING, EVENT_LAUNCH, EVENT_LAUNCH_LISTED, EVENT_DEPLOY, EVENT_OTHER, EVENT_EXCHANGE];

/**
 * A review word names this story's meeting only with a meeting noun or an organising verb before it ("Hội nghị tổng
 * kết", "tổ chức sơ kết") or with what is reviewed after it ("tổng kết công tác / phong trào / năm 2023 / 6 tháng").
 * "định kỳ sơ kết, tổng kết", "tổng kết, rút kinh nghiệm" are tasks, not meetings. Folded.
 */
export const REVIEW_MEETING_BEFORE = /(?<![\p{L}])(?:hoi nghi|le|buoi|phien|cuoc hop|hop|to chuc|tien hanh)\s+(?:[\p{L}\d-]+\s+){0,2}$/u;
export const REVIEW_OBJECT_AFTER = /^\s+(?:cong tac|phong trao|hoat dong|(?:viec\s+)?thuc hien|chuong trinh|giao uoc|nhiem vu|nam\s+(?:hoc\s+)?\d{4}|\d{1,2}\s+thang|nhiem ky|giai doan|cac phong trao|thi dua|ket qua)(?![\p{L}])/u;
/**
 * A review still to be held or a task ("sẽ tổ chức tổng kết", "việc sơ kết", "định kỳ tổng kết", "định kỳ 6 tháng tổ
 * chức sơ kết", "hằng quý sơ kết"): no meeting of the story. Folded, right before the word.
 */
export const REVIEW_TASK_BEFORE = /(?<![\p{L}])(?:se|viec|de|nham|chuan bi|dinh ky(?:\s+(?:\d{1,2}\s+thang|hang (?:nam|quy|thang)|moi (?:nam|quy)))?|hang (?:nam|quy)|tien toi|du kien|cuoi nam|kip thoi|cong tac)\s+(?:(?:to chuc|tien hanh)\s+)?$/u;

/**
 * "Khối trưởng có trách nhiệm xây dựng kế hoạch, tổ chức ký kết giao ước …", "Cụm trưởng có nhiệm vụ tổ chức sơ kết":
 * a meeting named as someone's duty is a rule of the cluster, not a meeting the story reports. Folded, in the
 * sentence before the word, the duty's clause running on over commas.
 */
export const DUTY_BEFORE = /(?<![\p{L}])(?:(?:co|chiu|mang) trach nhiem|(?:co|duoc giao) nhiem vu)(?![\p{L}])(?=[^.;:!?]{0,90}$)/u;

/** "bản đăng ký giao ước": registering for the covenant, not the signing. Lower case with diacritics, right before "ký". */
export const REGISTERED_BEFORE = /(?<![\p{L}])đăng\s+$/u;

/** An exchange reported among the year's results ("trong năm, Cụm đã tổ chức hội thao …") is no event of the story. Folded, in its sentence. */
export const RESULTS_CONTEXT = /(?<![\p{L}])(?:trong nam|nam qua|thoi gian qua|hang nam|thuong xuyen|nhieu)(?![\p{L}])/u;

/** "tại hội trường UBND xã Cai Kinh": where the meeting was held. Folded. */
export const LOCATION: Rule = {
  name: "events.location-tai",
  pattern: /(?<![\p{L}])tai\s+(?!(?:hoi nghi|buoi|le|day|do|cho|cuoc|phien|dai hoi|chuong trinh|ky hop|cum|khoi|cac|nhieu|moi|mot so|don vi|dia phuong|co so|hoi thao)(?![\p{L}]))/gu,
  produces: "the place after 'tại' in the sentence of the meeting or of its date",
  confidence: 0.7,
};

/** Where a location stops: punctuation, or the clause after it (the cluster, a verb, "diễn ra"). Folded. */
export const LOCATION_STOP = /[,;.:()"\n]|\s-\s|\s(?:cum|khoi|se|da|dang|vua|dien ra|to chuc|do|voi|nham|de|ve viec|cac don vi|dong chi|ong|ba|hoi nghi|le|thanh vien)(?![\p{L}])/u;

/** A meeting word inside a document's name ("báo cáo tổng kết", "kế hoạch phát động") is no meeting. Folded, before the word. */
export const NOT_A_MEETING = /(?:bao cao|du thao|ke hoach|quy che|huong dan|cong van)\s+$/u;

/** "các nội dung giao ước thi đua đã ký kết": the covenant signed earlier, referred to. Folded, before the word. */
export const SIGNED_BEFORE = /(?:(?:giao uoc|noi dung|cam ket|chi tieu|chuong trinh)[^,.;:]{0,30}?(?:da|duoc|da duoc)|(?:tu|ngay tu|vao) dau nam[^.;:]{0,40}?)\s+$/u;

/**
 * "Cùng ngày, tại X, Khối … cũng tổ chức hội nghị sơ kết", "Buổi chiều, tại huyện Y, Cụm số 2 cũng ký …": a meeting on
 * the day of the one before it (a part of that day). Folded, at the sentence start.
 */
export const SAME_DAY = /^(?:cung ngay|cung trong ngay|cung buoi (?:sang|chieu)|cung thoi gian nay|cung (?:sang|chieu) nay|(?:vao\s+|trong\s+)?buoi (?:sang|chieu|toi)|(?:sang|chieu|toi) cung ngay)\s*,/u;
