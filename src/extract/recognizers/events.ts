// Events recogniser: the meetings the story reports (signing, review, launch, other), with date and place.
// A mention is a meeting word in a sentence (events.rules.ts). Mentions of one type on one date are one
// event; a mention with no date of its own takes the date of the meeting the story opens with, so a
// meeting that both reviews and signs gives two events on the same day. "Cùng ngày, tại Y, …" opens
// another meeting on that day: an event of its own when its place differs.
import type { EventFact, EventType } from "../../types.js";
import { findDates, resolveDate, yearCues, type DateMention, type YearCue } from "../dates.js";
import { prov, sentenceAt, type Doc } from "../doc.js";
import { fold } from "../normalize.js";
import type { Sentence } from "../sentences.js";
import { syllables } from "../syllables.js";
import { ADMIN_NOUN } from "../unit-nouns.js";
import type { Context } from "./context.js";
import { recognizeCommitments } from "./commitments.js";
import { findDocuments } from "./documents.js";
import { EVENT_DEPLOY, EVENT_EXCHANGE, EVENT_LAUNCH_LISTED, EVENT_REVIEW, LAUNCH_LISTED_BEFORE, DUTY_BEFORE, EVENT_RULES, LOCATION, LOCATION_STOP, NOT_A_MEETING, REGISTERED_BEFORE, RESULTS_CONTEXT, REVIEW_MEETING_BEFORE, REVIEW_OBJECT_AFTER, REVIEW_TASK_BEFORE, SAME_DAY, SIGNED_BEFORE, type EventRule } from "./events.rules.js";
import { scan } from "../scan.js";

const MAX_LOCATION_SYLLABLES = 16;
/** " - HĐND", " - UBND": a dash then an acronym (two capitals or more, no lower-case letter after). As written. */
const ORGAN_AFTER_DASH = /^\s-\s\p{Lu}{2,}(?![\p{L}])/u;
const CUE_RANK: Record<YearCue["kind"], number> = { review: 0, midterm: 1, plan: 2, plain: 3 };

interface Mention {
  type: EventType;
  rule: EventRule;
  start: number;
  end: number;
  sent: Sentence;
  date: DateMention | null;
}

/** The strongest year cue of a span: what the meeting is about ("tổng kết … năm 2021"). */
function bestCue(doc: Doc, from: number, to: number): YearCue | null {
  const cues = yearCues(doc.folded, from, to).sort((a, b) => CUE_RANK[a.kind] - CUE_RANK[b.kind]);
  return cues[0] ?? null;
}

/** Dates that can be a meeting's: introduced as a time, and not the date of a cited document. */
function meetingDates(doc: Doc, s: Sentence, docSpans: Array<[number, number]>): DateMention[] {
  return findDates(doc.folded, s.start, s.end, doc.pubDate).filter((d) => d.marked && d.day !== null
    && !docSpans.some(([a, b]) => d.start >= a && d.start < b)
    && !/(?<![\p{L}])(?:tu|den|truoc|sau|han|thoi han)\s+$/u.test(doc.folded.slice(Math.max(s.start, d.start - 12), d.start))); // a range or deadline is not the meeting day
}

/** "(phường Trấn Biên)", "(TP Vinh)": an administrative unit with its name, in brackets. As written. */
const BRACKET_PLACE = new RegExp(String.raw`^\(\s*(?:${ADMIN_NOUN})\s+\p{Lu}[\p{L}\d ]{0,40}\)`, "u");

/** LOCATION_STOP as a global pattern for matchAll, compiled once. */
const LOCATION_STOPS = new RegExp(LOCATION_STOP.source, "gu");

