// Roles recogniser: which unit leads (trưởng) or deputises (phó) a cluster, and in which year.
// Patterns covered (see roles.rules.ts):
//   "do X làm Cụm trưởng", "(X làm cụm trưởng, Y làm cụm Phó)", "suy tôn X làm Cụm trưởng và Y làm Cụm phó",
//   "X được bầu làm Khối trưởng", "X được các đơn vị thống nhất giao làm …" (a short agent before a verb of choosing),
//   "X giữ vai trò Cụm phó", "X là đơn vị Trưởng khối … năm 2020",
//   "X (đơn vị Trưởng Khối)", "X – Cụm trưởng", "Chủ tịch X- đơn vị cụm trưởng",
//   "Ông A, chủ tịch UBND xã B cụm trưởng" (unit = the organisation, never the person),
//   "bàn giao nhiệm vụ cụm trưởng cho X", "Cụm trưởng năm 2022 là X",
//   "Đại tá A, Giám đốc Công an tỉnh X, Cụm trưởng" (the organisation the post heads; a name after it is cut),
//   "ông A – Chủ tịch UBND xã B, Cụm trưởng" (a guest list: the post after a dash),
//   "Chánh Văn phòng Tỉnh ủy A thay mặt đơn vị Trưởng khối" (the post's organisation speaks for the leading unit),
//   "tỉnh A đã trao cờ cho tỉnh B – Cụm trưởng năm 2024" (the unit after "cho").
// A school year ("năm học 2023 - 2024") gives its first year, as the start of the term.
// Year: "năm Y" right after the role; "Năm Y, …" opening the sentence; else a leader elected at the
// year-end review of Y serves Y+1, and a sitting leader at a review of Y (or a signing for Y) holds Y.
import type { RoleFact, RoleKind } from "../../types.js";
import { prov, sentenceAt, surfaceText, type Doc } from "../doc.js";
import { lexiconEntries, loadLexicon, makeLexicon } from "../lexicon.js";
import { fold } from "../normalize.js";
import type { Sentence } from "../sentences.js";
import { isCap, syllables, type Syllable } from "../syllables.js";
import { ADMIN_NOUN, ADMIN_NOUN_CAP, ADMIN_NOUN_SYLLABLES, ADMIN_NOUNS, PROVINCE_NOUN } from "../unit-nouns.js";
import { clusterAt, type ClusterMention, type Context, type Rule } from "./context.js";
import { ORG_HEADS } from "./members.rules.js";
import { ASPECT_BEFORE_VERB, CLAUSE_MARKERS, CLAUSE_STOPS, ELECTION, POSITION_PREFIX, ROLE_AFTER_POSITION, ROLE_AFTER_POSITION_COMMA, ROLE_APPOSITION, ROLE_BRACKET, ROLE_CAPACITY, ROLE_ON_BEHALF, ROLE_DASH, ROLE_FORWARD, ROLE_LA, ROLE_LAM, ROLE_WORDS, UNIT_OPENERS } from "./roles.rules.js";
import { scan } from "../scan.js";
import { andInOffice, firstTwoWords } from "./unit-names.js";

const MAX_UNIT_SYLLABLES = 14;
/** A company's name written out ("Công ty trách nhiệm hữu hạn một thành viên …") may be longer. */
const MAX_ORG_SYLLABLES = 24;
const LONG_ORG_START = /^(?:Công ty|Tổng công ty|Ngân hàng|Chi nhánh|Trung tâm|Bệnh viện|Trường)(?![\p{L}])/u;

const provinces = makeLexicon("provinces");
/** Surnames from the officials' lexicon when it exists; else the commonest few. */
const SURNAMES = new Set((() => {
  try { return lexiconEntries("surnames"); } catch { return ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]; }
})().map((s) => s.toLowerCase())); // with diacritics: "Phường" (ward) is not the surname "Phương"

