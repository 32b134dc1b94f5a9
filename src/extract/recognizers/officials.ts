// Officials recogniser: people named with their posts, one official per person per article.
// Shapes (officials.rules.ts): "Title Name", "Title, Title Name", "Name, Title, Title", "Name – Title",
// "Name (Title)", "các đồng chí Title: Name, Name", with ranks and degrees ("Trung tướng", "PGS.TS") kept
// apart in `rank`. Names: see names.ts. Bylines (the author, a signature line at the end) are not officials.
// A title is POSITION [modifier] [ORGANISATION]; the organisation runs over capitalised words, organisation
// and place words, "và" between names, "số 4"; it ends at punctuation, a verb, a new post or the person's name.
import type { OfficialFact } from "../../types.js";
import { prov, surfaceText, syllablesIn, type Doc } from "../doc.js";
import { lexiconEntries, makeLexicon, type Lexicon } from "../lexicon.js";
import { capRunEnd, glued, joined, nameAnchorAt, nameTail, personKey, skipHonorific } from "../names.js";
import { fold, normalize } from "../normalize.js";
import type { Sentence } from "../sentences.js";
import { syllables, type Syllable } from "../syllables.js";
import { PROVINCE_PREFIX } from "../unit-nouns.js";
import type { Context, Rule } from "./context.js";
import {
  CHAIN_START, CLUSTER_ROLE, LINK_WORDS, LOWER_CASE_PENALTY, NAME_BRACKET, NAME_TITLES, NAMED_AFTER_PERSON, ON_BEHALF_BEFORE, PLURAL_BEFORE,
  TITLE_COLON_NAMES, TITLE_NAME, TITLES_BEFORE_NAME, UNIT_ROLE_BEFORE,
} from "./officials.rules.js";

/** A lexicon with the first syllables of its entries, so most syllables are ruled out without a trie walk. */
interface Lex extends Lexicon { first: Set<string> }

function lex(...names: string[]): Lex {
  const first = new Set(names.flatMap((n) => lexiconEntries(n)).map((e) => syllables(e)[0]?.text.toLowerCase() ?? ""));
  return Object.assign(makeLexicon(...names), { first });
}

const positions = lex("positions");
const prefixes = lex("position-prefixes");
const modifiers = lex("position-modifiers");
const ranks = lex("ranks");
const orgHeads = lex("org-heads");
const adminUnits = lex("admin-units");
const provinces = lex("provinces");
/** Verbs and function words that end an organisation phrase running over lower-case words. */
const stops = lex("title-stops");
/** Degree abbreviations ("TS", "BSCKII", "ThS"): any dotted chain of them is a degree ("ThS.BSCKII", "TS.BS"). */
const DEGREE_ATOMS = new Set(lexiconEntries("ranks").filter((e) => !/\s/.test(e)).flatMap((e) => e.split(".")).filter((a) => a.length > 1));
/** Lower-case syllables an organisation phrase may run over before a clear boundary. */
const MAX_LOWER_RUN = 8;
/** Words that keep an organisation name going, capitalised or not. */
const orgWords = lex("org-words", "org-name-words", "admin-units", "org-heads");
/** Organisation words proper: a lower-case one-syllable head ("báo", "hội", "ban") is an ordinary word. */
const fieldWords = lex("org-words", "org-name-words");
/** Abbreviations written with a dot inside a title ("UBND TP. Hồ Chí Minh"), from the entries that end in one. */
const DOTTED = new Set(["admin-units", "org-heads"].flatMap((n) => lexiconEntries(n)).filter((e) => e.endsWith(".")).map((e) => e.slice(0, -1).toLowerCase()));

interface Title {
  first: number; // syllable indexes [first, last)
  last: number;
  lower: boolean; // position written in lower case
  /** A lower-case cluster post after a comma ("…, cụm trưởng năm 2023,"): a person's post only in apposition after the name or a post. */
  apposed: boolean;
}

interface Mention {
  name: [number, number]; // norm offsets
  rank: [number, number] | null;
  titles: Array<[number, number]>;
  rule: Rule<string>;
  lower: boolean;
}

/** Sentence-level view: syllables and helpers over them. */
interface View {
  doc: Doc;
  sent: Sentence;
  syl: Syllable[];
  /** Lexicon lookups are the cost of this recogniser: each (lexicon, syllable) is looked up once. */
  memo: Map<Lex, Array<LexMatch | undefined>>;
  names: Array<number | undefined>;
  /** Lower case of each syllable, filled as it is needed. */
  lower: Array<string | undefined>;
}

type LexMatch = { next: number; value: string } | -1;

/** Index of the syllable after the lexicon match that ends at norm offset `end`, starting from i. */
function after(v: View, i: number, end: number): number {
  let k = i;
  while (k < v.syl.length && v.syl[k]!.end <= end) k++;
  return k;
}

/** A lexicon match at syllable i that does not run over punctuation: its end index, or -1. */
function matchAt(v: View, lex: Lex, i: number): LexMatch {
  let row = v.memo.get(lex);
  if (!row) v.memo.set(lex, (row = []));
  return (row[i] ??= lookup(v, lex, i));
}

