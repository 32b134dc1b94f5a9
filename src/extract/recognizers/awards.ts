// Awards recogniser: a named award or title (lexicons/awards.txt) with its recipient, status and year.
//   forward:  "đề nghị khen thưởng Cờ thi đua Chính phủ tặng cho 2 thành phố … là TP Hà Nội và TP Hồ Chí Minh;
//              Bằng khen Thủ tướng Chính phủ cho 2 thành phố Cần Thơ và Hải Phòng" (status carried to the next award)
//   backward: "Ban Dân tộc tỉnh được … đề nghị tặng Cờ thi đua của UBND tỉnh", "03 đơn vị gồm: A; B và C được …",
//             "Sở Y tế vinh dự đón nhận Huân chương Lao động hạng Ba", "UBND huyện X đăng ký danh hiệu …"
// Unnamed recipients ("02 đơn vị được nhận …", "nhiều đơn vị") give nothing.
import type { AwardFact, AwardStatus } from "../../types.js";
import { yearCues } from "../dates.js";
import { docSyllables, lowerText, prov, sentenceAt, surfaceText, type Doc } from "../doc.js";
import { loadLexicon, makeLexicon } from "../lexicon.js";
import { speakerPrefixEnd } from "../names.js";
import { fold } from "../normalize.js";
import type { Sentence } from "../sentences.js";
import { syllables, type Syllable } from "../syllables.js";
import { ADMIN_NOUN, ADMIN_NOUN_CAP } from "../unit-nouns.js";
import { ACHIEVEMENT_YEAR, APPOSITION, AWARD_JOIN, BACK_REFERENCE, BARE_HEADS, CLAUSE_OPENER, COLON_SUBJECT, COUNTED_HEAD, FORWARD_CHO, HONOURED, HONOURED_END, ISSUER_HEAD, ISSUER_LOWER, NOT_A_RECIPIENT_LEXICON, OWN_CONFERRAL, PASSIVE_BEFORE, PROPOSAL_THEN_SUBJECT, PROPOSED, REPORTED_SUBJECT, RECEIVER_VERBS, RECIPIENT_STOP, SEMICOLON_SUBJECT, STATUS_RULES, SUBJECT_END, type StatusRule } from "./awards.rules.js";
import type { Context } from "./context.js";
import { DISTRIBUTED_HEADS, ORG_HEADS } from "./members.rules.js";

const awards = makeLexicon("awards");
/** Lower-case words inside organisation names ("Hội Cựu chiến binh Việt Nam"): an issuer runs on over them. */
const orgWords = makeLexicon("org-words");
/** Names of fields and bodies whose first syllable is capitalised ("Tài chính", "Quân khu", "Chấp hành"): taken whole. */
const nameWords = makeLexicon("org-words", "org-name-words");
/**
 * Posts and heads of bodies inside an issuer ("của Tổng Giám đốc BHXH Việt Nam", "của Viện trưởng VKSND tối cao",
 * "của Tổng Liên đoàn"): their later syllables are lower case.
 */
const posts = makeLexicon("positions", "org-heads");
/** First syllables of the award names: only a syllable among them can start one (saves a lexicon look-up per syllable). */
const FIRST_SYLLABLES = new Set(loadLexicon("awards").map(([e]) => e.split(/\s+/u)[0]!.toLowerCase()));

const MAX_RECIPIENT_SYLLABLES = 16;
const MAX_ISSUER_SYLLABLES = 16; // "của Ban Chấp hành Trung ương Hội Liên hiệp Phụ nữ Việt Nam"

interface Mention { start: number; end: number; sent: Sentence }
interface Span { start: number; end: number; text: string }

/** The longest field or body name, else post or body head, opening at capitalised syllable s and longer than it, in letters only. */
function capitalisedEntry(doc: Doc, s: Syllable): { entry: string; end: number } | null {
  for (const lex of [nameWords, posts]) {
    const m = lex.longestAt(doc.norm, s.start);
    if (m && m.end > s.end && /^[\p{L} ]+$/u.test(doc.norm.slice(s.start, m.end))) return m;
  }
  return null;
}

/**
 * "của Bộ trưởng Bộ Công an", "UBND tỉnh Lạng Sơn": the issuer words after a bare head. After a head that is
 * itself a body ("Cờ thi đua của Bộ"), `named` lets any capitalised name follow ("… Bộ Tài chính").
 */
