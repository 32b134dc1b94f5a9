// Members recogniser: the units listed as belonging to a cluster.
// Patterns covered:
//   "Cụm thi đua số 4 gồm 6 đơn vị: A; B; …; E và F."       (declared count checked against the list)
//   "Cụm … gồm 06 quận: Đống Đa, Hoàn Kiếm, … và Long Biên" → "quận Đống Đa", … (head noun distributed)
//   "các đơn vị trong Cụm … gồm Công an 8 tỉnh: Thái Nguyên, …" → "Công an tỉnh Thái Nguyên", …
//   "cụm … gồm các xã Thị trấn Hữu Lũng, Minh Sơn, …" → "Thị trấn Hữu Lũng", "xã Minh Sơn", …
//   "Khối … gồm Mặt trận, Liên đoàn Lao động, …, Hội Cựu chiến binh tỉnh."
//   "… thành viên của Cụm là A, B và C"; lists continued on bullet lines after "gồm … :";
//   "MTTQ 06 quận (Đống Đa, …)" when the bracket holds exactly the stated number of names;
//   "gồm 6 trường: THPT A, …" / "8 bệnh viện: Bệnh viện X, …" (a counted kind: items kept as written, a bare
//   name takes the kind), "Bộ Chỉ huy Quân sự 6 tỉnh: …", "LĐLĐ các tỉnh: …", "7 huyện, thị xã: …" (names as written);
//   "gồm N đơn vị:" then one unit a line (";", "," or "." ending each, or "- ", "+ ", "1." bullets, or a short
//   organisation's name with no mark at all);
//   "Hội LHPN 6 tỉnh, thành: A, …" (tỉnh distributed, a city by the provinces lexicon takes thành phố),
//   "Liên đoàn Lao động 6 tỉnh Bắc Trung Bộ: A; …" (a region before the colon);
//   "các sở Kế hoạch và Đầu tư, Tài chính; Cục Thuế tỉnh, …" (a plural office noun written before each bare field,
//   groups of a ";" list split at their commas); "A, B và 05 công ty: C, D và E" (a nested counted list);
//   "Sở Y tế (Phó khối), …" (a bracketed remark closes an item, not the list);
//   "có thêm X tham gia sinh hoạt trong Cụm", "bổ sung X vào Khối" (a unit joining the cluster, in any sentence).
// A list must follow a mention of the cluster closely (units merely attending a meeting are not members).
// Items are cut where the predicate resumes ("… Đồng Tân đã tổ chức"), and the whole list ends there.
import type { MemberFact, RecordNote } from "../../types.js";
import { prov, sentenceAt, surfaceText, type Doc } from "../doc.js";
import { lexiconEntries, loadLexicon } from "../lexicon.js";
import { fold } from "../normalize.js";
import type { Sentence } from "../sentences.js";
import { isCap, syllables } from "../syllables.js";
import { surnameAt } from "../names.js";
import { ADMIN_NOUN, ADMIN_NOUN_SYLLABLES, PROVINCE_NOUN } from "../unit-nouns.js";
import { clusterAt, type ClusterMention, type Context, type Rule } from "./context.js";
import { BETWEEN_NOT_MEMBERS, CONTENT_NOUNS, PEOPLE_NOUNS, DISTRIBUTED_HEADS, FOUNDING_CLAUSE, GENERIC_HEADS, ORG_ITEM_STOP, ADDED_JOIN, MEMBER_ADDED, MEMBER_COUNTED_BRACKETS, MEMBER_LIST, MEMBER_LIST_CO, MEMBER_LIST_LA, MEMBER_SIGNING, NUMBER_WORDS, ORG_HEAD_WORDS, ORG_HEADS, PLURAL_ORG_NOUNS } from "./members.rules.js";
import { scan } from "../scan.js";
import { ROLE_WORDS } from "./roles.rules.js";
import { andInOffice, firstTwoWords } from "./unit-names.js";

interface Head {
  org: [number, number] | null; // "Công an" in "Công an 8 tỉnh", "LĐLĐ" in "LĐLĐ các tỉnh:"
  count: number | null;
  unit: [number, number] | null; // distributed unit noun
  /** A counted noun of the members that is not an administrative unit ("6 trường:", "8 bệnh viện:"). */
  noun: [number, number] | null;
  /** Several unit nouns ("huyện, thị xã"): a list of names, none distributed. */
  mixed?: boolean;
  /** "tỉnh, thành": bare names take "tỉnh", or "thành phố" for a centrally governed city. */
  provinces?: boolean;
  after: number;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const NUM = `\\d{1,2}|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join("|")}`;
// [1] organisation over the units ("Bộ Chỉ huy Quân sự 6 tỉnh:", "LĐLĐ các tỉnh:"), [2] count, [3] "các",
// [4] provinces and cities together ("6 tỉnh, thành:"), [5] distributed unit noun, [6] more unit nouns
// ("7 huyện, thị xã:"), [7] the region the units lie in ("6 tỉnh Bắc Trung Bộ:", "5 tỉnh khu vực Tây Nguyên:"),
// [8] another counted noun of up to four syllables before a colon or the end of the sentence ("6 trường:",
// "8 bệnh viện:", "gồm 7 trường.", "6 công đoàn cơ sở:")
const DIST = DISTRIBUTED_HEADS.map(esc).join("|");
const HEAD_RE = new RegExp(
  `^\\s*:?\\s*(?:có\\s+)?(?:các\\s+)?(?:(\\p{Lu}[\\p{L}]*(?:\\s+[\\p{L}]+){0,6}?)\\s+(?=(?:${NUM}|các)\\s))?(?:(${NUM})\\s+|(các)\\s+)?` +
  `(?:(tỉnh\\s*[,/]\\s*thành(?:\\s+phố)?|tỉnh thành(?:\\s+phố)?)(?=\\s*:)|(${DIST})((?:\\s*,\\s*(?:${DIST}))+(?=\\s*:))?` +
  `(?:\\s+((?:khu vực|vùng|miền)\\s+[\\p{L}]+(?:\\s+[\\p{L}]+){0,4}?|\\p{Lu}[\\p{L}]*(?:\\s+[\\p{L}]+){0,4}?)(?=\\s*:))?` +
  `|(?:${GENERIC_HEADS.map(esc).join("|")})|(\\p{Ll}[\\p{L}]*(?:\\s+[\\p{L}]+){0,3}?)(?=\\s*(?:sau\\s*)?(?::|\\.|$)|\\s+là\\s))?(?![\\p{L}])\\s*(?:sau|là)?\\s*:?`,
  "u",
);

function parseHead(doc: Doc, pos: number): Head {
  const none: Head = { org: null, count: null, unit: null, noun: null, after: pos };
  const m = HEAD_RE.exec(doc.norm.slice(pos, pos + 160));
  if (!m) return none;
  let cursor = pos;
  const at = (sub: string | undefined): [number, number] | null => {
    if (!sub) return null;
    const k = doc.norm.indexOf(sub, cursor);
    cursor = k + sub.length;
    return [k, k + sub.trimEnd().length];
  };
  const orgText = m[1];
  const org = at(orgText);
  const countText = m[2];
  if (countText) cursor = doc.norm.indexOf(countText, cursor) + countText.length;
  // "tỉnh, thành": "tỉnh" is distributed, a city is told by the provinces lexicon
  const provinces = m[4] !== undefined;
  const both = at(m[4]);
  const unit: [number, number] | null = both ? [both[0], both[0] + "tỉnh".length] : at(m[5]);
  const mixed = m[6] !== undefined;
  const region = m[7];
  const nounText = m[8];
  const count = countText ? (/^\d+$/.test(countText) ? Number(countText) : NUMBER_WORDS[countText.toLowerCase()] ?? null) : null;
  // an organisation over the units needs a count or "các" and a unit noun, and is one name, not a list ("Sở Y tế và 3 huyện")
  const orgOk = orgText !== undefined && !/\s(?:và|với)\s/u.test(orgText) && (count !== null || (m[3] !== undefined && unit !== null));
  if (orgText && !orgOk) return none; // the capitalised words are the first item
  if (nounText && count === null) return none; // a bare lower-case word before a colon is not a counted noun
  if (region && count === null && !orgOk) return none; // "các tỉnh Thanh Hóa: …" is an item, not a region
  // a bare unit noun with no count and no colon is the first item's own head ("gồm Thị trấn X, …")
  // several unit nouns ("7 huyện, thị xã:"): a bare name could be either, so names are kept as written
  return { org: count !== null || m[3] !== undefined ? org : null, count, unit: mixed ? null : unit, mixed, provinces, noun: count !== null ? at(nounText) : null, after: pos + m[0].length };
}

type Item = [number, number];

/** An office of a field named by one pair ("Sở Lao động", "Bộ Văn hóa") that a comma may continue. */
const FIELD_HEAD = /^(?:Sở|Bộ|Ban|Phòng|Ủy ban|Vụ|Cục|Chi cục|Trung tâm)\s+\p{Lu}\p{L}*(?:\s+\p{Ll}\p{L}*)?$/u;
/** The rest of such a name: "Thương binh và Xã hội", "Thể thao và Du lịch". */
const FIELD_PAIR = /^\p{Lu}\p{L}*(?:\s+\p{Ll}\p{L}*)?\s+và\s+\p{Lu}\p{L}*(?:\s+\p{Ll}\p{L}*)?(?![\p{L}])/u;

const ADMIN_NAME_START = new RegExp(`^(?:${ADMIN_NOUN})\\s+\\p{Lu}`, "u");

/** A unit starts with a capital, or with a unit noun before a capitalised name ("xã Minh Sơn", "các tỉnh Nghệ An"). */
const UNIT_START = new RegExp(`^(?:\\p{Lu}|\\d|(?:các\\s+)?(?:${ADMIN_NOUN}|cơ quan)\\s+\\p{Lu})`, "u");

/** A count before a lower-case noun: how many members there are, not a member's name. */
const COUNTED_NOUN = /^\d{1,3}\s+\p{Ll}/u;

const PLURAL_UNIT_END = new RegExp(`\\scác\\s+(?:${ADMIN_NOUN})$`, "u");

/** "và" before a new item: in a list of names also before a plural or a named unit ("và các tỉnh A", "và tỉnh B"). */
const AND_BEFORE_UNIT = new RegExp(`\\s+và\\s+(?=\\p{Lu}|các\\s|(?:${ADMIN_NOUN})\\s+\\p{Lu})`, "gu");
const AND_BEFORE_NAME = /\s+và\s+(?=\p{Lu}|\d)/gu;

/** A Roman or Arabic numeral that names a unit of a numbered series ("khu vực VIII", "số 3"). */
const SERIAL = /^(?:[IVXLC]{1,7}|\d{1,3})$/u;
/** A name ending in the word a serial numeral follows: "Chi cục Hải quan khu vực", "Trường Tiểu học số". */
const SERIAL_HEAD_END = /\s(?:khu vực|số)$/u;
/** "Chi cục Hải quan khu vực: VII" or "… khu vực VII": the serial name's head and its numeral. */
const SERIAL_ITEM = /^(\p{Lu}.*?\s(?:khu vực|số))\s*:?\s*([IVXLC]{1,7}|\d{1,3})$/u;

/** A role in apposition after a dash, with its year: "đơn vị Cụm trưởng năm 2024", "Trưởng khối". Folded. */
const DASH_ROLE = new RegExp(String.raw`^(?:don vi\s+)?${ROLE_WORDS}(?:\s+thi dua)?(?:\s+nam(?: hoc)?\s+\d{4}(?:\s*-\s*\d{2,4})?)?`, "u");

/** An abbreviation in brackets followed by more of the name in lower case ("THADS) các tỉnh", "BHXH) tỉnh"). */
const NAME_ABBREVIATION = /^\p{Lu}[\p{Lu}\d&]{1,9}\)(?=\s+\p{Ll})/u;
/** Such an abbreviation as kept inside an item, dropped from the unit's name (the name is written out beside it). */
const ABBREVIATION_IN_NAME = /\s*\(\p{Lu}[\p{Lu}\d&]{1,9}\)(?=\s+\p{Ll})/gu;