/** "Nguyễn Văn A": three or four capitalised syllables opening with a surname, and not a place. */
function looksLikePerson(text: string): boolean {
  const syl = syllables(text);
  if (syl.length < 3 || syl.length > 4 || !syl.every((s) => s.cap)) return false;
  if (!SURNAMES.has(syl[0]!.text.toLowerCase())) return false;
  const place = provinces.longestAt(text, 0);
  return !place;
}
/** A unit's name: a capital, or a unit noun before a capitalised name ("xã Mù Sang"). */
/** "thủ đô Hà Nội": the capital's own noun, written lower case before its name like a unit noun. */
const UNIT_NOUN_HERE = `${ADMIN_NOUN}|thủ đô`;
const UNIT_OPENS = new RegExp(`^(?:\\p{Lu}|(?:${UNIT_NOUN_HERE})\\s+\\p{Lu})`, "u");
const LOWER_UNIT_START = new RegExp(`^(?:${UNIT_NOUN_HERE})\\s+\\p{Lu}`, "u");
/** A unit whose noun is capitalised at the start of a sentence ("Xã Mù Sang", "Huyện Tam Đảo"). */
const ADMIN_UNIT_CAP = new RegExp(`^(?:${ADMIN_NOUN_CAP}|TP)\\s+\\p{Lu}`, "u");
/** Syllables of the unit nouns with their tones ("tỉnh", "huyện", "xã"), and those of a province's noun. */
const UNIT_NOUN_SYLLABLES = new Set(ADMIN_NOUNS.flatMap((n) => n.split(" ")));
const PROVINCE_NOUN_SYLLABLES = new Set(["tỉnh", "phố"]);
/** Heads of names that take a person's name (schools, museums, streets): lexicons/named-after-people.txt. */
const namedAfterPeople = makeLexicon("named-after-people");

/**
 * Index where a person's name closes a post's organisation ("Sở Y tế | Nguyễn Văn An", "UBND huyện Mường Tè | Lò Văn Phương"),
 * or -1: three or four capitalised syllables from a surname, not after a unit noun ("huyện Hoàng Su Phì") or an abbreviation,
 * nor ending the name of a school or another body named after people ("Trường THPT Chuyên Nguyễn Tất Thành", "Trường
 * Trần Phú": the organisation opens with such a head, so the name is its own).
 */