function lookup(v: View, lex: Lex, i: number): LexMatch {
  const s = v.syl[i];
  if (!s || !lex.first.has((v.lower[i] ??= s.text.toLowerCase()))) return -1;
  const m = lex.longestAt(v.doc.norm, s.start);
  if (!m) return -1;
  const next = after(v, i, m.end);
  // an entry may end in the abbreviation dot ("TS.", "TP."), which is not part of the syllable
  if (next === i || !/^\.?$/.test(v.doc.norm.slice(v.syl[next - 1]!.end, m.end))) return -1;
  for (let k = i; k < next - 1; k++) if (!/^[ ]+$|^ ?- ?$/.test(v.doc.norm.slice(v.syl[k]!.end, v.syl[k + 1]!.start))) return -1;
  return { next, value: m.value };
}

/** A rank or degree at syllable k: the lexicon ("Đại tá", "PGS.TS.") or a dotted chain of degree atoms ("ThS.BSCKII"). */
function rankAt(v: View, k: number): LexMatch {
  const m = matchAt(v, ranks, k);
  if (m !== -1) return m;
  const s = v.syl[k];
  if (!s?.cap || !s.text.includes(".") || !s.text.split(".").every((a) => DEGREE_ATOMS.has(a))) return -1;
  return { next: k + 1, value: "" };
}

/** The position that starts at syllable i ("Phó Chủ tịch", "nguyên Giám đốc"): where it ends and whether it stands alone. */
function positionAt(v: View, i: number): { next: number; standalone: boolean; cluster: boolean } | null {
  let k = i;
  for (let guard = 0; guard < 2; guard++) {
    const p = matchAt(v, prefixes, k);
    if (p === -1 || !joined(v.doc.norm, v.syl, p.next - 1) || matchAt(v, positions, p.next) === -1) break;
    k = p.next;
  }
  const m = matchAt(v, positions, k);
  if (m === -1) return null;
  const flags = m.value.split(",");
  if (flags.includes("capital") && !v.syl[k]!.cap) return null;
  return { next: m.next, standalone: flags.includes("standalone"), cluster: flags.includes("cluster") };
}

/** The end index of the person's name that starts at syllable i, or -1 ("… Hà Nội Lê Đình Hùng" starts at Lê). */
function nameStartsAt(v: View, i: number): number {
  return (v.names[i] ??= findName(v, i));
}

function findName(v: View, i: number): number {
  const s = v.syl[i];
  if (!s?.cap || !nameAnchorAt(v.doc.norm, v.syl, i)) return -1;
  if (provinces.longestAt(v.doc.norm, s.start)) return -1;
  const end = capRunEnd(v.doc.norm, v.syl, i, (k) => positionAt(v, k) !== null || rankAt(v, k) !== -1);
  if (nameTail(v.doc.norm, v.syl, i, end) !== i) return -1;
  if (i > 0 && joined(v.doc.norm, v.syl, i - 1)) {
    const before = v.doc.norm.slice(v.syl[Math.max(0, i - 3)]!.start, v.syl[i - 1]!.end).toLowerCase();
    // "Trường THPT Lê Quý Đôn", "phường Nguyễn Trãi": places and bodies named after people
    if (NAMED_AFTER_PERSON.test(before)) return -1;
    // "xã Lê Lợi", "Huyện ủy Hoàng Mai": two syllables right after a unit noun name a place
    if (end - i === 2 && (adminUnits.has(v.syl[i - 1]!.text) || /uy$/.test(fold(v.syl[i - 1]!.text)))) return -1;
  }
  return end;
}

/** An administrative unit noun that is not the start of a longer organisation word ("xã" but not "Xã hội"). */
function unitNounAt(v: View, k: number): boolean {
  const unit = matchAt(v, adminUnits, k);
  if (unit === -1) return false;
  const word = matchAt(v, orgWords, k);
  return word === -1 || word.next <= unit.next;
}

/**
 * Does syllable i come right after an administrative unit noun ("phường Thành Nam", "huyện Cù Lao Dung",
 * "TP. Vĩnh Long")? The capitalised run there names the unit, whatever its first syllable.
 */
function afterUnitNoun(v: View, i: number): boolean {
  if (i <= 0 || !/^\.? +$/.test(v.doc.norm.slice(v.syl[i - 1]!.end, v.syl[i]!.start))) return false;
  for (let b = Math.max(0, i - 2); b < i; b++) {
    const unit = matchAt(v, adminUnits, b);
    if (unit !== -1 && unit.next === i && unitNounAt(v, b)) return true;
  }
  return false;
}

/** The end of the place named after a title that ends in a unit noun ("Chủ tịch UBND huyện | Cù Lao Dung"), or -1. */
function placeAfterTitle(v: View, t: Title): number {
  if (!afterUnitNoun(v, t.last) || !v.syl[t.last]?.cap) return -1;
  const end = capRunEnd(v.doc.norm, v.syl, t.last, (k) => positionAt(v, k) !== null || rankAt(v, k) !== -1);
  return end > t.last ? end : -1;
}

/** Is the name at syllable i marked as a person's: "ông", "bà", "đồng chí", a rank or degree before it, or the sentence's start? */
function personMarked(v: View, i: number): boolean {
  if (i === 0 || rankBefore(v, i) !== -1) return true;
  const before = v.doc.folded.slice(v.syl[Math.max(0, i - 2)]!.start, v.syl[i]!.start);
  return /(?:^|\s)(?:ong|ba|dong chi|d\/c)\s+$/u.test(before);
}

/**
 * "Sở Lao động, Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch": a comma inside an organisation
 * name, before "A và B" written in capitals or organisation words.
 */
