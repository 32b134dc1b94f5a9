// Publication dates as Vietnamese news pages write them, for text dumps and HTML alike.
// "04/03/2021 22:20", "09:03, 13/03/2019", "(14:16 09/04/2021)", "Ngày đăng 06/02/2020 | 14:46",
// "Thứ năm, 04/03/2021 - 22:20 (GMT+7)", "Cập nhật: …", "ngày 4 tháng 3 năm 2021", ISO "2021-03-04T22:20",
// "14h20, 12/3/2023", "Đăng lúc: 08:30 ngày 15/01/2024", "14 giờ 20 phút, ngày 12/3/2023", "8:45 PM" / "8:45 CH".
// Pages write day-first; times are Vietnam time unless an offset is given.

export const VN_OFFSET = "+07:00";

export interface FoundDate {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM (or HH:MM:SS) when the text gave a time. */
  time: string | null;
  /** "+07:00" style offset when the text gave one (ISO forms). */
  offset: string | null;
  start: number;
  end: number;
}

const pad = (n: number): string => String(n).padStart(2, "0");

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1945 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validTime(h: number, mi: number): boolean {
  return h >= 0 && h < 24 && mi >= 0 && mi < 60;
}

// hour, minute, second, then a 12-hour marker (AM/PM, SA/CH = sáng/chiều) when the page writes one
const TIME = String.raw`(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?::(\d{2}))?(?:\s*phút)?(?:\s*(am|pm|sa|ch)(?![\p{L}]))?`;
const DMY = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`;
// Date then optional time ("04/03/2021 22:20", "06/02/2020 | 14:46", "04/03/2021 - 22:20")
const DMY_TIME = new RegExp(String.raw`(?<![\d/.-])${DMY}(?![\d/])(?:\s*(?:[|,\-–—]|lúc)?\s*${TIME})?`, "giu");
// Time then date ("09:03, 13/03/2019", "14:16 09/04/2021", "22:20 ngày 04/03/2021")
const TIME_DMY = new RegExp(String.raw`(?<![\d:])${TIME}\s*(?:[,|\-–—]\s*)?(?:ngày\s*)?${DMY}(?![\d/])`, "giu");
const WORDS = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?(?!\d)/gu;

function timeOf(h?: string, mi?: string, s?: string, half?: string): string | null {
  if (h === undefined || mi === undefined) return null;
  let hour = Number(h);
  if (half) {
    if (hour < 1 || hour > 12) return null;
    const pm = /^(?:pm|ch)$/iu.test(half);
    hour = pm ? (hour % 12) + 12 : hour % 12;
  }
  if (!validTime(hour, Number(mi))) return null;
  return `${pad(hour)}:${mi}${s ? `:${s}` : ""}`;
}

/** Every date (with its time when written next to it) in `s`, in order of position. */
export function findDates(s: string): FoundDate[] {
  const out: FoundDate[] = [];
  const taken = (a: number, b: number) => out.some((f) => a < f.end && b > f.start);
  const push = (f: FoundDate) => { if (!taken(f.start, f.end)) out.push(f); };
  for (const m of s.matchAll(TIME_DMY)) {
    const [d, mo, y] = [Number(m[5]), Number(m[6]), Number(m[7])];
    if (!validDate(y, mo, d)) continue;
    push({ date: `${y}-${pad(mo)}-${pad(d)}`, time: timeOf(m[1], m[2], m[3], m[4]), offset: null, start: m.index, end: m.index + m[0].length });
  }
  for (const m of s.matchAll(DMY_TIME)) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDate(y, mo, d)) continue;
    push({ date: `${y}-${pad(mo)}-${pad(d)}`, time: timeOf(m[4], m[5], m[6], m[7]), offset: null, start: m.index, end: m.index + m[0].length });
  }
  for (const m of s.matchAll(WORDS)) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDate(y, mo, d)) continue;
    push({ date: `${y}-${pad(mo)}-${pad(d)}`, time: null, offset: null, start: m.index, end: m.index + m[0].length });
  }
  for (const m of s.matchAll(ISO)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDate(y, mo, d)) continue;
    let offset: string | null = null;
    if (m[7]) offset = m[7] === "Z" ? "+00:00" : m[7].length === 5 ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : m[7];
    push({ date: `${y}-${pad(mo)}-${pad(d)}`, time: timeOf(m[4], m[5], m[6]), offset, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** ISO 8601 for a found date: with time and offset (Vietnam time by default) when there is a time, the bare date otherwise. */
export function toIso(f: Pick<FoundDate, "date" | "time" | "offset">): string {
  if (!f.time) return f.date;
  const t = f.time.length === 5 ? `${f.time}:00` : f.time;
  return `${f.date}T${t}${f.offset ?? VN_OFFSET}`;
}

// Words that may surround a date on a dateline and carry no content of their own.
const DATELINE_WORDS =
  /(?<!\p{L})(?:ngày|đăng|ngày đăng|cập nhật|cập nhật lúc|lúc|đăng lúc|thời gian|xuất bản|published|updated|lượt xem|lượt đọc|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|\d)|chủ nhật|gmt\s*[+-]\s*\d+|utc\s*[+-]?\s*\d*|sa|ch|am|pm)(?!\p{L})/giu;

// Other fields a dateline carries beside the date: "| Tác giả: Minh Anh", "- Người đăng: admin".
const DATELINE_FIELD = /(?:^|[|•·]|\s[-–—]\s)\s*(?:tác giả|người đăng|người viết|biên tập(?: viên)?|bình luận|chuyên mục|danh mục)\s*:[^|•·]*/giu;
/** "| Tác giả: Y Khoa" on a dateline: the author, a short name (an organisation after a spaced dash is left out). */
const DATELINE_AUTHOR = /(?:^|[|•·]|\s[-–—]\s)\s*(?:tác giả|người viết)\s*:\s*([^|•·]{2,60}?)\s*(?=$|[|•·]|\s[-–—]\s)/iu;

export function datelineAuthor(line: string): string | null {
  return DATELINE_AUTHOR.exec(line)?.[1] ?? null;
}

const INVISIBLE_CHARS = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/gu;
// Up to five capitalised words and a comma just before the date (\u0001 marks where it was).
const DATELINE_PLACE = /^\s*(?:\p{Lu}[\p{L}.]*\s+){0,4}\p{Lu}[\p{L}.]*\s*,\s*(?=\u0001)/u;
// A short section label set off from the date by a bar or a spaced dash: "Thời sự | 12/06/2023 08:45".
const LABEL_SEGMENT = /^[^\d.!?;:,]*$/u;

/**
 * The date of a dateline: a line that is only a date (and time), possibly with the usual labels
 * ("Ngày đăng … | Lượt xem: 309", "( Cập nhật lúc: 09/01/2023 )", "Thứ năm, 04/03/2021 - 22:20 (GMT+7)",
 * "Ngày đăng: 12/03/2023 | Tác giả: Minh Anh", "Thời sự | 12/06/2023").
 * Returns null for a sentence that merely contains a date.
 */
export function datelineDate(line: string): FoundDate | null {
  // invisible characters ("Cập\u200b nhật") are not there for the reader; the date's offsets are then the stripped line's
  line = line.replace(INVISIBLE_CHARS, "");
  const found = findDates(line);
  const first = found[0];
  if (!first) return null;
  let rest = line;
  for (const f of [...found].reverse()) rest = rest.slice(0, f.start) + " \u0001 " + rest.slice(f.end);
  const fielded = DATELINE_FIELD.test(rest);
  DATELINE_FIELD.lastIndex = 0;
  rest = rest.replace(/lượt (?:xem|đọc)\s*:?\s*[\d.,]+/giu, " ").replace(DATELINE_FIELD, " ").replace(DATELINE_WORDS, " ");
  // "Đà Nẵng, 01/03/2024 | Tác giả: …": a place before the date is the dateline's when the line also names its
  // author or poster (alone, "Hà Nội, ngày 12 tháng 3 năm 2023" is as likely the signing line of a quoted document)
  if (fielded) rest = rest.replace(DATELINE_PLACE, " ");
  // a time written apart from its date ("Cập nhật lúc 11:20, Thứ Bảy, 02/03/2024"): the date's time
  const apart = new RegExp(`(?<![\\d/.:-])${TIME}(?![\\d/.:-])`, "iu").exec(rest);
  if (apart) {
    rest = rest.slice(0, apart.index) + " " + rest.slice(apart.index + apart[0].length);
    if (!first.time && validTime(Number(apart[1]), Number(apart[2]))) first.time = `${pad(Number(apart[1]))}:${apart[2]}`;
  }
  // whatever letters remain must be negligible (a stray "|", "(", ":" is fine)
  const letters = rest.replace(/[^\p{L}\p{N}]/gu, "");
  if (letters.length <= 2) return first;
  // or one short label in a segment of its own, a bar or a spaced dash apart from the date (\u0001)
  const segs = rest.split(/\s*(?:[|•·]|\s[-–—]\s)\s*/u).filter((x) => /[\p{L}\p{N}]/u.test(x));
  const words = (x: string) => x.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const label = segs[0];
  if (segs.length === 1 && label && !label.includes("\u0001") && words(label) <= 4 && LABEL_SEGMENT.test(label)) return first;
  return null;
}

/**
 * A date written at the end of a headline, in parentheses or after a bar or a spaced dash:
 * "Tiêu đề (14:16 09/04/2021)", "Tiêu đề - 21/12/2023 09:15", "Tiêu đề | Cập nhật: 21/12/2023".
 */
export function trailingDate(line: string): { date: FoundDate; before: string } | null {
  const m = /\s*\(([^()]*)\)\s*$/u.exec(line) ?? /\s+(?:[|]|[-–—])\s+([^|–—]*\d{4}[^|–—]*)$/u.exec(line);
  if (!m) return null;
  const d = datelineDate(m[1]!);
  return d ? { date: d, before: line.slice(0, m.index) } : null;
}