function trailingPerson(norm: string, words: Syllable[]): number {
  const head = words[0] ? namedAfterPeople.longestAt(norm, words[0].start) : null;
  if (head && !/[\p{L}]/u.test(norm.charAt(head.end))) return -1;
  for (const len of [3, 4]) {
    const k = words.length - len;
    if (k < 1) continue;
    const tail = words.slice(k);
    if (!tail.every((w) => w.cap) || !SURNAMES.has(tail[0]!.text.toLowerCase())) continue;
    const before = words[k - 1]!;
    const low = before.text.toLowerCase();
    // a unit noun before the name makes it a place ("huyện Hoàng Su Phì"); compared with its tones ("Hà Tĩnh Đặng Quốc
    // Vinh": "Tĩnh" is no "tỉnh"); after a province's noun only a province is a place ("… nhân dân tỉnh Hoàng Minh Đức")
    const unitNoun = UNIT_NOUN_SYLLABLES.has(low) && !(PROVINCE_NOUN_SYLLABLES.has(low) && !provinces.longestAt(norm, tail[0]!.start));
    if (unitNoun || /^\p{Lu}{2,}$/u.test(before.text) || /^(?:trường|viện|học)$/u.test(low)) continue;
    return k;
  }
  return -1;
}
const BOUNDARY_PUNCT = /[(),;:.!?"\n|]/; // "|" between a table's cells
/** An abbreviation: two capitals or more ("CCB", "LHPN", "BĐBP"). */
const ABBR = /^\p{Lu}{2,}$/u;
/** The bracketed abbreviation a unit's name holds, left out of the name stored ("Hội Cựu chiến binh (CCB) tỉnh A"). */
const BRACKET_ABBR = /\s*\(\p{Lu}{2,}\)(?=\s)/u;
const COMMITTEES = String.raw`UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân`;
const BEFORE_NAMED_UNIT = String.raw`\s+(?=(?:${ADMIN_NOUN})\s+\p{Lu})`;
/** The people's committee or council of a local unit, before the unit's noun and name ("UBND huyện A"). */
const COMMITTEE = new RegExp(String.raw`^(?:${COMMITTEES})${BEFORE_NAMED_UNIT}`, "u");
/** The organs of a local unit (council, people's committee, party committee, front) before the unit's noun and name. */
const LOCAL_ORGAN = new RegExp(String.raw`^(?:${COMMITTEES}|Đảng ủy|Đảng uỷ|(?:Ủy|Uỷ) ban MTTQ(?: Việt Nam)?)${BEFORE_NAMED_UNIT}`, "u");
/** An earlier post of the same chain, in an organ left unnamed ("Bí thư Đảng ủy, "). Lower case with diacritics. */
const POST_CHAIN_BEFORE = /(?:^|\s)(?:phó\s+)?(?:bí thư|chủ tịch)\s+(?:đảng ủy|đảng uỷ|hđnd|ubnd|hội đồng nhân dân|ủy ban nhân dân|uỷ ban nhân dân|ủy ban mttq|uỷ ban mttq)\s*,\s*$/u;
/** A role phrase (and its year) just before "và": the next unit's clause begins. Folded. */
const ROLE_BEFORE = new RegExp(String.raw`${ROLE_WORDS}(?:\s+thi dua)?(?:\s+nam\s+\d{4})?\s*$`, "u");

/** Second words of a deictic time adverbial before a unit ("năm nay", "năm tới", "năm sau", "hiện nay"). */
const TIME_DEICTIC = new Set(["nay", "tới", "sau"]);

/** The unit that ends at norm offset `end`: back to punctuation or a clause opener ("do", "suy tôn", …). */
function unitBefore(doc: Doc, sent: Sentence, end: number, needPosition: boolean): [number, number] | null {
  // a unit is at most MAX_UNIT_SYLLABLES long: look back a bounded window (a company's name may run to MAX_ORG_SYLLABLES), so long run-on "sentences" stay linear
  const syl = syllables(doc.norm, Math.max(sent.start, end - 300), end);
  let start = end;
  let count = 0;
  let gapEnd = end; // where the text between this syllable and the unit read so far ends
  for (let k = syl.length - 1; k >= 0; k--) {
    const s = syl[k]!;
    // "Hội Cựu chiến binh (CCB) tỉnh Yên Bái": an abbreviation in brackets inside a name stands for the words before it
    if (start < end && k > 0 && ABBR.test(s.text) && doc.norm[s.start - 1] === "(" && /^\)\s+$/u.test(doc.norm.slice(s.end, start))) {
      gapEnd = s.start - 1;
      continue;
    }
    if (BOUNDARY_PUNCT.test(doc.norm.slice(s.end, start === end ? end : gapEnd))) break;
    gapEnd = s.start;
    const before = doc.folded.slice(Math.max(sent.start, s.start - 40), s.start);
    const f = fold(s.text);
    if (f === "va" && ROLE_BEFORE.test(before)) break; // "… làm Cụm trưởng và Y làm Cụm phó", "… làm Trưởng khối năm 2024 và Y …"
    const low = s.text.toLowerCase();
    // "năm 2024 BHXH tỉnh A – Cụm trưởng": a year before the unit is the sentence's adverbial, not part of the name
    if (/^\d{4}$/.test(s.text) && k > 0 && syl[k - 1]!.text.toLowerCase() === "năm" && start < end) break;
    // "…, năm nay xã A giữ vai trò Cụm trưởng": so is a deictic time ("năm nay", "năm tới", "hiện nay")
    if (TIME_DEICTIC.has(low) && k > 0 && /^(?:năm|hiện)$/u.test(syl[k - 1]!.text.toLowerCase()) && start < end) break;
    if (!isCap(s.text) && CLAUSE_MARKERS.has(low)) break; // "tỉnh A đã trao cờ cho tỉnh B – Cụm trưởng"
    if (f !== "va" && UNIT_OPENERS.test(doc.norm.slice(Math.max(sent.start, s.end - 40), s.end).toLowerCase() + " ") && !isCap(s.text)) break;
    if (!isCap(s.text) && CLAUSE_STOPS.has(low) && low !== "do" && k < syl.length - 1 && count > 0 && isCap(syl[k + 1]!.text)) break;
    start = s.start;
    if (++count > MAX_ORG_SYLLABLES) return null;
  }
  if (start >= end) return null;
  let text = doc.folded.slice(start, end);
  const lead = /^(?:va|ca|cac|don vi)\s+/u.exec(text);
  if (lead) { start += lead[0].length; text = text.slice(lead[0].length); }
  // "Đồng chí Giám đốc Công an tỉnh, Cụm trưởng": an honorific before a post, not before a name
  const honorific = /^(?:đồng chí|ông|bà)\s+/u.exec(doc.norm.slice(start, end).toLowerCase());
  if (honorific && POSITION_PREFIX.test(doc.norm.slice(start + honorific[0].length, end).toLowerCase())) start += honorific[0].length;
  // "ông A – Chủ tịch UBND xã B, Cụm trưởng", "TS Phạm Văn C – Giám đốc Bệnh viện D, Trưởng khối": in a list of guests a
  // spaced dash puts the post after the person's name; the post opens the unit's phrase (a dash inside a name,
  // "Văn hóa - Xã hội", is not followed by a post)
  if (!POSITION_PREFIX.test(doc.norm.slice(start, end).toLowerCase())) { // also "A – Hiệu trưởng Trường B, đơn vị Khối trưởng"
    const span = doc.norm.slice(start, end);
    const dash = [...span.matchAll(/\s[-–—]\s+/gu)].reverse().find((d) => POSITION_PREFIX.test(span.slice(d.index + d[0].length).toLowerCase()));
    if (dash) start += dash.index + dash[0].length;
  }
  const pos = POSITION_PREFIX.exec(doc.norm.slice(start, end).toLowerCase());
  if (needPosition && !pos) return null;
  const postStart = start;
  if (pos) start += pos[0].length;
  // "Bí thư Đảng ủy, Chủ tịch HĐND phường A, Cụm trưởng": a chain of posts in the organs of one unit, its name written
  // once at the end; the person speaks for the unit (phường A), not for the one organ named last
  if (pos && POST_CHAIN_BEFORE.test(doc.norm.slice(Math.max(sent.start, postStart - 60), postStart).toLowerCase())) {
    const organ = LOCAL_ORGAN.exec(doc.norm.slice(start, end));
    if (organ) start += organ[0].length;
  }
  // a person is not a unit
  if (/(?<![\p{L}])(?:dong chi|ong|ba|anh|chi)\s*$/u.test(doc.folded.slice(Math.max(sent.start, start - 12), start)) || /^(?:dong chi|ong|ba)\s/u.test(doc.folded.slice(start, end))) return null;
  let words = syllables(doc.norm, start, end);
  if (pos) { // "Giám đốc Sở Y tế Nguyễn Văn An, Cụm trưởng": the person after the post is not part of the unit
    const cut = trailingPerson(doc.norm, words);
    if (cut > 0) { end = words[cut - 1]!.end; words = words.slice(0, cut); }
  }
  if (!words.length || !words.some((w) => w.cap)) return null;
  // a unit opens with a capital, a unit noun or an organisation's noun; else it is the end of a clause
  // ("… đã nỗ lực hoàn thành nhiệm vụ và tỉnh Quảng Nam làm Trưởng khối"): the unit is what follows its last "và"
  const opening = doc.norm.slice(start, end);
  const tooLong = words.length > MAX_UNIT_SYLLABLES && !LONG_ORG_START.test(opening);
  if (tooLong || (!words[0]!.cap && !ORG_HEADS.test(opening) && !LOWER_UNIT_START.test(opening))) {
    const k = opening.lastIndexOf(" và ");
    if (k < 0 || !UNIT_OPENS.test(opening.slice(k + 4))) return null;
    start += k + 4;
    words = syllables(doc.norm, start, end);
  }
  if (words.length > MAX_UNIT_SYLLABLES && !LONG_ORG_START.test(doc.norm.slice(start, end))) return null;
  if (looksLikePerson(doc.norm.slice(start, end))) return null;
  if (onlyOpeningCapital(doc, sent, start, end, words)) return null;
  if (/^(?:cum|khoi)(?:\s|$)/u.test(doc.folded.slice(start, end))) return null; // the cluster itself
  return [start, end];
}