function commaInsideName(v: View, i: number): boolean {
  if (positionAt(v, i) || nameStartsAt(v, i) !== -1 || matchAt(v, orgHeads, i) !== -1 || unitNounAt(v, i)) return false;
  let k = i, sawVa = false, lastVa = false;
  while (k < v.syl.length) {
    const s = v.syl[k]!;
    const word = matchAt(v, orgWords, k);
    if (fold(s.text) === "va") {
      if (k === i || sawVa) return false;
      sawVa = lastVa = true; k++;
    } else if (s.cap && word === -1) { lastVa = false; k++; }
    else if (word !== -1 && !unitNounAt(v, k)) { lastVa = false; k = word.next; }
    else break;
    if (!joined(v.doc.norm, v.syl, k - 1)) break;
  }
  if (sawVa && !lastVa) return true;
  // "Ban Thi đua, Khen thưởng tỉnh", "Cảnh sát phòng cháy, chữa cháy": fields of one body separated by commas
  return matchAt(v, fieldWords, i) !== -1 && i > 0 && endsWithOrgWord(v, i - 1);
}

/** Does the organisation word that holds syllable k end there ("Thi đua" for "đua")? */
function endsWithOrgWord(v: View, k: number): boolean {
  for (let b = Math.max(0, k - 3); b <= k; b++) {
    const m = matchAt(v, fieldWords, b);
    if (m !== -1 && m.next === k + 1) return true;
  }
  return false;
}