/** Cut an item where the sentence's predicate resumes; returns the cut item and whether the list ended. */
function cutItem(doc: Doc, s: number, e: number, names: boolean, commas = false): { item: Item | null; ended: boolean } {
  const syl = syllables(doc.norm, s, e);
  let end = s;
  let seenCap = false;
  for (let k = 0; k < syl.length; k++) {
    const x = syl[k]!;
    const gap = doc.norm.slice(end, x.start);
    if (k > 0 && /^\s*\($/.test(gap) && end > s) {
      // "Cục Thi hành án dân sự (THADS) các tỉnh A, B": an abbreviation in brackets inside the name; the name goes on
      const abbr = NAME_ABBREVIATION.exec(doc.norm.slice(x.start, e));
      if (abbr) {
        const close = x.start + abbr[0].length - 1;
        while (k + 1 < syl.length && syl[k + 1]!.start <= close) k++;
        end = close + 1;
        continue;
      }
      // "Sở Y tế (Phó khối)," a bracket closing the item is a remark on it: the item ends there, the list goes on
      const close = doc.norm.indexOf(")", end);
      if (close < 0 || close >= e - 1 || /^[\s.;,)]*$/.test(doc.norm.slice(close + 1, e))) return { item: [s, end], ended: false };
    }
    // "Sở A - đơn vị Cụm trưởng năm 2024, Sở B": a dash before a role is the item's apposition; the item ends there, and
    // the list goes on unless the sentence's predicate follows the role ("… - Cụm trưởng chủ trì hội nghị")
    if (k > 0 && /^\s*[-–]\s*$/u.test(gap) && end > s) {
      const role = DASH_ROLE.exec(doc.folded.slice(x.start, e));
      if (role) return { item: [s, end], ended: !/^[\s.;,]*$/u.test(doc.folded.slice(x.start + role[0].length, e)) };
    }
    // "Cục Thuế các tỉnh: Vĩnh Long": a colon after a plural unit noun opens the names it is distributed over
    // "Chi cục Hải quan khu vực: VII, VIII": a colon after "khu vực"/"số" opens the numerals of the series
    const pluralColon = /^\s*:\s*$/.test(gap) && (PLURAL_UNIT_END.test(doc.norm.slice(s, end)) || (SERIAL_HEAD_END.test(doc.norm.slice(s, end)) && SERIAL.test(x.text)));
    if (k > 0 && !/^\s*(?:-\s*)?$/.test(gap) && !/^\s*&\s*$/.test(gap) && !(commas && /^\s*,\s*$/.test(gap)) && !pluralColon) return { item: end > s ? [s, end] : null, ended: true };
    const f = fold(x.text);
    if (names) {
      // a name: capitalised syllables ("Bà Rịa - Vũng Tàu"), after an optional unit noun ("Thị trấn", "xã")
      const unitWord = !seenCap && (f === "cac" || ADMIN_NOUN_SYLLABLES.has(f));
      if (!x.cap && !unitWord && !/^\d+$/.test(x.text)) return { item: end > s && seenCap ? [s, end] : null, ended: true }; // a unit noun alone is no unit
      if (x.cap && !unitWord) seenCap = true;
    } else if (k > 0 && !x.cap && ORG_ITEM_STOP.test(doc.norm.slice(x.start, Math.min(e, x.start + 24)).toLowerCase())) {
      return { item: end > s ? [s, end] : null, ended: true };
    }
    end = x.end;
  }
  return { item: end > s ? [s, end] : null, ended: false };
}

const firstWord = (t: string) => (/^\p{L}+/u.exec(t)?.[0] ?? "").toLowerCase();

/** Does a verb of the sentence's predicate occur in [s, e) ("… Yên Bái đã chủ động")? */
function hasPredicate(doc: Doc, s: number, e: number): boolean {
  return syllables(doc.norm, s, e).some((x, k) => k > 0 && !x.cap && ORG_ITEM_STOP.test(doc.norm.slice(x.start, Math.min(e, x.start + 24)).toLowerCase()));
}

