// A text dump of a news page (what a browser's "save as text" or a scraper leaves) -> Article.
// Finds the headline, the dateline, the outlet tag, the byline and the article's URL, and drops the
// page furniture around the story (navigation, section labels, counters, repeated paragraphs,
// captions that repeat the headline, related-article boxes, comment forms, source and URL lines).
import type { Article } from "../types.js";
import {
  isBanner, isBreadcrumb, isCommentForm, isFurniture, isNavigation, isOrgNameLine, isSectionLabel, isSiteName, isTailHeading,
  isUpperLine, lineKey, orgNameIn, outletTag, siteNameIn, syllables, trimLine,
} from "./furniture.js";
import { cleanStory, splitBlocks } from "./story.js";
import { datelineAuthor, datelineDate, toIso, trailingDate, type FoundDate } from "./vndate.js";
import { canonicalUrl, hostOutlet, isHttpUrl } from "./url.js";
import { unwrapLines } from "./unwrap.js";

export interface TextDumpOptions {
  /** Known URL of the article (overrides a URL line in the dump). */
  url?: string | null;
  format?: Article["format"];
  /** Known headline (JSONL "title"): the text is then only the story. */
  title?: string | null;
}

// A headline has at least this many syllables; shorter lines above it are section labels or site names.
const MIN_TITLE_SYLLABLES = 6;
const MAX_TITLE_SYLLABLES = 60;
// How many lines of four syllables or more from the top may precede the headline, and how many lines in all
// (a menu of one- to three-word items may run long above it).
const HEADER_LINES = 8;
const HEADER_ALL_LINES = 30;
// How many lines under the header may still hold the dateline (some sites print it under the lead).
const DATELINE_AFTER = 3;
// Syllables past which a longer headline-like line scores no better.
const SATURATION = 16;

function looksLikeTitle(s: string): boolean {
  const n = syllables(s);
  if (n < MIN_TITLE_SYLLABLES || n > MAX_TITLE_SYLLABLES) return false;
  // a long line ending in a sentence stop after several clauses is a lead paragraph, not a headline
  if (n > 35 && /[.;]$/u.test(s) && /[,;]/u.test(s.slice(0, -1))) return false;
  return !isNavigation(s) && !isCommentForm(s) && !isTailHeading(s) && !isBreadcrumb(s);
}