/** "tại hội trường UBND xã Cai Kinh" in the sentence: the place up to punctuation or the next clause. */
function locationIn(doc: Doc, s: Sentence): { start: number; end: number } | null {
  const re = new RegExp(LOCATION.pattern.source, LOCATION.pattern.flags);
  const text = doc.folded.slice(0, s.end);
  re.lastIndex = s.start;
  const m = re.exec(text);
  if (!m) return null;
  const start = m.index + m[0].length;
  const rest = doc.folded.slice(start, s.end);
  // a stop word counts only where the page wrote it in lower case ("Đống Đa" is a name, "đã" a verb)
  let end = s.end;
  let bracket = 0;
  for (const st of rest.matchAll(LOCATION_STOPS)) {
    const word = doc.norm.slice(start + st.index, start + st.index + st[0].length).trim();
    if (/^\p{Lu}/u.test(word)) continue;
    // "trụ sở Đảng ủy - HĐND - UBND phường X": a dash before an organ's acronym joins organs of one seat
    if (word === "-" && ORGAN_AFTER_DASH.test(doc.norm.slice(start + st.index, start + st.index + 12))) continue;
    end = start + st.index;
    // "trụ sở Công ty X (phường Trấn Biên)": the unit the seat lies in, bracketed, is part of the place
    if (word === "(") bracket = BRACKET_PLACE.exec(doc.norm.slice(end, Math.min(s.end, end + 60)))?.[0].length ?? 0;
    break;
  }
  const words = syllables(doc.norm, start, end);
  if (!words.length || words.length > MAX_LOCATION_SYLLABLES) return null;
  if (!words.some((w) => w.cap)) return null; // a place has a name
  return { start, end: bracket ? end + bracket : words[words.length - 1]!.end };
}

function resolve(doc: Doc, d: DateMention, s: Sentence): string | null {
  const cue = bestCue(doc, s.start, s.end) ?? bestCue(doc, 0, doc.bodyStart) ?? bestCue(doc, 0, doc.norm.length);
  const future = /(?<![\p{L}])(?:se|toi|sap|du kien)(?![\p{L}])/u.test(doc.folded.slice(s.start, s.end));
  return resolveDate(d, { pubDate: doc.pubDate, cue, future });
}

/** An exchange counts when the story reports it as held: dated, in the title or lead, or organised in its sentence, not among the year's results. */
function exchangeHeld(doc: Doc, s: Sentence, docSpans: Array<[number, number]>): boolean {
  const st = doc.folded.slice(s.start, s.end);
  if (RESULTS_CONTEXT.test(st)) return false;
  const lead = doc.sentences.filter((x) => x.start >= doc.bodyStart).slice(0, 2);
  return s.start < doc.bodyStart || lead.includes(s) || meetingDates(doc, s, docSpans).length > 0 || /(?<![\p{L}])(?:to chuc|dien ra)(?![\p{L}])/u.test(st);
}