/** Office heads written before the items they are distributed over ("Sở" for "các sở Tài chính, Xây dựng"), by item start. */
const prefixes = new WeakMap<Doc, Map<number, { head: string; tail: string }>>();
const PLURAL_ORG = new RegExp(`^(\\s*:?\\s*(?:và\\s+)?các\\s+(${PLURAL_ORG_NOUNS.join("|")})\\s+)(?=\\p{Lu})`, "u");
const FIELDS = lexiconEntries("office-fields").filter((f) => / và /u.test(f)).map(fold);

/** An organisation's first words as written, longest first (so "Bộ đội" is read before "Bộ"). */
const HEAD_WORD = `(?:${[...ORG_HEAD_WORDS].sort((x, y) => y.length - x.length).join("|")})(?![\\p{L}])`;
const PLURAL_NAMED = new RegExp(`^\\s*:?\\s*(?:và\\s+)?các\\s+(${HEAD_WORD})`, "u");
/** "các Cục Hải quan: A, B": the head runs to a colon before the names. */
const HEAD_TO_COLON = /^((?:\s+[^\s:,;]+){0,4}?)\s*:\s*(?=\p{Lu})/u;
/** "các Công ty cổ phần A, B", "các Công ty TNHH một thành viên A, B": the kind's lower-case words (or acronyms) before the names. */
const HEAD_KIND = /^((?:\s+(?:\p{Ll}+|\p{Lu}{2,}))+)\s+(?=\p{Lu}\p{Ll})/u;
/** "các Chi nhánh Ngân hàng A, Ngân hàng B": a head before names that each open with an organisation's own head. */
const HEAD_BEFORE_ORG = new RegExp(`^\\s+(?=(${HEAD_WORD}))`, "u");
const ADMIN_WORD = new RegExp(`(?<![\\p{L}])(?:${ADMIN_NOUN})(?![\\p{L}])`, "u");

interface PluralHead {
  /** Length of "các <head> " before the first item. */
  prefix: number;
  head: string;
  /** A lower-case office noun before bare fields ("các sở Tài chính, …"). */
  office: boolean;
  /** The head every item opens with under a branch-like head ("Ngân hàng" under "các Chi nhánh"). */
  opens: string | null;
}

/**
 * A plural head distributed over the items after it: "các sở Tài chính, Xây dựng" (an office noun), "các Cục Hải quan:
 * TP Hà Nội, Quảng Ninh" (a head closed by a colon), "các Công ty cổ phần Cấp nước Hà Tĩnh, Môi trường …" (a head with
 * its kind in lower-case words), "các Chi nhánh Ngân hàng A, Ngân hàng B" (a head over organisations' names).
 */
function pluralHead(text: string): PluralHead | null {
  const office = PLURAL_ORG.exec(text);
  if (office) return { prefix: office[1]!.length, head: office[2]!.charAt(0).toUpperCase() + office[2]!.slice(1), office: true, opens: null };
  const named = PLURAL_NAMED.exec(text);
  if (!named) return null;
  const after = text.slice(named[0].length);
  const colon = HEAD_TO_COLON.exec(after);
  if (colon) return { prefix: named[0].length + colon[0].length, head: named[1]! + colon[1]!, office: false, opens: null };
  const kind = HEAD_KIND.exec(after);
  // a unit noun among the lower-case words is an organisation of a named unit ("các Hội … tỉnh A"), not a kind
  if (kind && !ADMIN_WORD.test(kind[1]!)) return { prefix: named[0].length + kind[0].length, head: named[1]! + kind[1]!, office: false, opens: null };
  const org = HEAD_BEFORE_ORG.exec(after);
  if (org) return { prefix: named[0].length + org[0].length, head: named[1]!, office: false, opens: org[1]! };
  return null;
}

/** The province's or city's name a name ends in ("… Công thương Hà Tĩnh" → "Hà Tĩnh"), or null. */
function provinceEnd(text: string): string | null {
  const words = text.trim().split(/\s+/u);
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) if (PROVINCE_KIND.has(fold(words.slice(-n).join(" ")))) return words.slice(-n).join(" ");
  return null;
}

/** Is a "và" at offset v of text inside the name of an office's field ("Tài nguyên và Môi trường")? */
function andInField(text: string, v: number): boolean {
  const t = fold(text);
  return FIELDS.some((f) => { const i = t.indexOf(f); return i >= 0 && i < v && i + f.length > v; });
}

/**
 * Parts of a ";" list that are lists themselves, split in place: "các sở Kế hoạch và Đầu tư, Tài chính" gives one item a
 * field, each written after the capitalised head ("Sở Tài chính"); "Cục Thuế tỉnh, Kho bạc Nhà nước tỉnh và Cục Thống kê
 * tỉnh" (every part an organisation) one item an organisation.
 */
function groups(doc: Doc, raw: Item[], sep: string): void {
  for (let r = 0; r < raw.length; r++) {
    const plural = pluralHead(doc.norm.slice(raw[r]![0], raw[r]![1]));
    if (plural && sep === ",") {
      // a "," list: the group runs over the bare names that follow (or the names opening with the head's organisation),
      // up to the next organisation or unit
      let j = r + 1;
      const next = (t: string) => (plural.opens !== null ? t.startsWith(plural.opens + " ") : /^\p{Lu}/u.test(t) && !ORG_HEADS.test(t) && !ADMIN_NAME_START.test(t));
      while (j < raw.length && next(doc.norm.slice(raw[j]![0], raw[j]![1]).trim().replace(/^và\s+/u, ""))) j++;
      raw.splice(r, j - r, [raw[r]![0], raw[j - 1]![1]]);
    }
    const [p0, p1] = raw[r]!;
    const text = doc.norm.slice(p0, p1);
    if (!plural && (sep !== ";" || !text.includes(","))) continue;
    const start = p0 + (plural ? plural.prefix : 0);
    const parts: Item[] = [];
    let k = start;
    for (const part of doc.norm.slice(start, p1).split(",")) {
      const prev = parts[parts.length - 1];
      // "Lao động, Thương binh và Xã hội": a comma inside a field's name
      if (plural?.office && prev && andInField(doc.norm.slice(prev[0], k + part.length), k - prev[0])) prev[1] = k + part.length;
      else parts.push([k, k + part.length]);
      k += part.length + 1;
    }
    if (!plural && !parts.every(([a, b]) => ORG_HEADS.test(doc.norm.slice(a, b).trim()))) continue;
    const last = parts[parts.length - 1]!;
    const lastText = doc.norm.slice(last[0], last[1]);
    const and = /\s+và\s+(?=\p{Lu})/u.exec(lastText);
    const andRest = and ? lastText.slice(and.index + and[0].length) : "";
    // under a named plural head "và" splits before a bare place name or the head's organisation, not inside a firm's
    // name ("Môi trường và Dịch vụ đô thị Hà Tĩnh")
    const splitsAnd = !plural ? ORG_HEADS.test(andRest) && !andInOffice(lastText, (and?.index ?? 0) + 1)
      : plural.office ? !andInField(lastText, (and?.index ?? 0) + 1)
      : plural.opens !== null ? andRest.startsWith(plural.opens + " ") : bareName(andRest.replace(/[.;,\s]+$/u, ""));
    if (and && splitsAnd) {
      parts.splice(parts.length - 1, 1, [last[0], last[0] + and.index], [last[0] + and.index + and[0].length, last[1]]);
    }
    if (plural) {
      let map = prefixes.get(doc);
      if (!map) prefixes.set(doc, (map = new Map()));
      // the branches of several organisations in one place: the place written after the last is every branch's
      const place = plural.opens !== null ? provinceEnd(doc.norm.slice(parts[parts.length - 1]![0], parts[parts.length - 1]![1]).replace(/[.;,\s]+$/u, "")) : null;
      for (const [a, b] of parts) {
        const tail = place !== null && provinceEnd(doc.norm.slice(a, b).replace(/[.;,\s]+$/u, "")) === null ? ` ${place}` : "";
        map.set(a + (/^\s*/u.exec(doc.norm.slice(a))?.[0].length ?? 0), { head: plural.head, tail });
      }
    }
    raw.splice(r, 1, ...parts);
    r += parts.length - 1;
  }
}