function issuerEnd(doc: Doc, from: number, limit: number, named = false): number {
  if (!(named ? /^\s+\p{Lu}/u : ISSUER_HEAD).test(doc.norm.slice(from, from + 40))) return from;
  let end = from, n = 0, prevCap = false;
  for (const s of syllables(doc.norm, from, limit)) {
    if (s.start < end) continue; // inside an organisation word taken below
    if (!/^\s+$/.test(doc.norm.slice(end, s.start))) break;
    const f = fold(s.text);
    // "Trung ương Hội Cựu chiến binh Việt Nam": a lower-case word of an organisation's name after a capital
    const ow = !s.cap && prevCap ? orgWords.longestAt(doc.norm, s.start) : null;
    if (ow) { end = ow.end; n += syllables(ow.entry).length; prevCap = false; if (n > MAX_ISSUER_SYLLABLES) return from; continue; }
    // "Quân khu", "Bộ Tài chính" (a field or body name), "Tổng Giám đốc", "Liên đoàn" (a post or a body's head):
    // a capitalised word that opens one takes it whole
    const whole = s.cap ? capitalisedEntry(doc, s) : null;
    if (whole) { end = whole.end; n += syllables(whole.entry).length; prevCap = true; if (n > MAX_ISSUER_SYLLABLES) return from; continue; }
    // "Bộ Giáo dục và Đào tạo": "và" between two capitalised parts of one name, unless another award follows
    if (f === "va" && prevCap) {
      const nx = syllables(doc.norm, s.end, Math.min(limit, s.end + 12))[0];
      if (nx?.cap && /^\s+$/.test(doc.norm.slice(s.end, nx.start)) && !awards.longestAt(doc.norm, nx.start)) { end = s.end; n++; continue; }
    }
    if (!(s.cap || ISSUER_LOWER.test(f) || (n === 0 && f === "cua"))) break;
    end = s.end;
    prevCap = s.cap;
    if (++n > MAX_ISSUER_SYLLABLES) return from;
  }
  return end;
}

/** A quoted name opening with a capital, right after an award ("Cờ thi đua “Vì an ninh Tổ quốc”"). Norm (quotes straight). */
const QUOTED_NAME = /^\s*"\p{Lu}[^"\n]{2,80}"/u;

/** A place name right after an issuer ending in a unit noun: capitalised syllables only. */
function placeEnd(doc: Doc, from: number, limit: number): number {
  let end = from, n = 0;
  for (const s of syllables(doc.norm, from, limit)) {
    if (!/^\s+$/.test(doc.norm.slice(end, s.start)) || !s.cap || ++n > 5) break;
    end = s.end;
  }
  return end;
}

/** Award names in the text, longest lexicon entry first, extended by their issuer. */
function findMentions(doc: Doc): Mention[] {
  const out: Mention[] = [];
  let covered = 0;
  for (const s of docSyllables(doc)) {
    if (s.start < covered || !FIRST_SYLLABLES.has(s.text.toLowerCase())) continue;
    let m = awards.longestAt(doc.norm, s.start);
    if (!m) continue;
    let start = s.start;
    if (fold(m.entry) === "danh hieu") {
      // "danh hiệu “Tập thể lao động xuất sắc”", "danh hiệu Cờ thi đua của Chính phủ": the title itself
      const q = /^\s*"([^"\n]{3,80})"/u.exec(doc.norm.slice(m.end, m.end + 90));
      if (q) {
        start = m.end + q[0].indexOf('"') + 1;
        const end = start + q[1]!.length;
        out.push({ start, end, sent: sentenceAt(doc, start)! });
        covered = end + 1;
        continue;
      }
      const next = syllables(doc.norm, m.end, m.end + 10)[0];
      const inner = next ? awards.longestAt(doc.norm, next.start) : null;
      if (!next || !inner || fold(inner.entry) === "danh hieu") continue;
      start = next.start;
      m = inner;
    }
    const sent = sentenceAt(doc, start);
    if (!sent) continue;
    let end = m.end;
    const f = fold(m.entry);
    if (BARE_HEADS.test(f) || /(?:bo|bo truong)$/u.test(f)) end = issuerEnd(doc, end, sent.end, /(?<![\p{L}])bo$/u.test(f));
    else if (/(?:tinh|thanh pho|huyen|quan)$/u.test(f)) end = placeEnd(doc, end, sent.end); // "… UBND tỉnh Lâm Đồng"
    // "Cờ thi đua “Vì an ninh Tổ quốc”": the award's own name, quoted right after it, is part of it
    const quoted = QUOTED_NAME.exec(doc.norm.slice(end, Math.min(sent.end, end + 90)));
    if (quoted) end += quoted[0].length;
    out.push({ start, end, sent });
    covered = end;
  }
  return out;
}

