// Clusters recogniser: every cụm / khối thi đua the story is about.
// Patterns covered:
//   "Cụm thi đua số 4 thành phố Hà Nội", "Cụm Thi đua số 01 Ủy ban MTTQ Việt Nam …" (number 1),
//   "Cụm thi đua cụm số VII" (Roman numeral → 7), "Cụm số 1 của MTTQ …", "Khối thi đua Văn hóa - Xã hội",
//   "Cụm thi đua 5 thành phố trực thuộc Trung ương" (no number: the 5 counts cities),
//   "Cụm thi đua số 4 - Cụm thi đua Mặt trận …" (apposition: one cluster),
//   "Khối thi đua Đảng, Mặt trận và các đoàn thể huyện X", "Khối thi đua các sở, ban, ngành Kinh tế tổng hợp",
//   "Khối thi đua các tổ chức tín dụng trên địa bàn tỉnh X" (commas, sector phrases and "trên địa bàn" inside a name).
// Mentions of one cluster merge (same kind and number; without a number, one name a prefix of the other, a plural
// head such as "các cơ quan" set aside; a title name that leaves out a qualifier, when one story cluster fits);
// the name kept is the fullest surface. A cluster named only in page furniture (a line with no final
// punctuation that is not the title, e.g. a related-article headline) is dropped. System and locality
// come from the name (lexicons cluster-systems, provinces); a local story lends its province.
import type { ClusterFact, ClusterKind } from "../../types.js";
import { prov, sentenceAt, surfaceText, type Doc } from "../doc.js";
import { lexiconEntries, makeLexicon } from "../lexicon.js";
import { fold } from "../normalize.js";
import { syllables, type Syllable } from "../syllables.js";
import { PROVINCE_PREFIX } from "../unit-nouns.js";
import { firstMatch, scan } from "../scan.js";
import { foldedKey } from "../../store/names.js";

const PROVINCE_BEFORE_NAME = new RegExp(PROVINCE_PREFIX, "gu");
import { CLUSTER_HEAD, CLUSTER_REF, COORD_ENDS, COUNT_BEFORE_HEAD, COORD_STARTS, MAX_COORD_SYLLABLES, MAX_LOWER_RUN, NAME_STOPS, NAME_TRAILERS, NAME_WORDS, NOT_LOCAL, UNIT_CONJUNCT } from "./clusters.rules.js";
import type { ClusterMention, Context } from "./context.js";