const namedUnit = (t: string) => LOWER_UNIT_START.test(t) || ADMIN_UNIT_CAP.test(t);

/**
 * "A và B (Cụm phó)", "A và B – Cụm phó": a role written after the last of two units joined by "và" is that unit's alone
 * (with both, the text gives each its own: "A (Cụm trưởng) và B (Cụm phó)"). "và" joins two units when what follows it
 * opens one as the first does: the same first two words ("KTNN khu vực XII và KTNN khu vực XIII"), an organisation's
 * noun after an organisation, a named unit after a named unit; a "và" inside one name ("Sở Văn hóa và Thể thao",
 * "Văn phòng HĐND và UBND tỉnh") is not a join.
 */
function lastOfJoined(doc: Doc, [a, b]: [number, number]): [number, number] {
  const text = doc.norm.slice(a, b);
  const k = text.lastIndexOf(" và ");
  if (k < 0) return [a, b];
  const rest = text.slice(k + 4);
  if (andInOffice(text, k + 1)) return [a, b];
  const joins = firstTwoWords(rest) === firstTwoWords(text) || (ORG_HEADS.test(rest) && ORG_HEADS.test(text)) || (namedUnit(rest) && namedUnit(text));
  return joins ? [a + k + 4, b] : [a, b];
}

/**
 * "Mỗi năm các trường luân phiên làm Khối trưởng": a phrase whose only capital is the sentence's first letter, and which
 * does not open with an organisation's or a unit's noun, is a generic subject, not a named unit (one word may be a name).
 */