const ADMIN = new RegExp(`^(?:TP\\.?|Tp\\.?|${ADMIN_NOUN}|${ADMIN_NOUN_CAP})\\s+\\p{Lu}`, "u"); // "Xã hội" is not a commune
const PERSON = /^(?:đồng chí|Đồng chí|ông|Ông|bà|Bà)\s/u;
/** Heads of organisation names beyond ORG_HEADS: "Nhà máy", "Xí nghiệp", "Quỹ" (lexicons org-heads, recipient-heads). */
const unitHeads = makeLexicon("org-heads", "recipient-heads");
const orgHead = (t: string) => ORG_HEADS.test(t) || (/^\p{Lu}/u.test(t) && unitHeads.longestAt(t, 0) !== null);
/** Quantifiers and meeting nouns that open no recipient's name ("Toàn huyện", "Hội nghị"). */
const notRecipients = makeLexicon(NOT_A_RECIPIENT_LEXICON);
const startsUnit = (t: string) => orgHead(t) || ADMIN.test(t) || PERSON.test(t);

/** Split "A; B và C", "A, B và C" into spans; commas and "và" inside an organisation's name are kept ("Sở Lao động, Thương binh và Xã hội"). */
function splitList(doc: Doc, from: number, to: number): Span[] {
  const pieces: Array<{ start: number; end: number; sep: string }> = [];
  const re = /\s*;\s*|\s*,\s*|\s+và\s+/gu;
  const text = doc.norm.slice(0, to);
  re.lastIndex = from;
  let s = from, sep = "";
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    pieces.push({ start: s, end: m.index, sep });
    sep = m[0].trim() || " ";
    s = m.index + m[0].length;
  }
  pieces.push({ start: s, end: to, sep });
  const groups: Array<{ start: number; end: number }> = [];
  for (const p of pieces) {
    const t = doc.norm.slice(p.start, p.end).trim();
    if (!t) continue;
    if (p.sep === "," && APPOSITION.test(t)) break; // "A, đơn vị dẫn đầu Cụm": the rest restates A
    const last = groups[groups.length - 1];
    if (last && p.sep !== ";" && !startsUnit(t) && orgHead(doc.norm.slice(last.start, last.end).trim())) { last.end = p.end; continue; }
    groups.push({ start: p.start, end: p.end });
  }
  return groups.map((g) => ({ ...g, text: doc.norm.slice(g.start, g.end).trim() }));
}

// global copies of the stop patterns for matchAll, compiled once (matchAll clones them, so sharing is safe)
const NAMES_STOP = new RegExp(RECIPIENT_STOP.source, "gu");
const NAMES_STOP_OR_SEMICOLON = new RegExp(RECIPIENT_STOP.source + "|;", "gu");
const SUBJECT_ENDS = new RegExp(SUBJECT_END.source, "gu");

/** Where a run of names stops: a lower-case stop word of the sentence going on, or ';' unless the list was opened by a colon. */
function namesEnd(doc: Doc, from: number, to: number, semicolons: boolean): number {
  const rest = lowerText(doc).slice(from, to);
  for (const st of rest.matchAll(semicolons ? NAMES_STOP : NAMES_STOP_OR_SEMICOLON)) {
    const word = doc.norm.slice(from + st.index, from + st.index + st[0].length).trim();
    if (/^\p{Lu}/u.test(word)) continue;
    return from + st.index;
  }
  return to;
}

/**
 * Recipients in norm[from, to): "TP Hà Nội và TP Hồ Chí Minh", "2 thành phố Cần Thơ và Hải Phòng" (head distributed),
 * "2 thành phố dẫn đầu … là A và B", "03 đơn vị gồm: A; B và C". A count with no names gives nothing.
 */