/** The title that starts at syllable i, or null. */
function titleAt(v: View, i: number): Title | null {
  const first = v.syl[i];
  if (!first) return null;
  const pos = positionAt(v, i) ?? apposedClusterPostAt(v, i);
  if (!pos) return null;
  const apposed = !first.cap && pos.cluster;
  // "Chi cục trưởng": a lower-case post glued to a capitalised word is the tail of another word
  if (!first.cap && i > 0 && v.syl[i - 1]!.cap && joined(v.doc.norm, v.syl, i - 1)) return null;
  if (UNIT_ROLE_BEFORE.test(v.doc.folded.slice(Math.max(v.sent.start, first.start - 12), first.start))) return null;
  const norm = v.doc.norm;
  let j = pos.next;
  for (;;) {
    const m = matchAt(v, modifiers, j);
    if (m === -1 || !joined(norm, v.syl, j - 1)) break;
    if (m.value === "beforeOrg" && !(v.syl[m.next]?.cap && joined(norm, v.syl, m.next - 1))) break;
    j = m.next;
  }
  let last = j;
  let hasOrg = false;
  // the organisation phrase so far may run on over lower-case words ("Trung tâm Phát triển | quỹ đất")
  let open = false;
  let afterHead = false; // the last word was the head of a body ("Trung tâm", "Ban"): its name starts next
  if (pos.cluster) {
    // "Cụm trưởng Cụm thi đua số 5", "Phó khối thi đua năm 2023": the post names its body, the cluster
    j = last = clusterTail(v, j);
    hasOrg = open = true;
  }
  while (j < v.syl.length) {
    const gap = norm.slice(v.syl[j - 1]!.end, v.syl[j]!.start);
    const dotted = /^\. +$/.test(gap) && DOTTED.has(v.syl[j - 1]!.text.toLowerCase());
    if (!joined(norm, v.syl, j - 1) && !dotted) {
      const inner = hasOrg && (
        (/^ *, *$/.test(gap) && !pos.standalone && commaInsideName(v, j)) ||
        // "Hội đồng Thi đua - Khen thưởng", "Khối Văn hóa - Xã hội": a dash between two parts of one name
        (/^ *- *$/.test(gap) && v.syl[j]!.cap && matchAt(v, orgWords, j) !== -1 && !unitNounAt(v, j) && !positionAt(v, j)));
      if (!inner) break;
    }
    const s = v.syl[j]!;
    if (pos.standalone && !hasOrg) {
      // a post that is a whole title takes only a place ("Đại biểu Quốc hội tỉnh Thái Nguyên") or a body
      // named with a capitalised head ("UVBTV Tỉnh ủy", "Trưởng khối thi đua Mặt trận - Đoàn thể tỉnh")
      const unit = matchAt(v, adminUnits, j);
      const placed = unit !== -1 && v.syl[unit.next]?.cap && nameStartsAt(v, unit.next) === -1;
      if (!placed && !(s.cap && matchAt(v, orgHeads, j) !== -1)) break;
    }
    if (s.cap && rankAt(v, j) !== -1 && matchAt(v, orgWords, j) === -1) break;
    if (clusterRoleAt(v, s.start)) break; // "… xã B cụm trưởng": the unit's role
    const place = matchAt(v, provinces, j);
    if (place !== -1 && s.cap) { j = last = place.next; hasOrg = true; open = false; continue; }
    if (s.cap && nameStartsAt(v, j) !== -1) break;
    if (j > pos.next) {
      const inner = positionAt(v, j);
      if (inner) {
        // "Ủy viên Đoàn Chủ tịch Tổng LĐLĐ", "Ban Giám đốc": a post right after an organisation head names a body
        if (!(matchAt(v, orgHeads, j - 1) !== -1 && s.cap)) break;
        j = last = inner.next; hasOrg = true; open = false; continue;
      }
    }
    let word = matchAt(v, orgWords, j);
    if (word !== -1 && !s.cap && word.next - j === 1 && matchAt(v, fieldWords, j) === -1 && !unitNounAt(v, j)) word = -1;
    // a lower-case verb ("tổ chức", "điều hành") ends the title even where it could be an organisation word
    if (word !== -1 && !s.cap && stopAt(v, j, word.next)) break;
    const head = matchAt(v, orgHeads, j) !== -1;
    if (word !== -1 && (s.cap || hasOrg || head || matchAt(v, adminUnits, j) !== -1)) {
      const field = matchAt(v, fieldWords, j);
      // a known field ("Sở Y tế") closes the name; an "open" one ("Ban Quản lý", "cổ phần") takes an object,
      // and so does an unknown capitalised word that opens the name of a body ("Trung tâm Kiểm soát …")
      const unit = unitNounAt(v, j);
      open = !unit && (field !== -1 ? field.value === "open" : s.cap && !head && afterHead);
      afterHead = head && !unit && !abbreviation(s.text);
      j = last = word.next; hasOrg = true; continue;
    }
    const f = fold(s.text);
    if (s.cap || (/^\d/.test(s.text) && hasOrg)) {
      // "Công ty cổ phần Cấp nước Hà Tĩnh", "Trung tâm Kiểm soát bệnh tật": a capitalised word that opens a body's name,
      // after its head or after an open field, may go on in lower case
      open = s.cap && (afterHead || open) && !abbreviation(s.text);
      afterHead = false;
      j = last = glued(norm, v.syl, j) ? j + 2 : j + 1; // "Ea H'leo": a glued word is one
      hasOrg = true; continue;
    }
    if (f === "so" && hasOrg && /^\d/.test(v.syl[j + 1]?.text ?? "")) { j += 1; open = false; continue; }
    // "Kho bạc Nhà nước khu vực II", "Chi cục Thuế khu vực 3": a body's regional office, named by a number
    if (f === "khu" && hasOrg && areaNumbered(v, j)) { j = last = j + 3; open = false; continue; }
    // "Ủy ban Đối ngoại của Quốc hội", "Ban Dân vận của Tỉnh ủy": an organisation owned by a capitalised body
    if (f === "cua" && hasOrg && joined(norm, v.syl, j) && v.syl[j + 1]?.cap && matchAt(v, orgHeads, j + 1) !== -1 && nameStartsAt(v, j + 1) === -1) { j += 1; continue; }
    // "Ban Thi đua - Khen thưởng thuộc Sở Nội vụ", "Phòng … trực thuộc Cục …": a body inside a capitalised parent
    if (f === "truc" && hasOrg && joined(norm, v.syl, j) && fold(v.syl[j + 1]?.text ?? "") === "thuoc") { j += 1; continue; }
    if (f === "thuoc" && hasOrg && joined(norm, v.syl, j) && v.syl[j + 1]?.cap && matchAt(v, orgHeads, j + 1) !== -1 && !unitNounAt(v, j + 1) && nameStartsAt(v, j + 1) === -1) { j += 1; continue; }
    if (f === "va" && hasOrg && joined(norm, v.syl, j)) {
      const n = v.syl[j + 1]!;
      const nextWord = matchAt(v, orgWords, j + 1);
      // "Văn phòng HĐND và UBND huyện": two bare heads share the office; "… Công nghệ và Sở …" starts a new unit
      const headEndsHere = (b: number) => { const h = b >= 0 ? matchAt(v, orgHeads, b) : -1; return h !== -1 && h.next === j; };
      const bareHeads = matchAt(v, orgHeads, j + 1) !== -1 && (headEndsHere(j - 1) || headEndsHere(j - 2));
      const newUnit = positionAt(v, j + 1) || nameStartsAt(v, j + 1) !== -1 || (n.cap && matchAt(v, orgHeads, j + 1) !== -1 && !bareHeads);
      if (!newUnit && (n.cap || (nextWord !== -1 && !unitNounAt(v, j + 1)))) { j += 1; continue; }
    }
    // "Công đoàn các khu công nghiệp và khu kinh tế Hải Phòng": "các" after a body's head opens its scope in lower case
    const scope = afterHead && f === "cac";
    if ((open || scope) && hasOrg) {
      const end = lowerRun(v, j);
      // the scope's words end where its place or name starts ("… khu kinh tế Hải Phòng"), not at "các xã"
      if (scope && !open && !v.syl[end]?.cap) break;
      if (end > j) { j = last = end; open = false; continue; }
    }
    break;
  }
  // a bare post in lower case ("giám đốc một doanh nghiệp") is a common noun, not a title
  if (!hasOrg && !pos.standalone && !first.cap) return null;
  return { first: i, last, lower: !first.cap, apposed };
}

/**
 * "Trịnh Văn Hợp, cụm trưởng năm 2023, trình bày", "…, Giám đốc Trung tâm Y tế huyện Gò Dầu, cụm trưởng, cho biết": a
 * cluster post written in lower case after a comma is set beside the person as one more post (without the comma,
 * "chủ tịch UBND xã B cụm trưởng", it is the unit's role).
 */
function apposedClusterPostAt(v: View, i: number): { next: number; standalone: boolean; cluster: boolean } | null {
  if (i === 0 || v.syl[i]!.cap) return null;
  const m = matchAt(v, positions, i); // memoised: positionAt looked it up
  if (m === -1 || !m.value.split(",").includes("cluster") || !/^ *, *$/.test(v.doc.norm.slice(v.syl[i - 1]!.end, v.syl[i]!.start))) return null;
  return { next: m.next, standalone: true, cluster: true };
}

/** "khu vực II", "khu vực 3" at syllable j, written as one phrase. */
function areaNumbered(v: View, j: number): boolean {
  const n = v.syl[j + 2];
  return fold(v.syl[j + 1]?.text ?? "") === "vuc" && joined(v.doc.norm, v.syl, j) && joined(v.doc.norm, v.syl, j + 1) &&
    n !== undefined && /^(?:\d{1,2}|[IVX]{1,5})$/.test(n.text);
}