// A lead opens with when it happened: "Sáng 10/5,", "Chiều ngày 29/12/2022,", "Ngày 24/12, tại…", "Sáng 1-12,".
const LEAD_OPENING = /^(?:(?:sáng|chiều|tối|trưa|đêm|hôm)(?:\s+nay|\s+qua)?\s+(?:ngày\s+)?\d|ngày\s+\d{1,2}\s*[/.-]\s*\d|(?:sáng|chiều|tối|trưa)\s+(?:nay|qua)\s*[,(])/iu;

/** The first paragraph of the story: an outlet-tagged lead, a long sentence, or a sentence opening with its day. */
function isLead(s: string): boolean {
  const n = syllables(s);
  if (n > MAX_TITLE_SYLLABLES) return true;
  // "(TTXVN) - Sáng 12/3, …" opens the story; "EVNCPC - Tổng công ty Điện lực miền Trung" above it names the site
  const tag = outletTag(s);
  if (tag) return isLead(s.slice(tag.length)) || /[.!?…;]["”)]?$/u.test(s) || syllables(s.slice(tag.length)) >= 12;
  const stop = /[.!?…;]["”)]?$/u.test(s);
  if (stop && (n > 35 || (n >= 20 && /,/u.test(s)))) return true;
  return LEAD_OPENING.test(s) && (stop || n >= 12 || /,/u.test(s));
}

/** Letter syllables of a line, lower-cased, for comparing a headline with the lead. */
function words(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

interface Header {
  title: string | null;
  /** Index of the first line of the story. */
  bodyLine: number;
  date: FoundDate | null;
  siteName: string | null;
  /** Dateline lines under the header, taken out of the story. */
  skip: Set<number>;
  /** The author named on the dateline ("Đà Nẵng, 01/03/2024 | Tác giả: Ngọc Trâm"), if any. */
  datelineAuthor: string | null;
  choices: Record<string, string>;
}

interface Candidate { line: number; text: string; trailing: FoundDate | null }

/**
 * The header of a dump: the headline, the dateline and the site name above the story.
 * The headline is the best of the headline-like lines above the lead (not a breadcrumb, dateline or label):
 * the longest (up to SATURATION syllables), with a bonus for being echoed in the lead, printed twice or
 * first, and a penalty for a line that is a site or organisation name, a banner slogan, a sentence, or in
 * capitals while another is not.
 */
function readHeader(lines: string[], given: string | null): Header {
  const choices: Record<string, string> = {};
  const skip = new Set<number>();
  let date: FoundDate | null = null;
  let author: string | null = null;
  const takeDate = (d: FoundDate, k: number) => {
    if (!date) { date = d; choices.published = "dateline above the story"; }
    author ??= datelineAuthor(lines[k]!);
    skip.add(k);
  };

  if (given !== null) {
    // JSONL with its own headline: skip the furniture, datelines and the headline printed again
    let i = 0;
    for (; i < lines.length; i++) {
      const s = lines[i]!;
      if (isFurniture(s) || isBreadcrumb(s) || isSectionLabel(s)) continue;
      const dl = datelineDate(s);
      if (dl) { takeDate(dl, i); continue; }
      if (lineKey(s) === lineKey(given)) continue;
      break;
    }
    return { title: given, bodyLine: i, date, siteName: null, skip, datelineAuthor: author, choices: { ...choices, title: "given" } };
  }

  // 1. The zone above the lead.
  const cands: Candidate[] = [];
  let i = 0;
  let long = 0;
  let all = 0;
  for (; i < lines.length; i++) {
    const s = lines[i]!;
    if (isFurniture(s) || isBreadcrumb(s)) continue;
    const dl = datelineDate(s);
    if (dl) { takeDate(dl, i); continue; }
    if (++all > HEADER_ALL_LINES) break;
    if (syllables(s) >= 4 && ++long > HEADER_LINES) break;
    if (cands.some((c) => lineKey(c.text) === lineKey(s))) continue; // headline printed twice
    if (isLead(s)) break;
    // under a headline, a sentence is the story beginning (headlines seldom end in a stop)
    if (cands.length && /[.!?…]["”)]?$/u.test(s)) break;
    const td = trailingDate(s);
    const text = td ? trimLine(td.before) : s;
    if (looksLikeTitle(text) && !isSectionLabel(text)) { cands.push({ line: i, text, trailing: td?.date ?? null }); continue; }
    if (syllables(s) > 35 && /[.]$/u.test(s)) break; // a paragraph
  }
  const zoneEnd = i;

  // 2. The lead and the lines after it, for the echo; a dateline just under the header.
  const after: string[] = [];
  let dlSeen = 0;
  for (let k = zoneEnd; k < lines.length && (after.length < 3 || dlSeen < DATELINE_AFTER); k++) {
    const s = lines[k]!;
    if (isFurniture(s)) continue;
    if (dlSeen < DATELINE_AFTER) {
      dlSeen++;
      const dl = date ? null : datelineDate(s);
      if (dl) { takeDate(dl, k); choices.published = "dateline under the lead"; continue; }
    }
    if (after.length < 3) after.push(s);
  }
  const leadWords = new Set(words(after.join(" ")));
  const twice = (c: Candidate) => {
    const key = lineKey(c.text);
    return lines.slice(0, zoneEnd + 12).filter((l) => lineKey(l) === key).length > 1;
  };

  // 3. The best candidate.
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  const anyMixedCase = cands.some((c) => !isUpperLine(c.text));
  for (const c of cands) {
    const w = words(c.text);
    const echo = w.length ? w.filter((x) => leadWords.has(x)).length / w.length : 0;
    // length counts up to a point: past it a line is a headline or a lead-in alike (names are short)
    let score = Math.min(syllables(c.text), SATURATION) + 8 * echo + (twice(c) ? 6 : 0) + (c === cands[0] ? 2 : 0);
    if (isSiteName(c.text)) score -= 20;
    else if (isOrgNameLine(c.text)) score -= 8;
    if (isBanner(c.text)) score -= 10;
    if (anyMixedCase && isUpperLine(c.text)) score -= 4;
    // a sentence (a stop at the end, or long with a clause after a comma) is more likely a lead-in than a headline
    if (/[.!?…]["”)]?$/u.test(c.text) || (syllables(c.text) >= 20 && /,\s*\S+(?:\s+\S+){3}/u.test(c.text))) score -= 4;
    if (score > bestScore) { best = c; bestScore = score; }
  }
  if (!best) return { title: null, bodyLine: 0, date, siteName: null, skip, datelineAuthor: author, choices };
  if (cands.length > 1) choices.title = `best of ${cands.length} headline-like lines above the lead`;
  if (best.trailing && !date) { date = best.trailing; choices.published = "date in parentheses after the headline"; }

  // 4. A site or organisation name above the headline.
  let siteName: string | null = null;
  for (let k = 0; k < best.line && !siteName; k++) {
    const s = lines[k]!;
    const site = s && !isSectionLabel(s) ? siteNameIn(s) ?? orgNameIn(s) : null;
    if (site) siteName = site;
    // "EVNCPC - Tổng công ty Điện lực miền Trung": the site's short name and what it stands for
    else if (s && outletTag(s) && !isLead(s)) siteName = outletTag(s)!.tag;
  }

  // 5. The story starts under the headline, past datelines, labels and the headline printed again.
  let b = best.line + 1;
  for (; b < lines.length; b++) {
    const s = lines[b]!;
    if (isFurniture(s) || isBreadcrumb(s) || isSectionLabel(s) || lineKey(s) === lineKey(best.text)) continue;
    const dl = datelineDate(s);
    if (dl) { takeDate(dl, b); continue; }
    break;
  }
  return { title: best.text, bodyLine: b, date, siteName, skip, datelineAuthor: author, choices };
}

/** White space inside a line, a run of it or one character other than a plain space (NBSP, tab, thin space). */
const SPACE_RUN = /\s{2,}|[^\S ]/gu;

export function parseTextDump(raw: string, source: string, opts: TextDumpOptions = {}): Article {
  // Text is read in composed form (NFC): a page typed with combining tone marks ("tổ hợp") holds the same characters,
  // and the headline, dateline and byline tests, the recognisers' surface checks and a researcher's query (typed
  // composed) then see one form. White space inside a line reads as one space, as a browser shows it and as the HTML
  // reader gives it (a dump keeps the page's doubled spaces and NBSPs). Nothing else is changed: old tone placement,
  // Ð and zero-width characters stay as written and are normalised for matching only (src/extract/normalize.ts).
  // A dump hard-wrapped at a fixed width (lynx -dump) has its paragraphs joined again first.
  // (the widths are measured as the wrapper counted them, before doubled spaces are read as one)
  const lines = unwrapLines(raw.normalize("NFC").replace(/^\ufeff/u, "").split(/\r\n|\r|\n/u).map(trimLine)).map((l) => l.replace(SPACE_RUN, " "));

  // 1. Header: labels, datelines and the headline, before the story starts.
  const head = readHeader(lines, opts.title ? trimLine(opts.title.normalize("NFC")) : null);
  const { title, date, siteName, choices } = head;
  const i = head.bodyLine;
  const bodyLines = lines.slice(i).filter((_, k) => !head.skip.has(i + k));

  // 2. Body: blocks of consecutive lines (a dump without blank lines has one paragraph per line).
  const blocks = splitBlocks(bodyLines);
  const story = cleanStory(blocks, title);
  const url = story.url;
  // 4. Outlet: the tag opening the lead, else a site-name line, else the URL's host.
  let outlet: string | null = null;
  for (const p of story.paragraphs.slice(0, 3)) {
    const t = outletTag(p);
    if (t) { outlet = t.tag; choices.outlet = "tag at the start of the lead"; break; }
  }
  const finalUrl = opts.url ?? url;
  if (!outlet && siteName) { outlet = siteName; choices.outlet = "site name above the headline"; }
  if (!outlet && story.bylineOutlet) { outlet = story.bylineOutlet; choices.outlet = "outlet in brackets after the byline"; }
  // "Nguồn: Báo Nam Định" under a story with no other sign of its outlet: the text credits it
  if (!outlet && story.credit && !isHttpUrl(story.credit) && /^\p{Lu}/u.test(story.credit)) { outlet = story.credit.replace(/[.\s]+$/u, ""); choices.outlet = "source credit"; }
  if (!outlet && finalUrl) { outlet = hostOutlet(finalUrl); if (outlet) choices.outlet = "host of the article URL"; }

  const body = story.paragraphs.join("\n\n");
  const author = story.author ?? head.datelineAuthor;
  if (!story.author && author) choices.author = "author field of the dateline";
  const text = title ? (body ? `${title}\n\n${body}` : title) : body;
  const extra: Record<string, unknown> = { metaChoices: choices };
  if (siteName) extra.siteName = siteName;
  if (story.credit) extra.sourceCredit = story.credit;
  if (story.related.length) extra.relatedHeadlines = story.related;
  const canon = finalUrl ? canonicalUrl(finalUrl) : null;
  if (canon) extra.canonicalUrl = canon;
  return {
    source,
    title,
    url: finalUrl,
    published: date ? toIso(date) : story.dateline ? toIso(story.dateline) : null,
    outlet,
    author,
    text,
    bodyStart: title ? Math.min(title.length + 2, text.length) : 0,
    format: opts.format ?? "txt",
    extra,
  };
}