function recipients(doc: Doc, from: number, to: number): Span[] {
  // "cho: A; B và C" — a colon opens a list whose items may be separated by ';'
  let semicolons = /^\s*:/.test(doc.norm.slice(from, from + 4)) || /:\s*$/.test(doc.norm.slice(Math.max(0, from - 3), from));
  while (from < to && /[\s:]/.test(doc.norm[from]!)) from++;
  let head: string | null = null;
  let namesFrom = from;
  const counted = COUNTED_HEAD.exec(doc.folded.slice(from, to));
  if (counted) {
    const after = from + counted[0].length;
    const words = syllables(doc.norm, after, to);
    const firstCap = words.findIndex((w) => w.cap);
    const intro = /(?<![\p{L}])(?:la|gom|bao gom)\s*:?\s+|:\s*/u.exec(doc.folded.slice(after, to));
    const capAt = firstCap >= 0 ? words[firstCap]!.start : to;
    if (intro && after + intro.index < capAt) {
      namesFrom = after + intro.index + intro[0].length;
      semicolons = intro[0].includes(":");
    } else if (firstCap >= 0 && firstCap <= 3 && !/(?<![\p{L}])(?:trong|cua|thuoc|tai|o|voi)(?![\p{L}])/u.test(doc.folded.slice(after, capAt))) namesFrom = capAt;
    else return [];
    const lower = doc.norm.slice(after, namesFrom).toLowerCase();
    head = DISTRIBUTED_HEADS.find((h) => lower.startsWith(h + " ")) ?? null;
  } else {
    const colon = /^[^:;.]{0,30}?(?:gồm|bao gồm|là)\s*:\s*/u.exec(doc.norm.slice(from, to));
    if (colon) { namesFrom = from + colon[0].length; semicolons = true; }
  }
  // a name, or a place written with its lower-case unit noun ("tỉnh Phú Yên", "xã Tân Thành")
  if (!/^\p{Lu}/u.test(doc.norm.slice(namesFrom, namesFrom + 2)) && !ADMIN.test(doc.norm.slice(namesFrom, namesFrom + 40))) return [];
  const end = namesEnd(doc, namesFrom, to, semicolons);
  const out: Span[] = [];
  let person = false;
  for (const item of splitList(doc, namesFrom, end)) {
    // "Bệnh viện X – đơn vị dẫn đầu Khối": an apposition after a dash is not part of the name
    let t = item.text.replace(/\s+[–—-]\s+\p{Ll}.*$/su, "").replace(/[\s.,;:]+$/u, "");
    // "Đồng chí Nguyễn Văn A, Chánh Văn phòng Sở": the words after a person's name are the person's title
    if (person && !PERSON.test(t + " ")) continue;
    person = PERSON.test(t + " ");
    if (person) { t = t.replace(PERSON, ""); item.start = item.end - t.length; }
    if (/^(?:Cụm|Khối|cụm|khối)(?![\p{L}])/u.test(t)) continue; // the cluster itself is not a recipient
    if (!/^\p{Lu}/u.test(t) && !ADMIN.test(t)) continue;
    if (notRecipients.longestAt(t, 0)) continue;
    const n = syllables(t).length;
    if (n === 0 || n > MAX_RECIPIENT_SYLLABLES) continue;
    if (head && !startsUnit(t)) t = `${head} ${t}`;
    out.push({ start: item.start, end: item.end, text: t });
  }
  return out;
}

/** The unit honoured by a vote in norm[from, to) ("suy tôn X là đơn vị dẫn đầu"), as recipients. */
function honoured(doc: Doc, lower: string, from: number, to: number): Span[] {
  const h = [...doc.folded.slice(from, to).matchAll(HONOURED)].pop();
  if (!h) return [];
  const at = from + h.index + h[0].length;
  const stop = HONOURED_END.exec(lower.slice(at, to));
  return stop ? recipients(doc, at, at + stop.index) : [];
}

/** Where a new subject starts after the last match of a verb pattern in lower[a, to), when a name follows; else a. */
function subjectAfter(doc: Doc, lower: string, a: number, to: number, verb: RegExp): number {
  const v = [...lower.slice(a, to).matchAll(verb)].pop();
  if (!v) return a;
  const at = a + v.index + v[0].length;
  return /^\p{Lu}/u.test(doc.norm.slice(at, at + 2)) || ADMIN.test(doc.norm.slice(at, at + 40)) ? at : a;
}