function onlyOpeningCapital(doc: Doc, sent: Sentence, start: number, end: number, words: Syllable[]): boolean {
  if (words.length < 2 || words.slice(1).some((w) => w.cap) || /[\p{L}\d]/u.test(doc.norm.slice(sent.start, start))) return false;
  const text = doc.norm.slice(start, end);
  // an abbreviation or a name in camel case ("BĐBP tỉnh", "VietinBank chi nhánh") is a name whatever its position
  return !ORG_HEADS.test(text) && !ADMIN_UNIT_CAP.test(text) && !/^\p{Lu}{2,}|^\p{Lu}\p{Ll}*\p{Lu}/u.test(words[0]!.text);
}

/**
 * Is the phrase before ", Khối trưởng …," a unit in apposition: an organisation or a named unit, not a person's rank
 * ("Tỉnh ủy viên") nor a second post after a person's name ("Ông A, Tỉnh ủy viên, Cụm trưởng")?
 */
function appositionUnit(doc: Doc, sent: Sentence, [a, b]: [number, number]): boolean {
  const text = doc.norm.slice(a, b);
  if (!ORG_HEADS.test(text) && !LOWER_UNIT_START.test(text) && !ADMIN_UNIT_CAP.test(text)) return false;
  if (/(?<![\p{L}])viên$/u.test(text)) return false; // "ủy viên", "đảng viên": a person
  const before = /(?:^|[,;:(])([^,;:(]*),\s*$/u.exec(doc.norm.slice(sent.start, a));
  return !before || !looksLikePerson(before[1]!.replace(/^\s*(?:(?:ông|bà|đồng chí)\s+)?/iu, "").trim());
}

/** The unit that starts at norm offset `from` ("cho Sở Y tế", "là tỉnh Đồng Nai"). */
function unitAfter(doc: Doc, from: number, limit: number): [number, number] | null {
  const syl = syllables(doc.norm, from, limit);
  let end = from, lower = 0, seenCap = false;
  // an organisation's name may run to three lower-case words after a capital ("Bệnh viện Y dược cổ truyền",
  // "Bệnh viện Phục hồi chức năng"); stops are read with diacritics ("dược" is no "được", "thông" in "Giao thông" no verb)
  const maxLower = ORG_HEADS.test(doc.norm.slice(from, limit)) ? 3 : 2;
  for (const s of syl) {
    const gap = doc.norm.slice(end, s.start);
    if (end > from && !/^\s*(?:-\s*)?$/.test(gap)) break;
    const f = fold(s.text);
    if (s.cap) { seenCap = true; lower = 0; }
    else if (ADMIN_NOUN_SYLLABLES.has(f) && LOWER_UNIT_START.test(doc.norm.slice(s.start, s.start + 40))) { /* unit noun before a name: "Bảo hiểm xã hội tỉnh Cao Bằng" */ }
    else if (!seenCap && ADMIN_NOUN_SYLLABLES.has(f)) { /* unit noun before the name */ }
    else if (seenCap && lower < maxLower && !CLAUSE_STOPS.has(s.text.toLowerCase()) && f !== "nam") lower++;
    else break;
    end = s.end;
  }
  return seenCap ? [from, end] : null;
}

interface YearContext { review: number | null; signing: number | null; pub: number | null }

function yearContext(doc: Doc): YearContext {
  const review = /(?:tong ket|so ket)[^.\n]{0,80}?nam(?: hoc)? (\d{4})/u.exec(doc.folded);
  const signing = /(?:ky ket|ky|giao uoc|cam ket)[^.\n]{0,60}?nam(?: hoc)? (\d{4})/u.exec(doc.folded);
  return { review: review ? Number(review[1]) : null, signing: signing ? Number(signing[1]) : null, pub: doc.pubYear };
}

/** "năm nay" (this year), folded. */
const THIS_YEAR = /(?<![\p{L}])nam nay(?![\p{L}])/u;

/** Year stated right after a role phrase ("làm Cụm phó Cụm thi đua năm 2021"), or null. */
function statedYear(doc: Doc, sent: Sentence, roleEnd: number): number | null {
  const after = doc.folded.slice(roleEnd, Math.min(sent.end, roleEnd + 200));
  const clause = after.split(/[;.]|\s(?:va|,)\s.*?(?:lam|la)\s/u)[0] ?? "";
  const direct = /^[^;]{0,70}?nam(?: hoc)? (\d{4})/u.exec(clause); // "năm học 2023 - 2024" gives 2023
  return direct ? Number(direct[1]) : null;
}

function roleYear(doc: Doc, sent: Sentence, roleStart: number, roleEnd: number, election: boolean, yc: YearContext): number | null {
  // "năm Y" right after the role, before the next role or clause
  const after = doc.folded.slice(roleEnd, Math.min(sent.end, roleEnd + 200));
  const clause = after.split(/[;.]|\s(?:va|,)\s.*?(?:lam|la)\s/u)[0] ?? "";
  const direct = /^[^;]{0,70}?nam(?: hoc)? (\d{4})/u.exec(clause); // "năm học 2023 - 2024" gives 2023
  if (direct) return Number(direct[1]);
  // "Năm 2021, Cụm … do X làm Cụm trưởng", "Theo đó, năm 2024 Cụm thi đua số 4 …": the year frames the clause
  const opening = /^(?:[\p{L}\s,]{0,20})?nam (\d{4})\s*(?:,|(?=\s*(?:cum|khoi)\s))/u.exec(doc.folded.slice(sent.start, Math.min(roleStart, sent.start + 200)));
  // "Năm 2024, A làm Khối trưởng; năm nay …, còn B làm Khối phó": a later "năm nay" sets this year against the opening one
  if (opening && yc.pub !== null && THIS_YEAR.test(doc.folded.slice(sent.start + opening[0].length, roleStart))) return yc.pub;
  if (opening) return Number(opening[1]);
  // "…, năm 2024 BHXH tỉnh A – Cụm trưởng": a year just before the unit, in the same clause, frames it (not when a
  // verb of choosing or another clause comes between: "tổng kết năm 2023 và bầu X làm Cụm trưởng" is for the next year)
  const framed = /(?:^|[\s,;:])nam (\d{4})\s+([^,;.:]{2,100})$/u.exec(doc.folded.slice(Math.max(sent.start, roleStart - 140), roleStart));
  if (framed && !ELECTION.test(framed[2]!) && !/(?<![\p{L}])va(?![\p{L}])/u.test(framed[2]!)) return Number(framed[1]);
  if (election) return yc.review !== null ? yc.review + 1 : yc.signing;
  return yc.review ?? yc.signing ?? null;
}

function roleKind(m: RegExpExecArray): RoleKind {
  const word = m.slice(1).find((g) => g === "truong" || g === "pho");
  return word === "pho" ? "phó" : "trưởng";
}

/** A named mention starting within 3 characters after n ("cụm trưởng Cụm thi đua số 4"). */
function mentionAt(mentions: ClusterMention[], n: number): ClusterMention | undefined {
  let lo = 0, hi = mentions.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (mentions[mid]!.start < n) lo = mid + 1; else hi = mid; }
  for (let k = lo; k < mentions.length && mentions[k]!.start - n <= 3; k++) if (mentions[k]!.cluster !== null) return mentions[k];
  return undefined;
}

export function recognizeRoles(ctx: Context): RoleFact[] {
  const { doc } = ctx;
  const yc = yearContext(doc);
  const roles: RoleFact[] = [];
  const usedRolePhrases = new Set<number>();
  const seen = new Map<string, number>();
  const add = (unit: [number, number], role: RoleKind, rolePos: [number, number], rule: Rule, sent: Sentence, electionHint: boolean, span: [number, number] = [unit[0], rolePos[1]]) => {
    // "suy tôn A làm Cụm trưởng và B làm Cụm phó": the verb earlier in the sentence governs both
    const election = electionHint || ELECTION.test(doc.folded.slice(Math.max(sent.start, unit[0] - 300), unit[0]));
    const year = roleYear(doc, sent, rolePos[0], rolePos[1], election, yc);
    // the cluster named right after the role ("cụm trưởng Cụm thi đua số 4"), else the one in scope
    const next = mentionAt(ctx.mentions ?? [], rolePos[1]);
    const cluster = next?.cluster ?? clusterAt(ctx, rolePos[0]);
    const surface = surfaceText(doc, unit[0], unit[1]).replace(BRACKET_ABBR, "");
    const key = `${cluster}|${role}|${fold(surface)}`;
    if (seen.has(key)) return;
    seen.set(key, roles.length);
    roles.push({ cluster, unit: surface, role, year, prov: prov(doc, span[0], span[1], rule.name, rule.confidence) });
  };
  const backward: Array<[Rule, boolean]> = [[ROLE_LAM, false], [ROLE_LA, false], [ROLE_BRACKET, false], [ROLE_DASH, false], [ROLE_ON_BEHALF, true], [ROLE_AFTER_POSITION_COMMA, true], [ROLE_AFTER_POSITION, true]];
  // forward pattern first: "bàn giao nhiệm vụ Cụm trưởng cho X" must not read "nhiệm vụ" as a unit
  for (const f of scan(ROLE_FORWARD.pattern, doc.folded)) {
    const sent = sentenceAt(doc, f.index);
    if (!sent) continue;
    const roleStart = f.index + f[0].search(/(?:cum|khoi|truong|pho)/u);
    const unitStart = f.index + f[0].length;
    if (!UNIT_OPENS.test(doc.norm.slice(unitStart, unitStart + 16))) continue;
    const unit = unitAfter(doc, unitStart, Math.min(sent.end, unitStart + 300));
    usedRolePhrases.add(roleStart);
    if (!unit) continue;
    const explicit = f[7] ?? f[8] ? Number(f[7] ?? f[8]) : null; // a school year "2023 - 2024" gives 2023
    const handover = f[1] !== undefined || /(?:cho)\s+$/u.test(f[0]);
    const kind = roleKind(f);
    const before = roles.length;
    add(unit, kind, [roleStart, f.index + f[0].length], ROLE_FORWARD, sent, handover);
    if (explicit !== null && roles.length > before) roles[roles.length - 1]!.year = explicit;
  }
  // "với vai trò Cụm trưởng, Sở A đã …": the clause's subject after the comma
  for (const c of scan(ROLE_CAPACITY.pattern, doc.folded)) {
    const sent = sentenceAt(doc, c.index);
    if (!sent) continue;
    const roleStart = c.index + c[0].search(/(?:cum|khoi|truong|pho)\s/u);
    const unitStart = c.index + c[0].length;
    if (!UNIT_OPENS.test(doc.norm.slice(unitStart, unitStart + 16))) continue;
    const unit = unitAfter(doc, unitStart, Math.min(sent.end, unitStart + 300));
    if (!unit) continue;
    const text = doc.norm.slice(unit[0], unit[1]);
    if (POSITION_PREFIX.test(text.toLowerCase()) || looksLikePerson(text)) continue; // "…, Giám đốc Sở A Nguyễn Văn B cho biết"
    usedRolePhrases.add(roleStart);
    const roleEnd = roleStart + (/^\S+\s+\S+/u.exec(doc.folded.slice(roleStart))?.[0].length ?? 0);
    add(unit, roleKind(c), [roleStart, roleEnd], ROLE_CAPACITY, sent, false, [roleStart, unit[1]]); // the role is written first
  }
  for (const [rule, needPosition] of backward) {
    for (const m of scan(rule.pattern, doc.folded)) {
      const roleStart = m.index + m[0].search(/(?:cum|khoi|truong|pho)\s/u);
      if (usedRolePhrases.has(roleStart)) continue;
      const sent = sentenceAt(doc, m.index);
      if (!sent) continue;
      let end = m.index; // every backward rule's unit ends where its match begins
      while (end > sent.start && /\s/.test(doc.norm[end - 1]!)) end--;
      // "X đang giữ vai trò …", "X hiện là …": the unit ends before a word of aspect ahead of the verb
      if (rule === ROLE_LA || rule === ROLE_LAM) {
        const aspect = ASPECT_BEFORE_VERB.exec(doc.norm.slice(Math.max(sent.start, end - 24), end));
        if (aspect) { end -= aspect[0].length; while (end > sent.start && /\s/.test(doc.norm[end - 1]!)) end--; }
      }
      const roleEnd = m.index + m[0].length;
      let by = rule;
      let unit = unitBefore(doc, sent, end, needPosition);
      if (!unit && rule === ROLE_AFTER_POSITION_COMMA) {
        // no post before the comma: the role may be in apposition to the unit itself, closed by a second comma
        // ("Bệnh viện A, Khối trưởng năm 2024, …"), and then only to an organisation or a named unit
        ROLE_APPOSITION.pattern.lastIndex = roleEnd;
        if (!ROLE_APPOSITION.pattern.test(doc.folded)) {
          // "Hội A huyện B, Cụm trưởng Cụm thi đua số 2 Hội A tỉnh, tổ chức …": the role's cluster named before the comma
          const named = mentionAt(ctx.mentions ?? [], roleEnd);
          if (!named || /\S/u.test(doc.folded.slice(roleEnd, named.start))) continue;
          ROLE_APPOSITION.pattern.lastIndex = named.end;
          if (!ROLE_APPOSITION.pattern.test(doc.folded)) continue;
        }
        unit = unitBefore(doc, sent, end, false);
        if (!unit || !appositionUnit(doc, sent, unit)) continue;
        by = ROLE_APPOSITION;
      }
      if (!unit) continue;
      if (rule === ROLE_BRACKET || rule === ROLE_DASH) unit = lastOfJoined(doc, unit);
      usedRolePhrases.add(roleStart);
      const election = /duoc\s+(?:[\p{L}]+\s+){0,8}?(?:bau|suy ton|chon|cu)\s/u.test(m[0]);
      add(unit, roleKind(m), [roleStart, roleEnd], by, sent, election);
    }
  }
  // parallel roles of one sentence ("bầu A làm Khối trưởng, B làm Khối phó … năm 2024") share the year stated once
  for (const r of roles) {
    const sent = doc.sentences[r.prov.sentence];
    if (!sent) continue;
    const siblings = roles.filter((o) => o !== r && o.prov.sentence === r.prov.sentence);
    const stated = siblings.map((o) => statedYear(doc, sent, normAt(doc, o.prov.end))).find((y) => y !== null);
    if (stated != null && statedYear(doc, sent, normAt(doc, r.prov.end)) === null) r.year = stated;
  }
  return withoutOrganRepeats(roles, roles.length > 1 ? definedAbbreviations(doc) : new Map());
}

/** "Kho bạc Nhà nước (KBNN)": an abbreviation in brackets after the words it stands for. */
const DEFINED_ABBR = /\((\p{Lu}[\p{Lu}\d]{1,7})\)/gu;

/**
 * Abbreviations the article defines itself, folded ("kbnn" → "kho bac nha nuoc"): the bracketed capitals after as many
 * words as it has letters, those words' initials spelling it.
 */
function definedAbbreviations(doc: Doc): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of doc.norm.matchAll(DEFINED_ABBR)) {
    const abbr = fold(m[1]!);
    const words = doc.folded.slice(Math.max(0, m.index! - 80), m.index!).trim().split(/\s+/u).slice(-abbr.length);
    if (words.length === abbr.length && words.map((w) => w.charAt(0)).join("") === abbr) out.set(abbr, words.join(" "));
  }
  return out;
}