/** Split a list region into items: ";" when the list uses it, else ","; "và" before the last item. */
function splitItems(doc: Doc, s: number, e: number, names: boolean, org: string | null = null): Item[] {
  const region = doc.norm.slice(s, e);
  // ";" separates items when the list uses it: then commas may sit inside names ("Sở Lao động, Thương binh và Xã hội").
  // A ";" that only follows the sentence's predicate ("A, B, C đã …; …") does not.
  const firstSemi = region.split(";")[0]!;
  // Nor does one whose first part is itself a comma list of units ("Phòng A, Phòng B, Phòng C; X làm Cụm trưởng").
  const commaParts = firstSemi.split(",").map((t) => t.replace(/^\s*:?\s*/, ""));
  const commaListOfUnits = commaParts.length > 1 && commaParts.slice(1).every((t) => ORG_HEADS.test(t) || ADMIN_NAME_START.test(t) || firstWord(t) === firstWord(commaParts[0]!));
  // Nor in a list of bare names (no comma inside a place name): "các huyện A, B, C và D; năm nay …" ends at the ";".
  // Nor after an organisation over a plural unit ("Cục Thuế các tỉnh A, B và C; Cục Thuế tỉnh A chủ trì …").
  const namesBeforeSemi = (names || ORG_PLURAL_UNIT.test(firstSemi.replace(/^[\s:]+/u, ""))) && firstSemi.includes(",");
  const sep = region.includes(";") && !commaListOfUnits && !namesBeforeSemi && !hasPredicate(doc, s, s + firstSemi.length) ? ";" : ",";
  const raw: Item[] = [];
  let k = s;
  for (const part of region.split(sep)) {
    const prev = raw[raw.length - 1];
    // "Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động, Thương binh và Xã hội": the comma is inside one name
    if (sep === "," && !names && prev && FIELD_PAIR.test(part.trim()) && !ORG_HEADS.test(part.trim()) && FIELD_HEAD.test(doc.norm.slice(prev[0], prev[1]).replace(/^[\s:]+/, "").trim())) prev[1] = k + part.length;
    else raw.push([k, k + part.length]);
    k += part.length + 1;
  }
  if (!names) groups(doc, raw, sep);
  const first = raw[0] !== undefined ? doc.norm.slice(raw[0][0], raw[0][1]).replace(/^[\s:]+/, "") : "";
  const pluralOrg = !names && raw[0] !== undefined && ORG_PLURAL_UNIT.test(first);
  // a head the first item opens for the bare items after it ("Tỉnh đoàn Kon Tum, Gia Lai và Lâm Đồng")
  const carried = raw[0] !== undefined ? openCarried(first.replace(/^các\s+/u, "").trim(), names) : null;
  // "và" joins the last two items; in a list of names it may also join a named unit to a plural one
  // ("thành phố Đà Nẵng và các tỉnh Quảng Nam, Quảng Ngãi"). Split when what follows starts an item of the same sort.
  for (let r = 0; r < raw.length; r++) {
    // inside an earlier part of a list of organisations, "và" splits only before a new organisation's head
    // ("Sở Nội vụ và Sở Tài chính, …"), not inside a field's name ("Sở Kế hoạch và Đầu tư, …")
    const inner = !names && r !== raw.length - 1;
    const [p0, p1] = raw[r]!;
    const text = doc.norm.slice(p0, p1);
    const re = names || pluralOrg ? AND_BEFORE_UNIT : AND_BEFORE_NAME;
    re.lastIndex = 0;
    let m: RegExpExecArray | null, cut = -1, cutEnd = -1;
    while ((m = re.exec(text))) {
      const rest = text.slice(m.index + m[0].length);
      const restName = rest.split(";")[0]!.replace(/[.;,]\s*$/, ""); // "… và Bến Tre; Cục Thuế tỉnh A chủ trì": the name ends at ";"
      const sameHead = firstWord(rest) === firstWord(first);
      // "Liên đoàn Lao động các huyện A, B, C và D": after a plural unit the items are bare names
      if (!names && andInOffice(text, m.index + 1)) continue; // "Văn phòng HĐND và UBND huyện" is one office
      // (or before the first item's own first two words again: "KTNN khu vực XII và KTNN khu vực XIII", not "Bệnh viện
      // Lao và Bệnh phổi")
      const split = inner ? ORG_HEADS.test(rest) || (sameHead && firstTwoWords(rest) === firstTwoWords(first)) : names || ORG_HEADS.test(rest) || sameHead || (carried !== null && carried.kind.takes(carried.head, restName.trim()) !== null) || (pluralOrg && (bareName(restName) || ADMIN_NAME_START.test(rest)));
      if (split) { cut = m.index; cutEnd = m.index + m[0].length; if (!names) break; }
    }
    if (cut >= 0) raw.splice(r, 1, [p0, p0 + cut], [p0 + cutEnd, p1]);
  }
  const out: Item[] = [];
  for (const [a0, b0] of raw) {
    let a = a0, b = b0;
    while (a < b && /[\s\-+•:.]/.test(doc.norm[a]!)) a++;
    const lead = (names ? /^(?:và|cùng)\s+/iu : /^(?:và|các|cùng)\s+/iu).exec(doc.norm.slice(a, b));
    if (lead) a += lead[0].length;
    while (b > a && /[\s.;,:!?)]/.test(doc.norm[b - 1]!)) b--;
    if (b <= a) continue;
    if (!UNIT_START.test(doc.norm.slice(a, a + 24))) break; // not a unit: the list (if any) is over
    if (COUNTED_NOUN.test(doc.norm.slice(a, Math.min(b, a + 24)))) break; // "12 công đoàn cơ sở thuộc …": a count of the members, not one
    // "Hội Nông dân các huyện: A, B và Hội Nông dân thành phố C": an item that names the organisation again is one of its own
    const own = names && org !== null && fold(doc.norm.slice(a, a + org.length)) === org;
    const { item, ended } = cutItem(doc, a, b, names && !own, !names || own) // a comma left inside an item belongs to its name;
    if (item) out.push(item);
    if (ended) break;
  }
  return out;
}

/** The organisation over the units, folded ("hoi nong dan"), or null. */
const orgKey = (doc: Doc, head: Head) => (head.org ? fold(doc.norm.slice(head.org[0], head.org[1]).trim()) : null);

/**
 * An organisation of a named unit, not a bare name: "BHXH tỉnh Hà Giang", "VKSND tỉnh Trà Vinh", "Bưu điện tỉnh Lào Cai"
 * (capitalised words, then a unit noun before a capitalised name; "Thành phố" as a city's own name writes it, "BĐBP Thành phố Hồ Chí Minh").
 */
const ORG_OF_UNIT = new RegExp(`^\\p{Lu}[\\p{L}]*(?:\\s+[\\p{L}]+){0,8}?\\s+(?:${ADMIN_NOUN}|Thành phố)\\s+\\p{Lu}`, "u");
const orgOfUnit = (item: string) => ORG_OF_UNIT.test(item) && !ADMIN_NAME_START.test(item);

/** Is a list whose first item reads so a list of bare names (to take a unit noun) rather than of organisations? */
function listOfNames(doc: Doc, head: Head, firstText: string, opener: string): boolean {
  if (head.unit !== null || head.mixed || /địa phương|tỉnh thành/iu.test(opener)) return true;
  if (head.noun) { // "6 trường: THPT Dân tộc nội trú, …" are organisations; "5 trường: Lê Lợi, …" bare names
    const kind = fold(doc.norm.slice(head.noun[0], head.noun[1]));
    // "5 công ty: Cổ phần In Thái Bình, …" are names with a lower-case word: organisations as written
    const first = firstText.split(/[,;.]|\s+và\s+/u)[0]!.trim();
    return !(ORG_HEADS.test(firstText) || /^\p{Lu}{2,}(?![\p{L}])/u.test(firstText) || fold(firstText).startsWith(kind + " ")) && bareName(first);
  }
  const first = firstText.split(/[,;.]|\s+và\s+/u)[0]!.trim();
  // "KTNN khu vực VI, …": a unit of a numbered series is an organisation's whole name, not a bare name
  if (!ORG_HEADS.test(firstText) && isCap(firstText) && !orgOfUnit(first) && !SERIAL_ITEM.test(first)) return true;
  return ADMIN_NAME_START.test(firstText); // "huyện A; huyện B và huyện C"
}