export function recognizeEvents(ctx: Context): EventFact[] {
  const { doc } = ctx;
  const docSpans = findDocuments(doc).map((d) => [d.start, d.end] as [number, number]);
  // a covenant's items ("tổ chức sơ kết, tổng kết các phong trào") speak of meetings to come, not of this one
  const items = recognizeCommitments(ctx).map((c) => [c.prov.start, c.prov.end] as [number, number]);
  const inItem = (n: number) => items.some(([a, b]) => doc.map[n]! >= a && doc.map[n]! < b);
  const mentions: Mention[] = [];
  for (const rule of EVENT_RULES) {
    for (const m of scan(rule.pattern, doc.folded)) {
      const sent = sentenceAt(doc, m.index);
      if (!sent) continue;
      const before = doc.folded.slice(Math.max(sent.start, m.index - 50), m.index);
      if (NOT_A_MEETING.test(before)) continue;
      if (DUTY_BEFORE.test(doc.folded.slice(Math.max(sent.start, m.index - 120), m.index))) continue;
      if (rule.type === "signing" && (SIGNED_BEFORE.test(before) || REGISTERED_BEFORE.test(doc.norm.slice(Math.max(sent.start, m.index - 8), m.index).toLowerCase()))) continue;
      const end = m.index + m[0].length;
      if (rule.written && !rule.written.test(doc.norm.slice(m.index, end).toLowerCase())) continue;
      if (rule === EVENT_REVIEW) {
        // the story's own review meeting, not a review named as a task or as something to come
        if (REVIEW_TASK_BEFORE.test(before)) continue;
        if (!REVIEW_MEETING_BEFORE.test(before) && !REVIEW_OBJECT_AFTER.test(doc.folded.slice(end, Math.min(sent.end, end + 30)))) continue;
      }
      if (rule === EVENT_EXCHANGE && !exchangeHeld(doc, sent, docSpans)) continue;
      if (rule === EVENT_LAUNCH_LISTED && !LAUNCH_LISTED_BEFORE.test(doc.folded.slice(Math.max(sent.start, m.index - 90), m.index))) continue;
      if (docSpans.some(([a, b]) => m.index >= a && m.index < b) || inItem(m.index)) continue;
      const dates = meetingDates(doc, sent, docSpans);
      // the date nearest before the meeting word in its sentence (the dateline opens it), else the first after
      const date = dates.filter((d) => d.start < m.index).pop() ?? dates.find((d) => d.start >= m.index) ?? null;
      mentions.push({ type: rule.type, rule, start: m.index, end: m.index + m[0].length, sent, date });
    }
  }
  // "Hội nghị triển khai nhiệm vụ" is the launch only of a meeting that neither signs nor reviews
  const other = mentions.filter((m) => m.rule !== EVENT_DEPLOY);
  const kept = mentions.filter((m) => m.rule !== EVENT_DEPLOY || !other.some((o) => o.type === "signing" || o.type === "review"));
  kept.sort((a, b) => a.start - b.start);

  // the story's meeting date: the first dated mention, else a date opening one of the first body sentences
  let lead: { date: DateMention; sent: Sentence } | null = null;
  const firstDated = kept.find((m) => m.date);
  if (firstDated) lead = { date: firstDated.date!, sent: firstDated.sent };
  else {
    for (const s of doc.sentences.filter((x) => x.start >= doc.bodyStart).slice(0, 4)) {
      const d = meetingDates(doc, s, docSpans).find((x) => x.start - s.start <= 40);
      if (d) { lead = { date: d, sent: s }; break; }
    }
  }

  const events: EventFact[] = [];
  const byKey = new Map<string, EventFact>();
  const eventOf = new Map<Mention, EventFact>();
  const types = [...new Set(kept.map((m) => m.type))];
  for (const type of types) {
    const ofType = kept.filter((m) => m.type === type);
    const dated = ofType.filter((m) => m.date);
    // "Cùng ngày, tại Y, Khối B cũng tổ chức …": another meeting of the same kind on that day, at its own place
    const sameDay = dated.length ? ofType.filter((m) => !m.date && SAME_DAY.test(doc.folded.slice(m.sent.start, m.sent.end)) && locationIn(doc, m.sent)) : [];
    const groups = dated.length ? [...dated, ...sameDay].sort((a, b) => a.start - b.start) : [ofType[0]!];
    let prevDated: Mention | null = null;
    for (const m of groups) {
      const carried = !m.date && prevDated ? prevDated : null;
      if (m.date) prevDated = m;
      const dm = m.date ?? carried?.date ?? lead?.date ?? null;
      const ds = m.date ? m.sent : carried?.sent ?? lead?.sent ?? m.sent;
      const date = dm ? resolve(doc, dm, ds) : null;
      const loc = locationIn(doc, m.sent) ?? (ds !== m.sent ? locationIn(doc, ds) : null);
      const placeOf = (x: Mention) => { const l = locationIn(doc, x.sent); return l ? fold(doc.norm.slice(l.start, l.end)) : ""; };
      const where = carried && loc && placeOf(m) !== placeOf(carried) ? placeOf(m) : "";
      const key = `${type}|${date}|${where}`;
      if (byKey.has(key)) continue;
      // "Ngày 19/2, … lần lượt tổ chức ký kết. Buổi sáng, tại X, Cụm 1 … Buổi chiều, tại Y, Cụm 2 …": the day's
      // event told without a place is the first of the meetings told after it, at their places
      const told = where && carried ? eventOf.get(carried) : undefined;
      if (told && told.location === null && told.date === date) {
        told.location = doc.text.slice(doc.map[loc!.start]!, doc.map[loc!.end]!);
        byKey.set(key, told);
        continue;
      }
      const ev: EventFact = {
        type, date,
        location: loc ? doc.text.slice(doc.map[loc.start]!, doc.map[loc.end]!) : null,
        prov: prov(doc, m.start, m.end, m.rule.name, m.date ? m.rule.confidence : m.rule.confidence * 0.9),
      };
      byKey.set(key, ev);
      eventOf.set(m, ev);
      events.push(ev);
    }
  }
  return events.sort((a, b) => a.prov.start - b.prov.start);
}