interface Mention {
  kind: ClusterKind;
  number: number | null;
  start: number;
  end: number; // end of the whole name
  name: string; // norm surface
  story: boolean; // in story text (not furniture)
  plural: boolean; // after "các", "những", "mỗi", "từng" or a count ("hai cụm"): clusters in general, not one cluster
  appositionOf?: number; // index of the mention this one restates
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
export function romanToInt(s: string): number | null {
  let total = 0;
  const t = s.toLowerCase();
  for (let k = 0; k < t.length; k++) {
    const v = ROMAN[t[k]!], next = ROMAN[t[k + 1] ?? ""] ?? 0;
    if (!v) return null;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

const orgWords = makeLexicon("org-words", "cluster-sectors");

/**
 * Does a comma at syllable k continue a coordinated list of organisations that the name names
 * ("Khối thi đua Đảng, Mặt trận và các đoàn thể …")? Only when a "và" closes the list within a few
 * capitalised (or organisation) words, with no verb or other punctuation on the way.
 */
function coordinationAhead(doc: Doc, syl: Syllable[], k: number): boolean {
  if (!syl[k]?.cap || UNIT_CONJUNCT.test(doc.norm.slice(syl[k]!.start, syl[k]!.start + 16))) return false;
  let prevEnd = syl[k - 1]?.end ?? syl[k]!.start;
  for (let j = k, n = 0; j < syl.length && n < MAX_COORD_SYLLABLES; j++, n++) {
    const s = syl[j]!;
    const gap = doc.norm.slice(prevEnd, s.start);
    if (j > k && !/^\s+$/.test(gap) && !/^\s*,\s*$/.test(gap)) return false;
    const f = fold(s.text);
    if (f === "va" && !s.cap && /^\s+$/.test(gap)) return j > k;
    if (!s.cap && (NAME_STOPS.has(f) || !(NAME_WORDS.has(s.text.toLowerCase()) || orgWords.longestAt(doc.norm, syl[j - 1]!.start)))) return false;
    prevEnd = s.end;
  }
  return false;
}

/** Verbs that end a name written in capitals (lexicons/name-ending-verbs.txt). */
const endingVerbs = makeLexicon("name-ending-verbs");

/** Nouns of units named by a number (lexicons/numbered-unit-heads.txt), lower case. */
const NUMBERED_HEADS = new Set(lexiconEntries("numbered-unit-heads").map((e) => e.toLowerCase()));
/** Do the one or two syllables before syllable k name a unit that a number follows ("Quân khu", "Vùng")? */
const numberedHeadBefore = (syl: Syllable[], k: number) =>
  NUMBERED_HEADS.has(syl[k - 1]!.text.toLowerCase()) || (k > 1 && NUMBERED_HEADS.has(`${syl[k - 2]!.text} ${syl[k - 1]!.text}`.toLowerCase()));

/** Words after the head that still belong to the name; returns the norm end of the name. */
function nameEnd(doc: Doc, from: number, limit: number, number: number | null): { end: number; apposition: boolean } {
  const syl = syllables(doc.norm, from, limit);
  // in a line written in capitals every word looks like part of a name: the sentence's verb ends it instead
  const shouting = syl.length > 0 && !/\p{Ll}/u.test(doc.norm.slice(from, limit));
  let end = from;
  let lastGood = from;
  let lowerRun = -1; // lower-case syllables since the last capitalised one (-1: none capitalised yet)
  for (let k = 0; k < syl.length; k++) {
    const s = syl[k]!;
    const gap = doc.norm.slice(end, s.start);
    const dash = /^\s*-\s*$/.test(gap);
    const f = fold(s.text);
    // a comma inside the name: "các tỉnh, thành phố", "các sở, ban, ngành", "Đảng, Mặt trận và các đoàn thể"
    const comma = /^\s*,\s*$/.test(gap) && end > from;
    const prevWord = doc.norm.slice(syl[k - 1]?.start ?? s.start, end).toLowerCase();
    const coordinated = comma && ((!s.cap && COORD_ENDS.has(prevWord) && COORD_STARTS.has(s.text.toLowerCase())) ||
      (!number && lowerRun >= 0 && coordinationAhead(doc, syl, k)));
    if (!/^\s+$/.test(gap) && !dash && !coordinated) break; // punctuation ends the name
    if (f === "tren" && fold(doc.norm.slice(s.start, syl[k + 2]?.end ?? s.end)) === "tren dia ban") { // "… trên địa bàn tỉnh X"
      k += 2; end = syl[k]!.end; lowerRun = -1;
      continue;
    }
    if (shouting && endingVerbs.longestAt(doc.norm, s.start)) break;
    if (dash && (f === "cum" || f === "khoi")) return { end: lastGood, apposition: true };
    if ((f === "cum" || f === "khoi") && /^(thi|so)$/.test(fold(syl[k + 1]?.text ?? ""))) break; // the next cluster
    const word = orgWords.longestAt(doc.norm, s.start);
    if (word && word.end > s.end) { // a several-syllable word of an organisation's name: take it whole
      while (k + 1 < syl.length && syl[k + 1]!.start < word.end) k++;
      end = syl[k]!.end;
      lastGood = end;
      lowerRun = 0;
      continue;
    }
    if (f === "nam" && /^\d{4}$/.test(syl[k + 1]?.text ?? "")) break; // "năm 2021" is a date, not the name
    const countOfPlaces = /^\d{1,2}$/.test(s.text) && /^(thanh|tinh|quan|huyen|xa|phuong|dia|don)$/.test(fold(syl[k + 1]?.text ?? ""));
    const tổQuốc = f === "to" && fold(syl[k + 1]?.text ?? "") === "quoc";
    // "Quân khu 4", "Sư đoàn 312": a number after the noun of a numbered unit is part of its name
    const unitNumber = /^\d{1,3}$/.test(s.text) && k > 0 && numberedHeadBefore(syl, k);
    const afterCap = !s.cap && lowerRun >= 0 && lowerRun < MAX_LOWER_RUN && !NAME_STOPS.has(f) && !dash && orgWords.has(doc.norm.slice(syl[k - 1]?.start ?? s.start, s.end));
    const nameWord = NAME_WORDS.has(s.text.toLowerCase());
    if (!(s.cap || nameWord || countOfPlaces || tổQuốc || afterCap || unitNumber)) break;
    if (s.cap || unitNumber) lowerRun = 0; else if (lowerRun >= 0) lowerRun = nameWord && !afterCap ? -1 : lowerRun + 1;
    end = s.end;
    if (!NAME_TRAILERS.has(f)) lastGood = end;
  }
  return { end: lastGood, apposition: false };
}

/** Is the sentence holding n story text rather than a headline-like line of page furniture? */
function inStory(doc: Doc, n: number): boolean {
  const s = sentenceAt(doc, n);
  if (!s) return false;
  if (n < doc.bodyStart) return true; // the title paragraph
  const title = doc.article.title?.trim();
  const lineText = doc.norm.slice(s.start, s.end).trim();
  if (title && fold(lineText) === fold(title)) return true;
  if (/[.!?…:;,)"]$/.test(lineText)) return true;
  const prev = doc.sentences[s.index - 1], next = doc.sentences[s.index + 1];
  if (prev?.line === s.line || next?.line === s.line) return true; // the line holds other sentences
  return lineText.length >= 250 || syllables(lineText).length >= 40; // a long line is prose, not a headline
}

/** A plural marker just before the head, or before a head coordinated with it ("các cụm, khối", "các cụm và khối"). Folded. */
const PLURAL_BEFORE_HEAD = /(?:^|\s)(?:cac|nhung|moi|tung|cung)\s+(?:(?:cum|khoi)(?:\s+thi\s+dua)?\s*(?:,|\/|\s(?:va|hoac))\s*)?$/u;

function findMentions(doc: Doc): Mention[] {
  const out: Mention[] = [];
  let from = 0;
  for (let m = firstMatch(CLUSTER_HEAD.pattern, doc.folded); m; m = firstMatch(CLUSTER_HEAD.pattern, doc.folded, from)) {
    from = m.index + m[0].length;
    const numText = m[3];
    const surfaceNum = numText ? doc.norm.slice(m.index + m[0].length - numText.length, m.index + m[0].length) : "";
    let number: number | null = null;
    if (numText) number = /^\d+$/.test(numText) ? Number(numText) : surfaceNum === surfaceNum.toUpperCase() ? romanToInt(numText) : null;
    if (!m[2] && number === null) continue; // a bare "cụm" is a reference, not a name
    const headEnd = number === null && numText ? m.index + m[0].length - numText.length - 3 : m.index + m[0].length;
    const sent = sentenceAt(doc, m.index);
    const { end, apposition } = nameEnd(doc, headEnd, Math.min(sent ? sent.end : doc.norm.length, headEnd + 300), number); // names are short
    const kind: ClusterKind = m[1] === "cum" ? "cụm" : "khối";
    const name = doc.norm.slice(m.index, end).replace(/\s+/g, " ");
    // "các cụm, khối thi đua thuộc …": the plural marker governs a coordination of both heads
    const plural = PLURAL_BEFORE_HEAD.test(doc.folded.slice(Math.max(0, m.index - 30), m.index)) ||
      COUNT_BEFORE_HEAD.test(doc.norm.slice(Math.max(0, m.index - 16), m.index).toLowerCase());
    const mention: Mention = { kind, number, start: m.index, end, name, story: inStory(doc, m.index), plural };
    const prev = out[out.length - 1];
    if (prev && prev.end <= m.index && /^\s*-\s*$/.test(doc.norm.slice(prev.end, m.index)) && prev.number !== null && number === null) {
      mention.appositionOf = out.length - 1;
    }
    out.push(mention);
    from = Math.max(end, m.index + m[0].length);
    void apposition;
  }
  return out;
}

const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const isPrefix = (a: string[], b: string[]) => a.length <= b.length && a.every((w, k) => w === b[k]);
/** "các cơ quan", "các đơn vị", …: written or left out after the head ("Khối thi đua (các cơ quan) Nội chính"). */
const GENERIC_HEADS = lexiconEntries("cluster-generic-heads").map(words).sort((a, b) => b.length - a.length);
/** Name words without such a plural head after "Cụm/Khối thi đua". */
function withoutGenericHead(ws: string[]): string[] {
  const at = ws[1] === "thi" && ws[2] === "dua" ? 3 : 1;
  const g = GENERIC_HEADS.find((h) => h.every((w, k) => ws[at + k] === w));
  const out = g ? [...ws.slice(0, at), ...ws.slice(at + g.length)] : [...ws];
  // "các tỉnh, thành phố X" and "các tỉnh X" name the same cluster of provinces
  const t = out.indexOf("tinh", at);
  if (t >= 0 && out[t - 1] === "cac" && out[t + 1] === "thanh") out.splice(t + 1, out[t + 2] === "pho" ? 2 : 1);
  return out;
}
/** Name words without a plural marker right after "Cụm/Khối thi đua" ("các doanh nghiệp" = "doanh nghiệp"). */
function withoutPluralMarker(ws: string[]): string[] {
  const at = ws[1] === "thi" && ws[2] === "dua" ? 3 : 1;
  return ws[at] === "cac" || ws[at] === "nhung" ? [...ws.slice(0, at), ...ws.slice(at + 1)] : ws;
}
/** One unnumbered cluster's name is the other's start, once a plural head, or a plural marker before the head, is set aside. */
function sameUnnumbered(x: string, y: string): boolean {
  const a = words(x), b = words(y);
  if (sameUnnumberedWords(a, b) || sameUnnumberedWords(withoutPluralMarker(a), withoutPluralMarker(b))) return true;
  // "Cụm thi đua MTTQ các tỉnh X" and "Cụm thi đua Ủy ban MTTQ Việt Nam các tỉnh X": one name once abbreviations and
  // the variants of an organisation's name are unified (the store's comparison key)
  const ka = foldedKey(x).split(" "), kb = foldedKey(y).split(" ");
  return (ka.length !== a.length || kb.length !== b.length || ka.some((w, k) => w !== a[k])) && sameUnnumberedWords(ka, kb);
}
function sameUnnumberedWords(a: string[], b: string[]): boolean {
  if (isPrefix(a, b) || isPrefix(b, a)) return true;
  const a2 = withoutGenericHead(a), b2 = withoutGenericHead(b);
  if (a2.length === a.length && b2.length === b.length) return false;
  // what is left must still say which cluster it is
  const own = (ws: string[]) => ws.slice(ws[1] === "thi" ? 3 : 1).some((w) => !GENERIC_TAIL.has(w));
  return own(a2) && own(b2) && (isPrefix(a2, b2) || isPrefix(b2, a2));
}
/** Tail words that do not tell clusters apart ("Khối thi đua của tỉnh", "Cụm thi đua trong huyện"). Folded. */
const GENERIC_TAIL = new Set(["cua", "cac", "va", "tinh", "thanh", "pho", "quan", "huyen", "xa", "phuong", "thi", "tran", "trong", "truc", "thuoc", "nay", "cum", "khoi", "dua"]);
/** A name with nothing distinctive after the head says nothing about which cluster; nor does "các Cụm thi đua …". */
const hasOwnName = (m: Mention) =>
  m.number !== null || (!m.plural && words(m.name).slice(/thi\s+dua/.test(fold(m.name)) ? 3 : 1).some((w) => !GENERIC_TAIL.has(w)));

/** Words of a name after its head and number: "Cụm thi đua số 3 các trường THPT huyện X" → các trường thpt huyen x. */
const tailWords = (name: string) => words(fold(name).replace(/^(?:cum|khoi)(?:\s+thi\s+dua)?(?:\s+(?:cum|khoi))?(?:\s+so\s+\S+)?/u, ""));

/**
 * A cluster named without its number ("Cụm thi đua các trường THPT huyện X", often in the title) is the numbered
 * cluster whose name after the number is the same (or longer), when exactly one numbered cluster fits.
 */
function mergeUnnumbered(mentions: Mention[], groups: number[][], groupOf: number[]): void {
  const numbered = groups.map((g, k) => ({ k, g })).filter(({ g }) => g.some((i) => mentions[i]!.number !== null));
  groups.forEach((g, k) => {
    if (!g.length || g.some((i) => mentions[i]!.number !== null)) return;
    const tails = g.map((i) => tailWords(mentions[i]!.name)).filter((t) => t.length >= 2 && t.some((w) => !GENERIC_TAIL.has(w)));
    if (!tails.length) return;
    const fits = numbered.filter(({ g: other }) => other.some((i) => {
      const t = tailWords(mentions[i]!.name);
      return tails.some((u) => isPrefix(u, t));
    }));
    if (fits.length !== 1) return;
    const target = fits[0]!.k;
    for (const i of g) { groups[target]!.push(i); groupOf[i] = target; }
    groups[k] = [];
  });
}

/** The longest run of words a headline may leave out of a cluster's name ("các doanh nghiệp (nhà nước) tỉnh X"). */
const MAX_DROPPED = 4;
/**
 * Is `a` the name `b` with one short run of words left out after its own first words ("Khối thi đua các doanh
 * nghiệp tỉnh Bình Dương" for "Khối thi đua các doanh nghiệp nhà nước tỉnh Bình Dương")? What is kept before the gap
 * must still say which cluster it is, and the gap is not at the end (a prefix is merged elsewhere).
 */
function leavesOutRun(a: string[], b: string[]): boolean {
  const gap = b.length - a.length;
  if (gap < 1) return false;
  let pre = 0;
  while (pre < a.length && a[pre] === b[pre]) pre++;
  if (pre === a.length) return false;
  // the rest follows the left-out run, to the end or up to a place the headline also leaves out
  // ("… các doanh nghiệp tỉnh" for "… các doanh nghiệp nhà nước tỉnh Tây Ninh")
  const rest = a.slice(pre);
  const fits = (g: number) => pre + g + rest.length <= b.length && rest.every((w, k) => w === b[pre + g + k]);
  let g = 1;
  while (g <= Math.min(gap, MAX_DROPPED) && !fits(g)) g++;
  if (g > Math.min(gap, MAX_DROPPED)) return false;
  const head = a[1] === "thi" && a[2] === "dua" ? 3 : 1;
  return a.slice(head, pre).some((w) => !GENERIC_TAIL.has(w));
}

/**
 * Is `a` the name `b` summed up: after the words both open with, the headline keeps a few of b's later words in order
 * and leaves out the rest ("Khối thi đua các cơ quan Đảng tỉnh" for "Khối thi đua các cơ quan tham mưu, giúp việc Tỉnh
 * ủy và các đảng ủy trực thuộc tỉnh Khánh Hòa")? What the headline keeps after the shared words must hold a word that
 * tells clusters apart, so a generic tail alone ("… các cơ quan tỉnh") does not join.
 */
function keepsWordsInOrder(a: string[], b: string[]): boolean {
  if (a.length >= b.length) return false;
  const head = a[1] === "thi" && a[2] === "dua" ? 3 : 1;
  let pre = 0;
  while (pre < a.length && a[pre] === b[pre]) pre++;
  if (pre <= head || pre === a.length) return false;
  const rest = a.slice(pre);
  if (rest.every((w) => GENERIC_TAIL.has(w))) return false;
  let j = pre + 1; // at least one of b's words is left out before what is kept
  for (const w of rest) {
    while (j < b.length && b[j] !== w) j++;
    if (j++ >= b.length) return false;
  }
  return true;
}

/**
 * A headline shortens names: an unnumbered cluster named only in the title is the one story cluster whose name it
 * shortens by leaving out a qualifier, or sums up keeping some of its words in order, when exactly one fits (two blocs
 * that differ by the qualifier keep it apart).
 */
function mergeTitleShortenings(doc: Doc, mentions: Mention[], groups: number[][], groupOf: number[]): void {
  if (doc.bodyStart === 0) return;
  groups.forEach((g, k) => {
    if (!g.length || !g.every((i) => mentions[i]!.number === null && mentions[i]!.start < doc.bodyStart)) return;
    const kind = mentions[g[0]!]!.kind;
    const short = g.map((i) => words(mentions[i]!.name));
    const fits = groups.map((other, j) => ({ other, j })).filter(({ other, j }) => j !== k && other.length &&
      other.some((i) => mentions[i]!.start >= doc.bodyStart && mentions[i]!.kind === kind && mentions[i]!.number === null) &&
      other.some((i) => short.some((a) => { const b = words(mentions[i]!.name); return leavesOutRun(a, b) || keepsWordsInOrder(a, b); })));
    if (fits.length !== 1) return;
    const target = fits[0]!.j;
    for (const i of g) { groups[target]!.push(i); groupOf[i] = target; }
    groups[target]!.sort((x, y) => x - y); // text order: the title mention is the first
    groups[k] = [];
  });
}

const provinces = makeLexicon("provinces");

function localityIn(text: string): string | null {
  if (/TP\.?\s?HCM|TPHCM/i.test(text)) return "Hồ Chí Minh";
  for (const s of syllables(text)) {
    const hit = provinces.longestAt(text, s.start);
    if (hit && s.cap) return hit.entry;
  }
  return null;
}

/** The province a local story is about: named with its unit noun at least twice and far more than any other. */
function storyLocality(doc: Doc): string | null {
  const counts = new Map<string, { n: number; surface: string }>();
  for (const m of scan(PROVINCE_BEFORE_NAME, doc.norm)) {
    const hit = provinces.longestAt(doc.norm, m.index + m[0].length);
    if (!hit) continue;
    const k = fold(hit.entry);
    const c = counts.get(k) ?? { n: 0, surface: hit.entry };
    c.n++;
    counts.set(k, c);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  const [first, second] = ranked;
  if (!first || first.n < 2 || (second && second.n * 3 > first.n)) return null;
  return first.surface;
}

const systems = makeLexicon("cluster-systems");
function systemOf(name: string): string | null {
  const bo = name.match(/(?<![\p{L}])Bộ\s+(\p{Lu}[^;]*)/u);
  if (bo && !/^(Công an|Quốc phòng)/.test(bo[1]!.trim())) return `Bộ ${bo[1]!.trim()}`;
  for (const s of syllables(name)) {
    const hit = systems.longestAt(name, s.start);
    if (hit) return hit.value;
  }
  return null;
}

export function recognizeClusters(ctx: Context): ClusterFact[] {
  const { doc } = ctx;
  const mentions = findMentions(doc);
  // group mentions into clusters
  const groups: number[][] = [];
  const groupOf = new Array<number>(mentions.length).fill(-1);
  const byName = new Map<string, number>();
  const reps: Array<{ m: Mention; group: number }> = [];
  mentions.forEach((m, i) => {
    if (m.appositionOf !== undefined) { groupOf[i] = groupOf[m.appositionOf]!; if (groupOf[i]! >= 0) groups[groupOf[i]!]!.push(i); return; }
    if (!hasOwnName(m)) return;
    // compare with one mention per distinct name and group, so a much-repeated name costs nothing
    const nameKey = `${m.kind}|${m.number ?? ""}|${fold(m.name)}`;
    let g = byName.get(nameKey) ?? -1;
    if (g < 0) g = reps.find((o) => {
      if (o.m.kind !== m.kind) return false;
      if (o.m.number !== null || m.number !== null) return o.m.number === m.number;
      return sameUnnumbered(o.m.name, m.name);
    })?.group ?? -1;
    if (!byName.has(nameKey)) { byName.set(nameKey, g >= 0 ? g : groups.length); reps.push({ m, group: g >= 0 ? g : groups.length }); }
    if (g >= 0) { groups[g]!.push(i); groupOf[i] = g; } else { groupOf[i] = groups.length; groups.push([i]); }
  });
  mergeUnnumbered(mentions, groups, groupOf);
  mergeTitleShortenings(doc, mentions, groups, groupOf);
  const facts: ClusterFact[] = [];
  const factOfGroup = new Map<number, number>();
  const local = storyLocality(doc);
  groups.forEach((members, g) => {
    const own = members.filter((i) => mentions[i]!.appositionOf === undefined);
    if (!own.some((i) => mentions[i]!.story)) return; // named only in page furniture
    const best = own.filter((i) => mentions[i]!.story).reduce((a, b) => (words(mentions[b]!.name).length > words(mentions[a]!.name).length ? b : a));
    const m = mentions[best]!;
    const first = mentions[own.find((i) => mentions[i]!.story)!]!;
    const allNames = [...new Set(members.map((i) => mentions[i]!.name))].join(" ; ");
    const bestSpan = prov(doc, m.start, m.end, CLUSTER_HEAD.name, CLUSTER_HEAD.confidence);
    let locality = localityIn(m.name);
    if (!locality && !NOT_LOCAL.test(fold(m.name)) && !/Bộ\s/u.test(allNames)) locality = local;
    factOfGroup.set(g, facts.length);
    facts.push({
      kind: m.kind, number: m.number, name: surfaceText(doc, m.start, m.end),
      locality, system: systemOf(allNames),
      prov: prov(doc, first.start, first.end, CLUSTER_HEAD.name, m.number !== null ? CLUSTER_HEAD.confidence : 0.8),
    });
  });
  // every mention, named or bare, with the cluster it refers to, for the members and roles recognisers
  const all: ClusterMention[] = mentions.map((m, i) => ({ start: m.start, end: m.end, cluster: groupOf[i]! >= 0 ? factOfGroup.get(groupOf[i]!) ?? null : null }));
  const named = [...all];
  let p = 0;
  for (const r of scan(CLUSTER_REF.pattern, doc.folded)) {
    while (p < named.length && named[p]!.end <= r.index) p++;
    if (p < named.length && named[p]!.start <= r.index) continue; // inside a named mention
    all.push({ start: r.index, end: r.index + r[0].length, cluster: null });
  }
  all.sort((a, b) => a.start - b.start);
  // a bare reference means the cluster last named before it
  let last: number | null = null;
  for (const a of all) { if (a.cluster === null) a.cluster = last; else last = a.cluster; }
  ctx.mentions = all;
  return facts;
}