/** Does a cluster role start at norm offset `at`? */
const clusterRoleAt = (v: View, at: number) => CLUSTER_ROLE.test(v.doc.norm.slice(at, at + 14).toLowerCase());

/** "UBND", "LĐLĐ", "HTX": a name in capitals is complete; it does not take lower-case words after it. */
const abbreviation = (t: string) => t.length > 1 && t === t.toUpperCase();

/** A stop word ("phát biểu", "đã", "tại") at syllable k, not shadowed by a longer organisation word ending at `wordEnd`. */
function stopAt(v: View, k: number, wordEnd = k + 1): boolean {
  const m = matchAt(v, stops, k);
  return m !== -1 && m.value !== "keep" && m.next >= wordEnd;
}

/**
 * Lower-case words that carry on an organisation name ("Trung tâm Phát triển quỹ đất", "Ban Quản lý dự án
 * đầu tư xây dựng"): the end index of the run when it stops at a clear boundary (punctuation, the end of the
 * sentence, a stop word, a post, a unit noun, a place or a person's name), at most MAX_LOWER_RUN syllables;
 * else -1, and the title ends where it was.
 */
function lowerRun(v: View, j: number): number {
  const norm = v.doc.norm;
  let k = j;
  while (k < v.syl.length) {
    const s = v.syl[k]!;
    if (s.cap) {
      // a capital after the run must be something the title can end at or go on with
      const known = matchAt(v, provinces, k) !== -1 || nameStartsAt(v, k) !== -1 || positionAt(v, k) || matchAt(v, orgHeads, k) !== -1 || rankAt(v, k) !== -1;
      return known && k > j ? k : -1;
    }
    if (/^\d/.test(s.text)) return -1;
    if (fold(s.text) === "va" && k > j && joined(norm, v.syl, k)) {
      // "nông lâm sản và thủy sản": "và" inside the name unless a post or a person follows
      const n = v.syl[k + 1]!;
      if (n.cap || positionAt(v, k + 1) || stopAt(v, k + 1)) return k;
      k++; continue;
    }
    if (stopAt(v, k) || positionAt(v, k) || unitNounAt(v, k) || clusterRoleAt(v, s.start)) return k > j ? k : -1;
    const keep = matchAt(v, stops, k);
    k = keep !== -1 ? keep.next : k + 1;
    if (k - j > MAX_LOWER_RUN) return -1;
    if (!joined(norm, v.syl, k - 1)) return k; // punctuation or a line break ends the run
  }
  return k > j ? k : -1;
}

/**
 * After a cluster post: "Cụm thi đua số 5", "khối thi đua các cơ quan Đảng tỉnh", "số 3", "năm 2023".
 * Returns the end index of the cluster phrase (j when there is none).
 */
function clusterTail(v: View, j: number): number {
  const norm = v.doc.norm;
  const at = (k: number) => (k < v.syl.length && joined(norm, v.syl, k - 1) ? fold(v.syl[k]!.text) : "");
  let k = j;
  if ((at(k) === "cum" || at(k) === "khoi") && at(k + 1) === "thi" && at(k + 2) === "dua") k += 3;
  else if ((at(k) === "cum" || at(k) === "khoi") && /^\d/.test(v.syl[k + 1]?.text ?? "") && joined(norm, v.syl, k)) k += 1;
  if (at(k) === "so" && /^\d/.test(at(k + 1))) k += 2;
  else if (/^(?:\d+|[ivx]+)$/.test(at(k)) && k > j) k += 1;
  if (at(k) === "nam" && /^(?:19|20)\d\d$/.test(at(k + 1))) k += 2;
  return k;
}

/** "Giám đốc Sở Nội vụ kiêm Trưởng Ban Thi đua - Khen thưởng": the index of the next post of the same person, or -1. */
function nextInChain(v: View, k: number): number {
  if (k >= v.syl.length) return -1;
  const gap = v.doc.norm.slice(v.syl[k - 1]!.end, v.syl[k]!.start);
  // "Chánh Văn phòng kiêm Trưởng Ban …", "Chánh Văn phòng, kiêm Trưởng Ban …"
  if (/^ *,? *$/.test(gap) && fold(v.syl[k]!.text) === "kiem" && joined(v.doc.norm, v.syl, k)) return k + 1;
  if (/^ *, *$/.test(gap)) return k;
  return -1;
}

/** Headlines in capitals ("BÍ THƯ TỈNH ỦY …") cannot tell names from words. */
function shouting(syl: Syllable[]): boolean {
  let words = 0, upper = 0;
  const most = 0.3 * syl.length; // more lower-case words than this and the sentence cannot be shouting
  for (const s of syl) {
    const t = s.text;
    // a word has two letters in a row; most do at their start, so the pattern is tried only on the others
    const a = t[0]!, b = t[1];
    const upA = a.toUpperCase();
    const two = b !== undefined && a.toLowerCase() !== upA && b.toLowerCase() !== b.toUpperCase();
    if (!two && !/\p{L}{2}/u.test(t)) continue;
    words++;
    if (a !== upA || t !== t.toUpperCase()) { if (words - upper > most) return false; } else upper++;
  }
  return words >= 4 && upper >= 0.7 * words;
}