/** An item number inside a line: "1. ", " 2) ". */
const INLINE_NUMBER = /(?:^|\s)(\d{1,2})[.)]\s+(?=\p{Lu})/gu;

/**
 * "1. Cục Hải quan tỉnh Lạng Sơn  2. Cục Hải quan tỉnh Cao Bằng  3. …": numbered items written on one line (a table
 * flattened into text), the line starting at sentence i with "1.". The parts between the numbers 1, 2, 3 … in
 * sequence (a number out of sequence is part of a name: "Trường Tiểu học số 5"), and the index of the line's last
 * sentence; null unless the line holds two items or more.
 */
function inlineNumbered(doc: Doc, i: number): { parts: Item[]; last: number } | null {
  const first = doc.sentences[i]!;
  if (!/^1[.)]\s/u.test(doc.norm.slice(first.start, first.start + 3))) return null;
  let j = i;
  while (j + 1 < doc.sentences.length && doc.sentences[j + 1]!.line === first.line) j++;
  if (j === i) return null;
  const end = doc.sentences[j]!.end;
  const marks: Array<[number, number]> = []; // [start of the number, start of the item]
  for (const m of doc.norm.slice(first.start, end).matchAll(INLINE_NUMBER)) {
    if (Number(m[1]) !== marks.length + 1) continue;
    const at = first.start + m.index! + (/^\s/u.test(m[0]) ? 1 : 0);
    marks.push([at, first.start + m.index! + m[0].length]);
  }
  if (marks.length < 2) return null;
  const parts = marks.map(([, a], k): Item => {
    let b = k + 1 < marks.length ? marks[k + 1]![0] : end;
    while (b > a && /[\s.;,:]/.test(doc.norm[b - 1]!)) b--;
    return [a, b];
  });
  return { parts, last: j };
}

/** An acronym opening a name ("VNPT Đắk Nông", "BIDV Chi nhánh Đắk Nông"): two capitals or more. */
const ACRONYM_START = /^\p{Lu}{2,}(?![\p{L}])/u;

/** Does a name end in a province's or city's name ("Viettel Đắk Nông", "Agribank Chi nhánh Cần Thơ")? */
function endsInProvince(text: string): boolean {
  const words = text.trim().split(/\s+/u);
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) if (PROVINCE_KIND.has(fold(words.slice(-n).join(" ")))) return true;
  return false;
}

/**
 * A line that names an organisation with no mark around it: an organisation's head or an acronym opening it, an
 * organisation of a named unit, or capitalised words before a province's name (a firm's branch, "Viettel Đắk Nông")
 * that are not a person's name (a byline after the list: "Nguyễn Thái Bình").
 */
function orgLine(body: string): boolean {
  const t = body.trim();
  if (ORG_HEADS.test(t) || ACRONYM_START.test(t) || orgOfUnit(t)) return true;
  const syl = syllables(t);
  // a surname opening a few capitalised words is a person even when the given name is a province's ("Trần Thái Bình")
  const person = syl.length <= 4 && syl.every((x) => x.cap) && surnameAt(t, syl, 0) > 0;
  return syl.length >= 2 && syl[0]!.cap && endsInProvince(t) && !person;
}

const MAX_LIST_LINES = 40;
/** A numbered table row, from the HTML reader's " | " between cells: [1] the cell after the number. */
const TABLE_ROW = /^\d{1,3}\s*\|\s*(?=([^|]*?)\s*(?:\||$))/u;
/** A table's header row: short cells of words, no number cell ("STT | Đơn vị | Ghi chú"). */
const TABLE_HEADER = /^[^|\d]{1,20}(?:\s\|\s[^|\d]{1,20})+$/u;
/** Syllables allowed between the cluster and "ký kết giao ước … giữa" ("năm 2024 đã chủ trì hội nghị"). */
const MAX_SIGNING_GAP = 12;
const MAX_ITEM_LINE = 160;
const MAX_BARE_ITEM = 12;
const MAX_BARE_COUNTED = 20;

/**
 * Lines after a list-opening line ("… gồm 5 đơn vị:" or a line ending in ";") that are its items: bullet or numbered
 * lines ("- ", "+ ", "1."), or plain lines that start like a unit and end in ";", "," or "." (the "." ends the list).
 * A line may hold the last two items joined by "và".
 */
function lineItems(doc: Doc, opener: Sentence, head: Head, openerText: string): Item[] {
  const out: Item[] = [];
  let line = opener.line;
  let bulleted = false;
  for (let i = opener.index + 1, n = 0; i < doc.sentences.length && n < MAX_LIST_LINES; i++, n++) {
    const s = doc.sentences[i]!;
    if (s.line === line) break; // a second sentence on an item's line: prose, the list is over
    line = s.line;
    const text = doc.norm.slice(s.start, s.end);
    const inline = !out.length && !bulleted ? inlineNumbered(doc, i) : null;
    if (inline) {
      for (const [a, b] of inline.parts) {
        const body = doc.norm.slice(a, b);
        if (!UNIT_START.test(body) || hasPredicate(doc, a, b)) break;
        out.push(...splitItems(doc, a, b, listOfNames(doc, head, body, openerText), orgKey(doc, head)));
      }
      bulleted = true;
      i = inline.last;
      continue;
    }
    // a table's row ("1 | KBNN Quảng Nam | Khối phó", cells joined by " | "): its numbered cell is a bullet, the unit the next cell
    const row = TABLE_ROW.exec(text);
    if (!row && !out.length && !bulleted && TABLE_HEADER.test(text)) continue; // "STT | Đơn vị | Ghi chú"
    const bullet = row ?? /^(?:[-+•*–]|\d{1,2}[.)]|[a-zđ]\))\s*/u.exec(text);
    if (bulleted && !bullet) break; // a bulleted list ends at its first line with no bullet
    if (bullet) bulleted = true;
    let a = s.start + (bullet ? bullet[0].length : 0), b = s.end;
    if (row) b = a + row[1]!.length;
    if (row && !UNIT_START.test(row[1]!)) break; // a table of figures, not of units
    const lead = /^(?:và|cùng)\s+/u.exec(doc.norm.slice(a, b));
    if (lead) a += lead[0].length;
    const body = doc.norm.slice(a, b);
    const last = /\.\s*$/.test(body);
    // a line with no closing mark is an item only when it names an organisation in a few words ("Bệnh viện Mắt",
    // "NHNN Chi nhánh tỉnh Bình Dương": an organisation of a named unit) (a longer name, as a bank's branch, while a
    // declared count is still short)
    const short = head.count !== null && out.length < head.count ? MAX_BARE_COUNTED : MAX_BARE_ITEM;
    // or, under a distributed unit noun ("gồm các phường:"), a bare name alone on its line ("Hội Phú")
    const bare = !bullet && !/[;,.]\s*$/.test(body) && ((orgLine(body) && syllables(body).length <= short) || (head.unit !== null && !head.mixed && bareName(body.trim())));
    if (!bullet && !bare && (!/[;,.]\s*$/.test(body) || body.length > MAX_ITEM_LINE || !UNIT_START.test(body))) break;
    if (hasPredicate(doc, a, b)) break; // a sentence, not a unit: the list is over
    if (!bullet || UNIT_START.test(body)) {
      // a line read as an organisation's name with a lower-case word in it ("BIDV Chi nhánh Đắk Nông") is not a bare name
      const names = listOfNames(doc, head, body, openerText) && !(bare && orgLine(body) && !bareName(body.trim()));
      const split = splitItems(doc, a, b, names, orgKey(doc, head));
      if (!split.length) break;
      out.push(...split);
    } else {
      while (b > a && /[\s.;,:]/.test(doc.norm[b - 1]!)) b--;
      if (b > a) out.push([a, b]);
    }
    if (last && !bullet) break;
    if (!bullet && head.count !== null && out.length >= head.count) break; // unmarked lines: the declared count closes the list
  }
  return out;
}

