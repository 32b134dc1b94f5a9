// Rules of the events recogniser. Patterns run on the folded text (lower case, no diacritics).
// The vocabulary (what each kind of meeting is called) is in lexicons/event-words.txt; the grammar is here.
import type { EventType } from "../../types.js";
import { loadLexicon } from "../lexicon.js";
import { fold } from "../normalize.js";
import type { Rule } from "./context.js";

function wordsOf(type: EventType): string {
  return loadLexicon("event-words")
    .filter(([, t]) => t === type)
    .map(([w]) => fold(w).replace(/\s+/g, String.raw`\s+`))
    .sort((a, b) => b.length - a.length)
    .join("|");
}

const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;

export interface EventRule extends Rule { type: EventType }

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
  confidence: 0.6,
};

export const EVENT_RULES: EventRule[] = [EVENT_REVIEW, EVENT_REVIEW_ASSESS, EVENT_SIGNING, EVENT_LAUNCH, EVENT_DEPLOY, EVENT_OTHER];

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