/**
 * Ranks and degrees written right before syllable i ("Trung tướng Nguyễn Ngọc Toàn", "Đại tá, TS. Nguyễn …",
 * "Thiếu tướng, PGS.TS Trần …"): the start index of the chain, or -1.
 */
function rankBefore(v: View, i: number): number {
  let start = -1;
  for (let at = i; at > 0;) {
    const gap = v.doc.norm.slice(v.syl[at - 1]!.end, v.syl[at]!.start);
    // a rank and the name: spaces or the abbreviation dot; two ranks: also a comma
    if (!(start === -1 ? /^[ .]+$/ : /^\.?(?: *, *| +)$/).test(gap)) break;
    let found = -1;
    for (let k = Math.max(0, at - 5); k < at; k++) {
      const m = rankAt(v, k);
      if (m !== -1 && m.next === at) { found = k; break; }
    }
    if (found === -1) break;
    start = at = found;
  }
  return start;
}

/** Past the ranks and degrees that start at syllable p ("Đại tá, TS. Nguyễn …" → the index of Nguyễn). */
function skipRanks(v: View, p: number, to = v.syl.length): number {
  let q = p;
  for (let r = rankAt(v, q); r !== -1 && r.next < to; r = rankAt(v, q)) {
    const gap = v.doc.norm.slice(v.syl[r.next - 1]!.end, v.syl[r.next]!.start);
    if (!/^\.?(?: *, *| +)$|^\.$/.test(gap)) break;
    q = r.next;
  }
  return q;
}

const spanOf = (v: View, t: Title): [number, number] => [v.syl[t.first]!.start, v.syl[t.last - 1]!.end];