/** "và" before a capitalised word inside an item. */
const AND_CAP = /\s+và\s+(?=\p{Lu})/gu;

/**
 * "7 bệnh viện: Đa khoa tỉnh, …, Y dược cổ truyền và Mắt": a list of a counted kind one short of its declared count
 * whose last item holds "và" before a bare proper name is two items there ("và" joins the last two); a "và" inside a
 * name ("Văn hóa và Nghệ thuật", "Phát thanh và Truyền hình tỉnh": lower-case words after it) stays.
 */
function splitLastAnd(doc: Doc, items: Item[]): Item[] {
  const [a, b] = items[items.length - 1]!;
  const text = doc.norm.slice(a, b);
  let cut: RegExpExecArray | null = null;
  for (const m of text.matchAll(AND_CAP)) cut = m as RegExpExecArray;
  if (!cut || !bareName(text.slice(cut.index + cut[0].length)) || andInOffice(text, cut.index + 1) || andInField(text, cut.index + 1)) return items;
  return [...items.slice(0, -1), [a, a + cut.index], [a + cut.index + cut[0].length, b]];
}

interface Found {
  cluster: number | null; head: Head; items: Item[]; names: boolean; rule: Rule; at: number;
  /** A counted list nested at the end of this one (its items count towards this list's declared number). */
  sub?: Found;
  /** This is such a nested list: its own count is checked, not the cluster's. */
  partOf?: boolean;
}

/** The separator before a counted list nested at the end of a list ("…, Agribank và 05 công ty: …"). */
const NESTED_HEAD = new RegExp(`(?:[,;]|\\s+và)\\s+(?=(?:\\d{1,2}|các|${Object.keys(NUMBER_WORDS).join("|")})\\s+\\p{Ll}[\\p{L}]*(?:\\s+[\\p{L}]+){0,2}\\s*:)`, "u");
/** "và các trường cao đẳng: A, B": a plural kind with no count, nested at the end of a list. */
const PLURAL_KIND = /^\s*các\s+(\p{Ll}[\p{L}]*(?:\s+[\p{L}]+){0,2}?)\s*:/u;

/** The head of a nested list at pos: parseHead's, or a plural kind ("các trường cao đẳng:") taken as its counted noun. */
function nestedHead(doc: Doc, pos: number): Head | null {
  const h = parseHead(doc, pos);
  if (h.count !== null || h.unit !== null || h.mixed) return h;
  const k = PLURAL_KIND.exec(doc.norm.slice(pos, pos + 60));
  if (!k) return null;
  const at = pos + k[0].indexOf(k[1]!, k[0].indexOf("các") + 3);
  return { org: null, count: null, unit: null, noun: [at, at + k[1]!.length], after: pos + k[0].length };
}

/** A count, then the first item up to its comma: [1] the count, [2] the item ("5 Cục Thuế các tỉnh Bạc Liêu"). */
const COUNT_BEFORE_ORG = new RegExp(`^\\s*(${NUM})\\s+(\\p{Lu}[^,;:.]*)`, "u");

/**
 * The head of a list at pos: parseHead's, or when it reads none, a plural organisation's kind before a colon ("gồm các
 * trường: Đại học A, …", "các bệnh viện: …") taken as the counted noun, so that a name without its kind takes it
 * ("Trường Đại học A"); a kind that is not an organisation's ("các lĩnh vực:") heads no list of units.
 */
function listHead(doc: Doc, pos: number): Head {
  const h = parseHead(doc, pos);
  const lead = /^\s*/u.exec(doc.norm.slice(pos, pos + 8))![0].length;
  // "gồm 5 Cục Thuế các tỉnh A, B, …": a count before an organisation over a plural unit counts the units it is distributed over
  const counted = h.after <= pos + lead ? COUNT_BEFORE_ORG.exec(doc.norm.slice(pos, pos + 120)) : null;
  if (counted && ORG_PLURAL_UNIT.test(counted[2]!)) {
    const c = counted[1]!;
    return { org: null, count: /^\d+$/.test(c) ? Number(c) : NUMBER_WORDS[c.toLowerCase()] ?? null, unit: null, noun: null, after: pos + counted[0].length - counted[2]!.length };
  }
  if (h.after !== pos) return h;
  const k = PLURAL_KIND.exec(doc.norm.slice(pos, pos + 60));
  if (!k || !ORG_HEADS.test(k[1]!)) return h;
  const at = pos + k[0].indexOf(k[1]!, k[0].indexOf("các") + 3);
  return { org: null, count: null, unit: null, noun: [at, at + k[1]!.length], after: pos + k[0].length };
}

/** Province or city, by name (folded): "Cần Thơ" → "thành phố". */
const PROVINCE_KIND = new Map(loadLexicon("provinces").map(([name, kind]) => [fold(name), kind ?? "tỉnh"]));

/**
 * An organisation of a province ("Tỉnh đoàn Kon Tum", "Công an tỉnh Lạng Sơn"): the organisation and the unit noun written
 * before the province's name (null if none), for the bare provinces listed after it; null when the item is not one.
 */
function orgOfProvince(item: string): { org: string; noun: string | null } | null {
  if (!ORG_HEADS.test(item) || /:|\scác\s/u.test(item)) return null; // "… các tỉnh: A" is distributed as a plural unit
  const words = item.split(/\s+/u);
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    if (!PROVINCE_KIND.has(fold(words.slice(-n).join(" ")))) continue;
    const rest = words.slice(0, -n).join(" ");
    const noun = PROVINCE_NOUN_END.exec(rest);
    const org = noun ? rest.slice(0, noun.index) : rest;
    return ORG_HEADS.test(org) ? { org, noun: noun ? noun[1]! : null } : null;
  }
  return null;
}

const PROVINCE_NOUN_END = new RegExp(`\\s(${PROVINCE_NOUN})$`, "u");
const UNIT_AT_START = new RegExp(`^(${ADMIN_NOUN}|TP)(?![\\p{L}])`, "iu");
const PLURAL_UNIT = new RegExp(`^các\\s+(${ADMIN_NOUN})\\s+(?=\\p{Lu})`, "iu");

// "Cục Thuế các tỉnh Vĩnh Long, …" or with a colon before the names ("Cục Thuế các tỉnh: Vĩnh Long, …")
const ORG_PLURAL_UNIT = new RegExp(`^(\\p{Lu}.*?)\\s+các\\s+(${ADMIN_NOUN})\\s*:?\\s+(?=\\p{Lu})`, "u");
const bareName = (t: string) => !ORG_HEADS.test(t) && !UNIT_AT_START.test(t) && syllables(t).every((x) => x.cap) && syllables(t).length <= 5;

/**
 * A head that one item of a list opens and the bare items after it carry on, beside the list's own head (a counted
 * or plural unit noun, which unitsOf distributes): each kind says what head an item opens (and the item's own unit,
 * when the head changes how it is written) and what unit a bare item takes under that head (null: not of the kind).
 */
interface CarriedHead<H> {
  name: string;
  opens(item: string, names: boolean): { head: H; unit: string | null } | null;
  takes(head: H, item: string): string | null;
}
interface Carried { kind: CarriedHead<any>; head: any; unit: string | null }

const CARRIED_HEADS: Array<CarriedHead<any>> = [
  {
    // "Chi cục Hải quan khu vực VII, VIII và IX" (or "… khu vực: VII, VIII"): bare numerals after a serial name
    name: "series",
    opens: (item) => { const m = SERIAL_ITEM.exec(item); return m ? { head: m[1]!, unit: `${m[1]} ${m[2]}` } : null; },
    takes: (head: string, item) => (SERIAL.test(item) ? `${head} ${item}` : null),
  } satisfies CarriedHead<string>,
  {
    // "Tỉnh đoàn Kon Tum, Gia Lai, Đắk Lắk và Lâm Đồng": bare provinces after an organisation of a province; the unit
    // noun, when the first item wrote one, is each province's own ("thành phố" for a city)
    name: "province-organisation",
    opens: (item, names) => { const h = names ? null : orgOfProvince(item); return h ? { head: h, unit: null } : null; },
    takes: (head: { org: string; noun: string | null }, item) => {
      const kind = PROVINCE_KIND.get(fold(item));
      return kind === undefined ? null : `${head.org} ${head.noun ? `${kind} ` : ""}${item}`;
    },
  } satisfies CarriedHead<{ org: string; noun: string | null }>,
];

