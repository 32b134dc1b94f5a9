// Dates in the news genre: "Chiều 4/3", "sáng ngày (1/4)", "Ngày 15-3", "ngày 26/6/2020",
// "ngày 12 tháng 12 năm 2013", "tháng 7/2020"; and their year, resolved against the publication date
// or, when the article has none, against the year the meeting itself is about.
// Patterns run on folded text (lower case, no diacritics, same offsets as norm).
import { scan } from "./scan.js";

export interface DateMention {
  start: number; // offsets in the text searched (norm/folded)
  end: number;
  day: number | null; // null for "tháng 7/2020"
  month: number;
  year: number | null; // as written; null when the text leaves it out
  /** Introduced as a time ("sáng", "chiều", "ngày", "hôm", or a bracket): a meeting date, not a fraction. */
  marked: boolean;
  rule: string;
}

/** What a sentence says the meeting is about: "tổng kết … năm 2021", "giao ước thi đua năm 2022", "năm 2020". */
export interface YearCue {
  year: number;
  kind: "review" | "midterm" | "plan" | "plain";
}

export interface DateRef {
  /** Publication date, "YYYY-MM-DD". */
  pubDate: string | null;
  /** Year the meeting is about, used only when there is no publication date. */
  cue: YearCue | null;
  /** The text announces the date ("sẽ diễn ra", "tới"): it may lie months after publication. */
  future?: boolean;
}

const TIME = String.raw`(?:(?:sang|chieu|toi|trua|dem)\s+)?(?:(?:ngay|hom|hom nay|vao ngay)\s+)?`;

interface DatePattern { name: string; re: RegExp; parts: (m: RegExpExecArray) => [number | null, number, number | null]; marked: (m: RegExpExecArray) => boolean }

const PATTERNS: DatePattern[] = [
  {
    // "ngày 12 tháng 12 năm 2013", "ngày 5 tháng 3"
    name: "date.words",
    re: new RegExp(String.raw`(?<![\p{L}\d])${TIME}(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:nam\s+|[/-]\s*)(\d{4}))?(?![\d])`, "gu"),
    parts: (m) => [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null],
    marked: (m) => /^(?:sang|chieu|toi|trua|dem|ngay|hom|vao)/u.test(m[0]),
  },
  {
    // "26/6/2020", "ngày 05-2-2020", "20.1.2020"
    name: "date.numeric-full",
    re: new RegExp(String.raw`(?<![\p{L}\d/.-])${TIME}\(?(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\)?(?![\d/])`, "gu"),
    parts: (m) => [Number(m[1]), Number(m[3]), Number(m[4])],
    marked: () => true,
  },
  {
    // "Chiều 4/3", "sáng ngày (1/4)", "Ngày 15-3", "(1/4)"
    name: "date.day-month",
    re: new RegExp(String.raw`(?<![\p{L}\d/.-])(?:${TIME}\(\s*(?:ngay\s+)?(\d{1,2})[/-](\d{1,2})\s*\)|(?:sang|chieu|toi|trua|dem|ngay|hom)\s+(?:ngay\s+|mai\s+|qua\s+|nay\s+)?(\d{1,2})[/-](\d{1,2}))(?![\d/]|-\d|\.\d)`, "gu"),
    parts: (m) => (m[1] ? [Number(m[1]), Number(m[2]), null] : [Number(m[3]), Number(m[4]), null]),
    marked: () => true,
  },
  {
    // "tháng 7/2020", "tháng 7 năm 2020": a month, no day
    name: "date.month",
    re: /(?<![\p{L}\d])thang\s+(\d{1,2})(?:\s*[/-]\s*|\s+nam\s+)(\d{4})(?!\d)/gu,
    parts: (m) => [null, Number(m[1]), Number(m[2])],
    marked: () => true,
  },
];

function valid(day: number | null, month: number, year: number | null): boolean {
  if (month < 1 || month > 12) return false;
  if (day === null) return true;
  if (day < 1 || day > 31) return false;
  const y = year ?? 2024; // a leap year lets 29/2 through when the year is unknown
  return day <= new Date(Date.UTC(y, month, 0)).getUTCDate();
}

/**
 * "Hôm qua, tại …", "Sáng nay, …", "chiều qua": a day told relative to publication, opening a sentence or a
 * clause (after "," or ";") or the story after its outlet tag or dateline ("(ĐN) - Hôm qua, …", "HÀ NỘI – Sáng nay"),
 * so a speaker's "hội nghị hôm nay" or a quote opening with it is left out. Group 1 is "qua" (the day before), "kia"
 * (two days before) or "nay" (that day). Folded.
 */