function sentenceMentions(doc: Doc, sent: Sentence): Mention[] {
  const v: View = { doc, sent, syl: syllablesIn(doc, sent.start, sent.end), memo: new Map(), names: [], lower: [] };
  const { syl } = v;
  if (shouting(syl)) return [];
  const norm = doc.norm;
  // every title in the sentence, keyed by its first syllable
  const titles = new Map<number, Title>();
  for (let k = 0; k < syl.length;) {
    const t = titleAt(v, k);
    if (t) { titles.set(k, t); k = Math.max(t.last, k + 1); } else k++;
  }
  if (!titles.size) return []; // every shape below hangs on a title
  const out: Mention[] = [];
  const gapAfter = (k: number) => (k < syl.length ? norm.slice(syl[k - 1]!.end, syl[k]!.start) : "");
  const rankOf = (i: number): [number, number] | null => {
    const r = rankBefore(v, i);
    if (r === -1) return null;
    const end = syl[i - 1]!.end;
    return [syl[r]!.start, norm[end] === "." ? end + 1 : end]; // "TS." as written
  };

  // Title Name: the name right after the title, maybe after "đồng chí"/"ông" or a rank
  const named = new Map<number, [number, number]>(); // title's first syllable -> the name's [first, end)
  for (const t of titles.values()) {
    if (t.apposed) continue;
    for (let p = t.last; p <= t.last + 3 && p < syl.length; p++) {
      const q = skipRanks(v, p);
      const link = doc.folded.slice(syl[t.last - 1]!.end, syl[p]!.start);
      if (!LINK_WORDS.test(link)) break;
      if (link.includes(",") && ON_BEHALF_BEFORE.test(doc.folded.slice(Math.max(sent.start, syl[t.first]!.start - 24), syl[t.first]!.start))) break;
      const end = nameStartsAt(v, q);
      if (end === -1) continue;
      // "Giám đốc Công ty CP Mai Linh": two syllables glued to an organisation are its name, unless "ông"/a rank marks a person
      if (end - q === 2 && q === t.last) break;
      named.set(t.first, [q, end]);
      break;
    }
  }

  // Name, Title, Title … / Name – Title / Name (Title)
  const consumed = new Set<number>();
  for (let k = 0; k < syl.length; k++) {
    if (!syl[k]!.cap) continue;
    const end = capRunEnd(norm, syl, k, (x) => positionAt(v, x) !== null || rankAt(v, x) !== -1);
    const from = skipHonorific(norm, syl, k, end);
    const start = nameTail(norm, syl, from, end);
    const runStart = k;
    k = end - 1;
    if (start === -1 || provinces.longestAt(norm, syl[start]!.start)) continue;
    // only the name itself after ranks and degrees ("TS.BS Phạm Văn Hưng"), or a single sentence-opening
    // word before it ("Theo Nguyễn Văn A, …")
    // "Chủ tịch UBND phường Xuân Khánh Trần Minh Luân, Trưởng cụm": a name already found after its title may end
    // a run that began inside the title; the posts after it are the same person's
    const afterTitle = [...named.values()].some(([q, e]) => q === start && e === end);
    if (!afterTitle) {
      if (start !== skipRanks(v, from, end) && !(from === 0 && start === skipRanks(v, 1, end))) continue;
      if ([...titles.values()].some((t) => t.first <= runStart && runStart < t.last)) continue;
    }
    // "phường Thành Nam - Cụm phó": a run after a unit noun names the unit, unless the noun ends a title
    // ("Phó Chủ tịch UBND tỉnh Nguyễn Văn A, …" names its holder)
    if (afterUnitNoun(v, start) && ![...titles.values()].some((t) => t.last === start)) continue;
    let j = end;
    let gap = gapAfter(end);
    let rankAside: [number, number] | null = null;
    // "Nguyễn Văn A (thứ hai từ trái sang), Phó Chủ tịch …": an aside in brackets between the name and the titles
    if (/^ *\( *$/.test(gap) && !titles.has(end)) {
      const close = norm.indexOf(")", syl[end - 1]!.end);
      const k2 = syl.findIndex((x) => x.start > close);
      if (close !== -1 && close - syl[end - 1]!.end < 50 && k2 !== -1 && !/\n/.test(norm.slice(syl[end - 1]!.end, close))) {
        // "Nguyễn Văn A (Thượng tá) – Đồn trưởng …": a rank alone in the brackets is the person's
        const r = rankAt(v, end);
        if (r !== -1 && syl[r.next - 1]!.end <= close && /^\.? *$/.test(norm.slice(syl[r.next - 1]!.end, close))) rankAside = [syl[end]!.start, syl[r.next - 1]!.end];
        j = k2;
        gap = norm.slice(close + 1, syl[k2]!.start);
      }
    }
    const bracket = /^ *\( *$/.test(gap);
    if (!bracket && !/^ *[,\-] *$/.test(gap)) continue;
    const chain: Title[] = [];
    for (;;) {
      const t = titles.get(j);
      if (!t || consumed.has(t.first)) break;
      if (named.has(t.first)) {
        // "Ông A, Chủ tịch UBND huyện Cù Lao Dung, Cụm trưởng …": the title right after a person's name and a comma
        // is in apposition to it and holds no second person; the run after its unit noun is the unit's name. The
        // name must be a person's for sure (marked as one, or followed by more posts after the place).
        const place = chain.length || j !== end ? -1 : placeAfterTitle(v, t);
        if (place === -1 || named.get(t.first)![0] !== t.last) break;
        const more = nextInChain(v, place);
        if (!personMarked(v, start) && !(more !== -1 && titles.has(more))) break;
        named.delete(t.first);
        t.last = place;
      }
      chain.push(t);
      j = nextInChain(v, t.last);
      if (j === -1) break;
    }
    if (!chain.length) continue;
    for (const t of chain) consumed.add(t.first);
    out.push({
      name: [syl[start]!.start, syl[end - 1]!.end], rank: rankOf(start) ?? rankAside, titles: chain.map((t) => spanOf(v, t)),
      rule: bracket ? NAME_BRACKET : NAME_TITLES, lower: chain.some((t) => t.lower),
    });
  }

  // các Title: Name, Name và Name / các đồng chí Title Name và Name
  for (const t of titles.values()) {
    const colon = /^ *: *$/.test(gapAfter(t.last));
    if (t.apposed || consumed.has(t.first) || !(colon || named.has(t.first))) continue;
    if (!PLURAL_BEFORE.test(doc.folded.slice(sent.start, syl[t.first]!.start))) continue;
    const people: Array<[number, number]> = [];
    let j = colon ? t.last : named.get(t.first)![0];
    for (;;) {
      const end = nameStartsAt(v, j);
      if (end === -1 || capRunEnd(norm, syl, j) !== end) break;
      // a listed name with its own post ("…, Trần Văn B, Giám đốc Sở …") is not one of the plural post's holders
      if (people.length && /^ *[,\-] *$/.test(gapAfter(end)) && titles.has(end)) break;
      people.push([j, end]);
      const gap = gapAfter(end);
      if (/^ *[,;] *$/.test(gap)) j = end;
      else if (/^ +$/.test(gap) && fold(syl[end]?.text ?? "") === "va") j = end + 1;
      else break;
    }
    if (people.length < 2) continue; // one name after a plural post is a reading we cannot trust
    for (const [a, b] of colon ? people : people.slice(1)) {
      out.push({ name: [syl[a]!.start, syl[b - 1]!.end], rank: null, titles: [spanOf(v, t)], rule: TITLE_COLON_NAMES, lower: t.lower });
    }
  }

  // Title Name, with earlier posts of the same chain ("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nguyễn Văn A")
  for (const [first, [q, end]] of named) {
    const t = titles.get(first)!;
    const chain: Title[] = [t];
    for (;;) {
      const head = chain[0]!;
      if (head.first === 0) break;
      const prev = [...titles.values()].find((p) => nextInChain(v, p.last) === head.first);
      if (!prev || prev.apposed || named.has(prev.first) || consumed.has(prev.first)) break;
      chain.unshift(prev);
    }
    const startOk = CHAIN_START.test(doc.folded.slice(sent.start, syl[chain[0]!.first]!.start));
    const used = startOk ? chain : [t];
    out.push({
      name: [syl[q]!.start, syl[end - 1]!.end], rank: rankOf(q), titles: used.map((c) => spanOf(v, c)),
      rule: used.length > 1 ? TITLES_BEFORE_NAME : TITLE_NAME, lower: used.some((c) => c.lower),
    });
  }
  return out;
}

/**
 * The sentence splitter may end a sentence at the dot of a chained degree ("PGS.TS. Nguyễn Văn A",
 * "BSCKI. Trần …"); the degree and the name that follows on the same line are read as one sentence.
 */
function readingSentences(doc: Doc): Sentence[] {
  const out: Sentence[] = [];
  for (const s of doc.sentences) {
    const prev = out[out.length - 1];
    const tail = prev ? /(?:^|[\s,(])([\p{L}.]+)\.$/u.exec(doc.norm.slice(Math.max(prev.start, prev.end - 20), prev.end)) : null;
    const degree = tail?.[1]?.split(".").every((a) => DEGREE_ATOMS.has(a));
    if (prev && degree && prev.line === s.line && isCapStart(doc.norm, s.start)) out[out.length - 1] = { ...prev, end: s.end };
    else out.push(s);
  }
  return out;
}

const isCapStart = (norm: string, at: number) => { const c = norm[at] ?? ""; return c !== c.toLowerCase(); };

/** How much text may follow a signature line (a source note, a link). */
const SIGNATURE_TAIL = 160;


export function recognizeOfficials(ctx: Context): OfficialFact[] {
  const { doc } = ctx;
  const author = doc.article.author ? personKey(doc.article.author) : null;
  const byKey = new Map<string, OfficialFact>();
  const seenTitles = new Map<string, Set<string>>();
  for (const sent of readingSentences(doc)) {
    for (const m of sentenceMentions(doc, sent)) {
      const name = surfaceText(doc, m.name[0], m.name[1]);
      const key = personKey(name);
      if (key === author || signatureLine(doc, m)) continue; // a byline, not an official
      const conf = m.rule.confidence - (m.lower ? LOWER_CASE_PENALTY : 0);
      let o = byKey.get(key);
      if (!o) {
        o = { name, rank: null, titles: [], prov: prov(doc, m.name[0], m.name[1], m.rule.name, conf), titleProv: [] };
        byKey.set(key, o);
        seenTitles.set(key, new Set());
      }
      if (!o.rank && m.rank) o.rank = surfaceText(doc, m.rank[0], m.rank[1]);
      const seen = seenTitles.get(key)!;
      for (const [s, e] of m.titles) {
        const title = surfaceText(doc, s, e);
        const tkey = personKey(title);
        if (seen.has(tkey)) continue;
        seen.add(tkey);
        o.titles.push(title);
        o.titleProv!.push(prov(doc, s, e, m.rule.name, conf));
      }
    }
  }
  const officials = [...byKey.values()];
  // "Phó Tổng Giám đốc BHXH Việt Nam" … "Phó Tổng Giám đốc Hà Thị Lan Phương": a title repeated without its
  // organisation is the same title, not a distinct one
  // "Cục trưởng Cục Thống kê Tiền Giang" and "… Cục Thống kê tỉnh Tiền Giang" name one post: the fuller spelling stays
  for (const o of officials) {
    const keys = o.titles.map(postKey);
    // "Phó Chủ tịch UBND tỉnh" repeats "Phó Chủ tịch UBND tỉnh Nam Định" without the place: compared as written too,
    // since postKey drops the unit noun only before a place
    const raw = o.titles.map(personKey);
    const fuller = (m: number, n: number) => o.titles[m]!.length > o.titles[n]!.length || (o.titles[m]!.length === o.titles[n]!.length && m < n);
    const keep = keys.map((k, n) => !keys.some((other, m) => m !== n && (other.startsWith(k + " ") || raw[m]!.startsWith(raw[n]! + " ") || (other === k && fuller(m, n)))));
    o.titles = o.titles.filter((_, n) => keep[n]);
    o.titleProv = o.titleProv!.filter((_, n) => keep[n]);
  }
  // titles in the order the article gives them
  for (const o of officials) {
    const order = o.titles.map((t, k) => ({ t, p: o.titleProv![k]! })).sort((a, b) => a.p.start - b.p.start);
    o.titles = order.map((x) => x.t);
    o.titleProv = order.map((x) => x.p);
  }
  // the person is "first named" where the name first appears, even without a title there
  for (const o of officials) {
    const at = firstNamed(doc, o.name);
    if (at && doc.map[at[0]]! < o.prov.start) o.prov = prov(doc, at[0], at[1], o.prov.rule, o.prov.confidence);
  }
  return officials.sort((a, b) => a.prov.start - b.prov.start);
}

/** "tỉnh", "thành phố", "TP" before a capitalised place name: a post is the same with or without them. */
const UNIT_BEFORE_PLACE = new RegExp(PROVINCE_PREFIX, "gu");
/** Key of a title as a post: the person key, without the unit noun before a place. */
const postKey = (title: string) => personKey(title.replace(UNIT_BEFORE_PLACE, ""));

/**
 * "Nguyễn Văn A - Phó Chánh Văn phòng UBND huyện" alone on one of the last lines of the story: the
 * contributor's signature, not a report of an official.
 */
function signatureLine(doc: Doc, m: Mention): boolean {
  const spans = [m.name, ...m.titles, ...(m.rank ? [m.rank] : [])];
  const from = Math.min(...spans.map((x) => x[0])), to = Math.max(...spans.map((x) => x[1]));
  const lineStart = doc.norm.lastIndexOf("\n", from - 1) + 1;
  let lineEnd = doc.norm.indexOf("\n", to);
  if (lineEnd === -1) lineEnd = doc.norm.length;
  if (doc.norm.slice(lineStart, from).trim() || !/^[\s.;,()-]*$/.test(doc.norm.slice(to, lineEnd))) return false;
  return doc.norm.slice(lineEnd).trim().length < SIGNATURE_TAIL;
}

/** Norm span of the first occurrence of a name in the article, at word boundaries. */
function firstNamed(doc: Doc, name: string): [number, number] | null {
  // indexOf with a word-boundary check: a regex with a Unicode lookbehind tried at every offset was a fifth of extraction
  const n = normalize(name).norm;
  if (!n) return null;
  const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let k = doc.norm.indexOf(n); k >= 0; k = doc.norm.indexOf(n, k + 1)) {
    if (!wordChar(doc.norm[k - 1]) && !wordChar(doc.norm[k + n.length])) return [k, k + n.length];
  }
  return null;
}