/** The subject of the clause lower[a, to) as recipients, when its verb group receives ("X được tặng", not "X đã trao tặng"). */
/** Where the subject of the clause lower[a, to) ends: its first verb-group word in lower case, else to. */
function subjectEndAt(doc: Doc, lower: string, a: number, to: number): number {
  for (const v of lower.slice(a, to).matchAll(SUBJECT_ENDS)) {
    const word = doc.norm.slice(a + v.index, a + v.index + v[0].length);
    if (/^\p{Lu}/u.test(word) || v.index === 0) continue;
    // "03 đơn vị gồm: A; B và C được …": the verb after the list
    return a + v.index;
  }
  return to;
}

function subjectRecipients(doc: Doc, lower: string, a: number, to: number): Span[] {
  const subjEnd = subjectEndAt(doc, lower, a, to);
  // "tỉnh X có 3 đơn vị được tặng": the units that have it are the recipients, unnamed here
  if (!RECEIVER_VERBS.test(lower.slice(subjEnd, to)) || /\scó\s/u.test(lower.slice(a, subjEnd))) return [];
  return recipients(doc, a, subjEnd);
}

function statusOf(text: string): StatusRule | null {
  return STATUS_RULES.find((r) => r.pattern.test(text)) ?? null;
}

function yearOf(doc: Doc, sent: Sentence, clauseStart: number, clauseEnd: number): number | null {
  const clause = ACHIEVEMENT_YEAR.exec(doc.folded.slice(clauseStart, clauseEnd)) ?? ACHIEVEMENT_YEAR.exec(doc.folded.slice(sent.start, sent.end));
  if (clause) return Number(clause[1]);
  const review = yearCues(doc.folded).find((c) => c.kind === "review" || c.kind === "midterm");
  if (review) return review.year;
  return yearCues(doc.folded, sent.start, sent.end)[0]?.year ?? null;
}