/** The head an item opens, of the first kind that reads it so, or null. */
function openCarried(item: string, names: boolean): Carried | null {
  for (const kind of CARRIED_HEADS) {
    const o = kind.opens(item, names);
    if (o) return { kind, head: o.head, unit: o.unit };
  }
  return null;
}

/**
 * Units of a list in order: the head noun is distributed, and a plural head switches it for what follows:
 * "các tỉnh X, Y" → "tỉnh X", "tỉnh Y"; "Bộ Chỉ huy Quân sự các tỉnh X, Y" → "Bộ Chỉ huy Quân sự tỉnh X", "… tỉnh Y".
 */
function unitsOf(doc: Doc, head: Head, items: Item[], names: boolean): Array<{ unit: string; item: Item }> {
  let noun = head.unit ? surfaceText(doc, head.unit[0], head.unit[1]) : null;
  let org = head.org ? surfaceText(doc, head.org[0], head.org[1]) + " " : "";
  let distribute = names;
  // "6 trường: THPT A, …", "8 bệnh viện: Bệnh viện X, …": items carry their own kind; only a bare proper name
  // ("5 trường: Lê Quý Đôn, …") takes the noun, written as the start of a name ("Trường Lê Quý Đôn")
  const counted = head.noun ? surfaceText(doc, head.noun[0], head.noun[1]) : null;
  if (counted) {
    const kind = counted.charAt(0).toUpperCase() + counted.slice(1);
    const kindWords = fold(counted);
    return items.map((item) => {
      const surface = surfaceText(doc, item[0], item[1]);
      const first = surface.split(" ")[0] ?? "";
      // "các trường: Đại học Sư phạm, …": a university's level written without "Trường" takes it ("Trường Đại học Sư phạm")
      const schoolLevel = kindWords === "truong" && /^Đại học(?![\p{L}])/u.test(surface);
      const ownKind = !schoolLevel && (fold(surface).startsWith(kindWords + " ") || ORG_HEADS.test(surface) || (first.length > 1 && first === first.toUpperCase()));
      // "5 công ty: Cổ phần In Thái Bình" → "Công ty Cổ phần In Thái Bình" when the kind is an organisation's head
      const named = !ownKind && (bareName(surface) || ORG_HEADS.test(kind));
      return { unit: named ? `${kind} ${surface}` : surface, item };
    });
  }
  const heads = prefixes.get(doc);
  let carried: Carried | null = null;
  return items.map((item) => {
    const surface = surfaceText(doc, item[0], item[1]);
    const opened = openCarried(surface, names);
    if (opened) {
      carried = opened;
      if (opened.unit !== null) return { unit: opened.unit, item };
    } else if (carried) {
      const unit = carried.kind.takes(carried.head, surface);
      if (unit !== null) return { unit, item };
      carried = null; // an item of another sort: the bare items after it do not go back to the head
    }
    const office = heads?.get(item[0]);
    if (office) return { unit: `${office.head} ${surface}${office.tail}`, item };
    const plural = PLURAL_UNIT.exec(surface);
    if (names && plural) {
      noun = plural[1]!;
      return { unit: `${org}${noun} ${surface.slice(plural[0].length).trim()}`, item };
    }
    const orgPlural = ORG_PLURAL_UNIT.exec(surface);
    if (orgPlural) {
      org = orgPlural[1]! + " ";
      noun = orgPlural[2]!;
      distribute = true;
      return { unit: `${org}${noun} ${surface.slice(orgPlural[0].length).trim()}`, item };
    }
    if (org && fold(surface).startsWith(fold(org))) return { unit: surface, item }; // "… và Hội Nông dân thành phố C"
    // "Hội Nông dân các huyện A, B và thị xã C": the organisation heads a unit written with its own noun too
    if (org && UNIT_AT_START.test(surface) && !/^TP/u.test(surface)) return { unit: `${org}${surface}`, item };
    if (!distribute || !noun || UNIT_AT_START.test(surface) || (!names && !bareName(surface))) return { unit: surface, item };
    const own = head.provinces ? PROVINCE_KIND.get(fold(surface)) ?? noun : noun;
    return { unit: `${org}${own} ${surface}`, item };
  });
}

/** The clause's subject before "của <cluster>" names contents, not members ("Giao ước … của Cụm gồm"). Folded. */
const OWNED_NOT_MEMBERS = new RegExp(`(?:^|[,;:(])[^,;:(]*(?:${CONTENT_NOUNS.source})[^,;:(]*\\scua\\s+$`, "u");
/** A noun of contents or of people right after "gồm" ("các nội dung", "4 nhiệm vụ", "5 cán bộ"). Folded. */
const LISTED_NOT_MEMBERS = new RegExp(`^\\s*:?\\s*(?:(?:co|cac|nhung|\\d{1,2}|${Object.keys(NUMBER_WORDS).map(fold).join("|")})\\s+)*(?:${CONTENT_NOUNS.source}|${PEOPLE_NOUNS.source})(?![\\p{L}])`, "u");

/** "có 7 thành viên", "có 5 đơn vị" right before "gồm": a count of a noun of the members (not of people or contents). */
const COUNT_BEFORE_GOM = new RegExp(`(?<![\\p{L}])có\\s+(${NUM})\\s+(?:${[...GENERIC_HEADS, ...DISTRIBUTED_HEADS, ...PLURAL_ORG_NOUNS].map(esc).join("|")})\\s*,?\\s*$`, "iu");
function countBeforeGom(text: string): number | null {
  const m = COUNT_BEFORE_GOM.exec(text);
  if (!m) return null;
  return /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()] ?? null;
}

/** Length of a bracket that opens right after a cluster's name and closes before `to` (its description), or 0. */
function bracketAfterName(text: string, from: number, to: number): number {
  const b = /^\s*\([^()]{1,200}\)/u.exec(text.slice(from, to));
  return b ? b[0].length : 0;
}

/** The last mention ending at or before n and starting at or after floor (mentions are in text order). */
function lastMentionBefore(mentions: ClusterMention[], n: number, floor: number): ClusterMention | undefined {
  let lo = 0, hi = mentions.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (mentions[mid]!.end <= n) lo = mid + 1; else hi = mid; }
  for (let k = lo - 1; k >= 0; k--) { const x = mentions[k]!; if (x.start < floor) return undefined; if (x.end <= n) return x; }
  return undefined;
}