const RELATIVE_DAY = /(?<=(?:^|[\n.!?;,]|(?:\)|(?:^|\n)[\p{L} ]{2,30})\s*[-–—])\s*)(?:ngay\s+)?(?:hom|sang|chieu|toi|trua|dem)(?:\s+hom)?\s+(qua|kia|nay)(?![\p{L}\d])(?!\s*\(?\d)/gu;
const RELATIVE_OFFSET: Record<string, number> = { qua: -1, kia: -2, nay: 0 };

/** Relative days in folded[from, to) as dates, given the publication date ("YYYY-MM-DD"). */
function relativeDates(slice: string, from: number, pubDate: string): DateMention[] {
  const pub = parseIso(pubDate);
  if (!pub) return [];
  const out: DateMention[] = [];
  const re = new RegExp(RELATIVE_DAY.source, RELATIVE_DAY.flags);
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) {
    const d = new Date(pub.getTime() + RELATIVE_OFFSET[m[1]!]! * DAY_MS);
    out.push({ start: m.index, end: m.index + m[0].length, day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear(), marked: true, rule: "date.relative" });
  }
  return out;
}

/**
 * Every date written in folded[from, to), in text order, overlapping matches resolved longest first. With the
 * publication date, days told relative to it ("hôm qua", "sáng nay") are dates too.
 */
export function findDates(folded: string, from = 0, to = folded.length, pubDate: string | null = null): DateMention[] {
  const slice = folded.slice(0, to);
  const found: DateMention[] = pubDate ? relativeDates(slice, from, pubDate) : [];
  for (const p of PATTERNS) {
    for (const m of scan(p.re, slice, from)) {
      const [day, month, year] = p.parts(m);
      if (!valid(day, month, year)) continue;
      const start = m.index + (m[0].length - m[0].trimStart().length);
      found.push({ start, end: m.index + m[0].length, day, month, year, marked: p.marked(m), rule: p.name });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateMention[] = [];
  for (const d of found) {
    const last = out[out.length - 1];
    if (last && d.start < last.end) continue;
    out.push(d);
  }
  return out;
}

const CUE_PATTERNS: Array<[YearCue["kind"], RegExp]> = [
  ["midterm", /(?<![\p{L}])so ket[^.;\n]{0,80}?nam\s+(\d{4})/gu],
  ["review", /(?<![\p{L}])(?:tong ket|danh gia ket qua|binh xet)[^.;\n]{0,80}?nam\s+(\d{4})/gu],
  ["plan", /(?<![\p{L}])(?:giao uoc|ky ket|cam ket|phat dong|trien khai(?: nhiem vu| ke hoach| cong tac)?|phuong huong|ke hoach)[^.;\n]{0,60}?nam\s+(\d{4})/gu],
  ["plain", /(?<![\p{L}])nam\s+(\d{4})(?!\d)/gu],
];

/** The year cues in folded[from, to), strongest kind first (review, midterm, plan, plain). */
export function yearCues(folded: string, from = 0, to = folded.length): YearCue[] {
  const text = folded.slice(from, to);
  const out: YearCue[] = [];
  for (const [kind, re] of CUE_PATTERNS) {
    for (const m of scan(re, text)) {
      const year = Number(m[1]);
      if (year >= 1945 && year <= 2100) out.push({ year, kind });
    }
  }
  return out;
}

function parseIso(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

const DAY_MS = 86_400_000;

/**
 * Year of a day and month written without one.
 * With a publication date: that year, unless the date would fall more than two months after publication
 * (a December meeting reported in January: the year before) or ten months before it (the next year).
 * Without one: the year the meeting is about. A year-end review of Y held in January–April was held in Y+1;
 * a covenant or plan for Y signed in November–December was signed in Y-1; anything else is Y.
 */
export function inferYear(day: number | null, month: number, ref: DateRef): number | null {
  const pub = ref.pubDate ? parseIso(ref.pubDate) : null;
  if (pub) {
    const y = pub.getUTCFullYear();
    const at = Date.UTC(y, month - 1, day ?? 1);
    if (at - pub.getTime() > 62 * DAY_MS && !ref.future) return y - 1;
    if (pub.getTime() - at > 300 * DAY_MS) return y + 1;
    return y;
  }
  const cue = ref.cue;
  if (!cue) return null;
  if (cue.kind === "review" && month <= 4) return cue.year + 1;
  if (cue.kind === "plan" && month >= 11) return cue.year - 1;
  return cue.year;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DD" for a date mention, its year inferred when not written; null when unknown or only a month. */
export function resolveDate(d: Pick<DateMention, "day" | "month" | "year">, ref: DateRef): string | null {
  if (d.day === null) return null;
  const year = d.year ?? inferYear(d.day, d.month, ref);
  if (year === null || !valid(d.day, d.month, year)) return null;
  return `${year}-${pad(d.month)}-${pad(d.day)}`;
}