export function recognizeAwards(ctx: Context): AwardFact[] {
  const { doc } = ctx;
  const lower = lowerText(doc);
  const mentions = findMentions(doc);
  const out: AwardFact[] = [];
  const seen = new Set<string>();
  let prevSent = -1, prevStatus: StatusRule | null = null, clauseStart = 0;
  let prevFound: Span[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.sent.index !== prevSent) { prevSent = m.sent.index; prevStatus = null; prevFound = []; clauseStart = m.sent.start; }
    const next = mentions[i + 1];
    const rEnd = next && next.sent.index === m.sent.index ? next.start : m.sent.end;
    const fwd = FORWARD_CHO.exec(doc.folded.slice(m.end, rEnd));
    const said = lower.slice(clauseStart, m.start) + " " + (fwd ? lower.slice(m.end, m.end + fwd[0].length) : "");
    let rule: StatusRule | null = statusOf(said) ?? (fwd ? prevStatus : null);
    // "đề nghị tặng Cờ … cho A; tặng Bằng khen … cho B": the proposal governs the clauses after it in the sentence
    if (prevStatus === PROPOSED && rule && rule !== PROPOSED && rule.status === "conferred" && !OWN_CONFERRAL.test(lower.slice(clauseStart, m.start))) rule = PROPOSED;
    let found: Span[] = [];
    if (fwd) {
      let to = rEnd;
      // the next award's clause begins after the last ';' before it
      if (next && next.sent.index === m.sent.index) {
        const semi = doc.norm.lastIndexOf(";", next.start);
        if (semi > m.end) to = semi;
      }
      found = recipients(doc, m.end + fwd[0].length, to);
      // "suy tôn X là đơn vị dẫn đầu … tặng Cờ thi đua … cho đơn vị này": the unit the vote honoured
      if (!found.length && BACK_REFERENCE.test(lower.slice(m.end + fwd[0].length, to))) found = honoured(doc, lower, clauseStart, m.start);
    } else {
      // the subject of the clause receives (or registers for) the award
      let a = clauseStart === m.sent.start ? speakerPrefixEnd(doc.norm, clauseStart, m.start) : clauseStart;
      const opener = CLAUSE_OPENER.exec(doc.folded.slice(a, m.start));
      if (opener) a += opener[0].length;
      // "… thống nhất đề nghị Thanh tra tỉnh được nhận Cờ …", "… ghi nhận năm 2023 Hội Nông dân huyện X được
      // tặng …": the name after a proposal or reporting verb is the subject
      const a0 = a, proposer = subjectAfter(doc, lower, a, m.start, PROPOSAL_THEN_SUBJECT);
      a = Math.max(proposer, subjectAfter(doc, lower, a, m.start, REPORTED_SUBJECT));
      // "Các đơn vị đã đăng ký danh hiệu thi đua năm 2024: A và B đăng ký Cờ …": a clause whose verb group ends before a
      // colon is a heading; the names after the colon register for the award
      const c = subjectAfter(doc, lower, a, m.start, COLON_SUBJECT);
      if (c > a && subjectEndAt(doc, lower, a, m.start) < c) found = subjectRecipients(doc, lower, c, m.start);
      if (!found.length) found = subjectRecipients(doc, lower, a, m.start);
      // "X được Cụm đề nghị Bộ Chỉ huy … tặng Giấy khen": the name after the proposal verb gives; X, which "được", receives
      if (!found.length && a === proposer && a > a0 && PASSIVE_BEFORE.test(lower.slice(a0, a))) found = subjectRecipients(doc, lower, a0, m.start);
      // "Hội nghị ghi nhận đăng ký của các đơn vị: A và B đăng ký …": the names after a colon are a subject of their own
      if (!found.length) {
        const c = subjectAfter(doc, lower, a, m.start, COLON_SUBJECT);
        if (c > a) found = subjectRecipients(doc, lower, c, m.start);
      }
      // "suy tôn X là đơn vị dẫn đầu, đề nghị tặng Cờ thi đua": the honoured unit of the same clause
      // "…; A và B được UBND tỉnh tặng Bằng khen": the names after the last ';'
      if (!found.length) {
        const c = subjectAfter(doc, lower, a, m.start, SEMICOLON_SUBJECT);
        if (c > a) found = subjectRecipients(doc, lower, c, m.start);
      }
      if (!found.length && rule?.status === "proposed") found = honoured(doc, lower, clauseStart, m.start);
    }
    // "X đăng ký danh hiệu Tập thể lao động xuất sắc và Cờ thi đua của UBND tỉnh": an award joined to the one before
    // it by "và" or a comma shares its recipients and status
    const prev = mentions[i - 1];
    if (!found.length && !fwd && prev && prev.sent === m.sent && prevFound.length && AWARD_JOIN.test(doc.norm.slice(prev.end, m.start))) {
      found = prevFound;
      rule = prevStatus;
    }
    prevFound = found;
    if (rule) prevStatus = rule;
    const clauseEnd = found.length ? Math.max(...found.map((f) => f.end)) : m.end;
    if (rule && found.length) {
      const award = surfaceText(doc, m.start, m.end);
      const year = yearOf(doc, m.sent, clauseStart, clauseEnd);
      for (const r of found) {
        const recipient = doc.text.slice(doc.map[r.start]!, doc.map[r.end]!).trim() === r.text ? doc.text.slice(doc.map[r.start]!, doc.map[r.end]!).trim() : r.text;
        const key = `${fold(award)}|${fold(recipient)}|${rule.status}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ award, recipient, year, status: rule.status as AwardStatus, prov: prov(doc, Math.min(m.start, r.start), Math.max(m.end, r.end), rule.name, rule.confidence) });
      }
    }
    clauseStart = Math.max(m.end, clauseEnd);
  }
  return withoutBareRepeats(out);
}

/**
 * A caption "X trao Cờ thi đua của Bộ Quốc phòng cho Y" and the text "Y được Bộ Quốc phòng tặng Cờ thi đua" tell
 * one fact: an award named without its issuer, to a recipient that has the same award named with its issuer
 * ("… của Z", "Bằng khen Thủ tướng Chính phủ") and the same status, is dropped for the fuller name.
 */
function withoutBareRepeats(facts: AwardFact[]): AwardFact[] {
  const keyOf = (f: AwardFact) => `${fold(f.recipient)}|${f.status}`;
  const fuller = new Map<string, string[]>();
  for (const f of facts) fuller.set(keyOf(f), [...(fuller.get(keyOf(f)) ?? []), f.award]);
  return facts.filter((f) => {
    const bare = f.award.toLowerCase();
    return !fuller.get(keyOf(f))!.some((a) => a.length > bare.length && a.toLowerCase().startsWith(bare + " ") && /^(?:của\s|\p{Lu})/u.test(a.slice(bare.length + 1)));
  });
}