export function recognizeMembers(ctx: Context): { members: MemberFact[]; notes: RecordNote[] } {
  const { doc } = ctx;
  const found: Found[] = [];
  const mentions = ctx.mentions ?? [];
  for (const rule of [MEMBER_LIST, MEMBER_LIST_CO, MEMBER_LIST_LA, MEMBER_SIGNING]) {
    for (const m of scan(rule.pattern, doc.folded)) {
      const sent = sentenceAt(doc, m.index);
      if (!sent) continue;
      // the cluster must be named just before the trigger, in the same sentence
      const near = lastMentionBefore(mentions, m.index, sent.start);
      // (a clause of its founding between them does not count: "Khối … được thành lập theo Quyết định số …, gồm")
      // (nor a bracketed description right after its name: "Khối thi đua số 2 (các cơ quan quản lý …) gồm")
      const gapFrom = near ? near.end + bracketAfterName(doc.norm, near.end, m.index) : 0;
      if ((rule === MEMBER_LIST || rule === MEMBER_LIST_CO) && (!near || (syllables(doc.norm, gapFrom, m.index).length > 8 && !FOUNDING_CLAUSE.test(doc.folded.slice(gapFrom, m.index))))) continue;
      // a signing is the cluster's when the cluster is its subject ("Cụm … đã tổ chức hội nghị ký kết …")
      if (rule === MEMBER_SIGNING && (!near || syllables(doc.norm, near.end, m.index).length > MAX_SIGNING_GAP)) continue;
      if (near && BETWEEN_NOT_MEMBERS.test(doc.folded.slice(near.end, m.index))) continue; // "cam kết … các nội dung gồm:"
      // "Giao ước thi đua năm 2025 của Cụm gồm …": the cluster owns the subject, which is not its members
      if (near && OWNED_NOT_MEMBERS.test(doc.folded.slice(Math.max(sent.start, near.start - 80), near.start))) continue;
      // "gồm các nội dung chính:", "gồm 4 nhiệm vụ:": what is listed is named after the verb
      if (LISTED_NOT_MEMBERS.test(doc.folded.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
      const head = listHead(doc, m.index + m[0].length);
      // "Cụm hiện có 7 thành viên gồm A, B, …": the count is declared before gồm
      if (rule === MEMBER_LIST && head.count === null) head.count = countBeforeGom(doc.norm.slice(Math.max(sent.start, m.index - 40), m.index));
      head.after = Math.min(head.after, sent.end); // "gồm:" then a line break: the head ends with its line
      const regionEnd = Math.min(sent.end, head.after + 2000); // a list is not longer than this; keeps run-on text linear
      const openerText = doc.norm.slice(m.index, head.after);
      // "có" says "has", not "consists of", unless a counted noun is closed by ":" or "là" ("có 5 đơn vị:")
      if (rule === MEMBER_LIST_CO && (head.count === null || !/(?::|\slà)\s*$/u.test(openerText))) continue;
      const firstText = doc.norm.slice(head.after, regionEnd).replace(/^[\s:]+/, "");
      const names = listOfNames(doc, head, firstText, openerText);
      // "A, B và 05 công ty: C, D và E": a counted list nested at the end of the list
      const nest = NESTED_HEAD.exec(doc.norm.slice(head.after, regionEnd));
      const nested = nest ? nestedHead(doc, head.after + nest.index + nest[0].length) : null;
      const listEnd = nest && nested ? head.after + nest.index : regionEnd;
      let subList: Found | null = null;
      let items = splitItems(doc, head.after, listEnd, names, orgKey(doc, head));
      if (nested && listEnd < regionEnd && items.length) {
        const sub = doc.norm.slice(nested.after, regionEnd).replace(/^[\s:]+/, "");
        const subItems = splitItems(doc, nested.after, regionEnd, listOfNames(doc, nested, sub, ""));
        if (subItems.length) subList = { cluster: null, head: nested, items: subItems, names: listOfNames(doc, nested, sub, ""), rule, at: m.index };
      }
      // the list goes on over the next lines when its line ends open ("gồm 5 đơn vị:", "…, Sở Y tế;")
      const openEnd = listEnd === sent.end && (items.length ? /[;,]\s*$/ : /:\s*$/).test(doc.norm.slice(Math.max(head.after - 1, listEnd - 3), listEnd));
      if (openEnd) items = items.concat(lineItems(doc, sent, head, openerText));
      if (!names && !subList && head.noun !== null && head.count !== null && items.length === head.count - 1) items = splitLastAnd(doc, items);
      // the parties of a signing are two or more units, not clusters ("giữa Cụm số 1 và Cụm số 2")
      if (rule === MEMBER_SIGNING && (items.length < 2 || items.some(([a, z]) => mentions.some((x) => x.start < z && a < x.end)))) continue;
      if (!items.length) {
        const c = near?.cluster ?? null;
        if (head.count !== null && c !== null && ctx.clusters[c]) ctx.clusters[c]!.declaredMembers = head.count; // "gồm 6 đơn vị" with no list
        continue;
      }
      const main: Found = { cluster: near?.cluster ?? clusterAt(ctx, m.index), head, items, names, rule, at: m.index };
      // a signing's parties stand for the members only when the cluster's list is not written out ("gồm …")
      if (rule === MEMBER_SIGNING && found.some((f) => f.cluster === main.cluster)) continue;
      found.push(main);
      if (subList) { subList.cluster = main.cluster; main.sub = subList; found.push({ ...subList, partOf: true }); }
    }
  }
  // counted lists in brackets, only for clusters that got no list otherwise
  const re = new RegExp(MEMBER_COUNTED_BRACKETS.pattern.source, MEMBER_COUNTED_BRACKETS.pattern.flags);
  let b: RegExpExecArray | null;
  while ((b = re.exec(doc.norm)) && ctx.clusters.length) {
    const count = Number(b[1]);
    const open = b.index + b[0].indexOf("(") + 1;
    const close = b.index + b[0].length - 1;
    const items = splitItems(doc, open, close, true);
    if (items.length !== count || items.some(([s]) => !isCap(doc.norm.slice(s, s + 2)))) continue;
    const cluster = clusterAt(ctx, b.index);
    if (found.some((f) => f.cluster === cluster)) continue;
    const unitStart = b.index + b[0].indexOf(b[2]!, b[1]!.length);
    // an organisation named just before the count ("MTTQ 06 quận") heads every unit
    const orgM = /((?:\p{Lu}[\p{L}]*\s+){1,3})$/u.exec(doc.norm.slice(Math.max(0, b.index - 40), b.index));
    const org: [number, number] | null = orgM ? [b.index - orgM[1]!.length, b.index - 1] : null;
    found.push({ cluster, head: { org, count, unit: [unitStart, unitStart + b[2]!.length], noun: null, after: open }, items, names: true, rule: MEMBER_COUNTED_BRACKETS, at: b.index });
  }
  const members: MemberFact[] = [];
  const notes: RecordNote[] = [];
  const seen = new Set<string>();
  const added = addedUnits(ctx);
  for (const f of found) {
    for (const { unit: written, item } of unitsOf(doc, f.head, f.items, f.names)) {
      const unit = written.replace(ABBREVIATION_IN_NAME, "");
      const key = `${f.cluster}|${fold(unit)}`;
      if (seen.has(key) || !/\p{L}/u.test(unit)) continue;
      seen.add(key);
      members.push({ cluster: f.cluster, unit, prov: prov(doc, item[0], item[1], f.rule.name, f.rule.confidence) });
    }
    const c = f.cluster !== null ? ctx.clusters[f.cluster] : undefined;
    const listed = f.items.length + (f.sub?.items.length ?? 0);
    if (c && !f.partOf) {
      if (f.head.count !== null) c.declaredMembers = f.head.count;
      c.listedMembers = listed;
    }
    if (f.head.count !== null && f.head.count !== listed) {
      const what = f.partOf ? `the nested list of ${f.head.count}` : `${f.head.count} members declared`;
      notes.push({
        kind: "member-count",
        message: `${c?.name ?? "a cluster"}: ${what}, ${listed} listed`,
        prov: prov(doc, f.at, f.items[f.items.length - 1]![1], f.rule.name, f.rule.confidence),
      });
    }
  }
  for (const a of added) {
    const key = `${a.cluster}|${fold(a.unit)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    members.push(a);
  }
  return { members, notes };
}

/** Syllables an added unit's name may run to. */
const MAX_ADDED_UNIT = 16;

/** Units added to a cluster ("có thêm X tham gia sinh hoạt trong Cụm"), the cluster being the one mentioned after the verb. */
function addedUnits(ctx: Context): MemberFact[] {
  const { doc } = ctx;
  const out: MemberFact[] = [];
  for (const m of scan(MEMBER_ADDED.pattern, doc.folded)) {
    const a = m.index + m[0].length;
    const sent = sentenceAt(doc, m.index);
    if (!sent || !/^\p{Lu}/u.test(doc.norm.slice(a, a + 2))) continue; // a name, not "có thêm 2 đơn vị"
    const join = ADDED_JOIN.exec(doc.folded.slice(a, Math.min(sent.end, a + 160)));
    if (!join) continue;
    const b = a + join.index;
    if (/[,;:()]/u.test(doc.norm.slice(a, b)) || syllables(doc.norm, a, b).length > MAX_ADDED_UNIT || hasPredicate(doc, a, b)) continue;
    const at = b + join[0].length;
    const mention = (ctx.mentions ?? []).find((x) => x.start === at);
    if (!mention) continue;
    out.push({ cluster: mention.cluster, unit: surfaceText(doc, a, b), prov: prov(doc, a, b, MEMBER_ADDED.name, MEMBER_ADDED.confidence) });
  }
  return out;
}