/** The noun of a province or a city before its name, which a caption or a headline may leave out. */
const PROVINCE_NOUN_BEFORE_NAME = new RegExp(`\\s(?:${PROVINCE_NOUN})\\s+(?=\\p{Lu})`, "gu");

/** Abbreviations of the genre (lexicons/abbreviations.txt), folded, by the folded abbreviation: "ccb" → "cuu chien binh". */
const ABBREVIATIONS = new Map(loadLexicon("abbreviations").filter(([a, x]) => !!x && /^[\p{Lu}\p{N}]+$/u.test(a)).map(([a, x]) => [fold(a), fold(x)]));
/** A folded name with its abbreviations written out, so that "Hội CCB tỉnh A" and "Hội Cựu chiến binh tỉnh A" compare equal. */
const expandAbbreviations = (folded: string, own: Map<string, string>) => folded.split(" ").map((w) => own.get(w) ?? ABBREVIATIONS.get(w) ?? w).join(" ");

/**
 * "bầu huyện A làm Cụm trưởng … trao biểu trưng Cụm trưởng cho UBND huyện A": the people's committee (or council) of a
 * unit and the unit itself holding one role of one cluster in one year are one fact; so are an organisation of a province
 * written with and without the province's noun ("Cục Thống kê tỉnh A", "Cục Thống kê A"), or with and without an
 * abbreviation of the genre or one the article defines ("Hội CCB tỉnh A", "Hội Cựu chiến binh tỉnh A"; "Kho bạc Nhà nước
 * (KBNN) A", then "KBNN A"); the first written is kept.
 */
function withoutOrganRepeats(roles: RoleFact[], own: Map<string, string>): RoleFact[] {
  const keyOf = (r: RoleFact) => `${r.cluster}|${r.role}|${r.year}|${expandAbbreviations(fold(r.unit.replace(COMMITTEE, "").replace(PROVINCE_NOUN_BEFORE_NAME, " ")), own)}`;
  const kept = new Map<string, RoleFact>();
  for (const r of [...roles].sort((a, b) => a.prov.start - b.prov.start)) if (!kept.has(keyOf(r))) kept.set(keyOf(r), r);
  return roles.filter((r) => kept.get(keyOf(r)) === r);
}

/** Norm offset of an original-text offset (first norm index mapping at or after it). */
function normAt(doc: Doc, orig: number): number {
  let lo = 0, hi = doc.map.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (doc.map[mid]! < orig) lo = mid + 1; else hi = mid; }
  return lo;
}
