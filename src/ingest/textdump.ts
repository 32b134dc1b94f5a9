// A text dump of a news page (what a browser's "save as text" or a scraper leaves) -> Article.
// Finds the headline, the dateline, the outlet tag, the byline and the article's URL, and drops the
// page furniture around the story (navigation, section labels, counters, repeated paragraphs,
// captions that repeat the headline, related-article boxes, comment forms, source and URL lines).
import type { Article } from "../types.js";
import {
  bylineOf, isCommentForm, isHeadlineRun, isNavigation, isPunctuationOnly, isRelatedPointer, isStrayLetters, isTailHeading,
  isWidget, lineKey, outletTag, sourceCredit, syllables, trimLine,
} from "./furniture.js";
import { datelineDate, toIso, trailingDate, type FoundDate } from "./vndate.js";
import { canonicalUrl, hostOutlet, isHttpUrl } from "./url.js";

export interface TextDumpOptions {
  /** Known URL of the article (overrides a URL line in the dump). */
  url?: string | null;
  format?: Article["format"];
}

// A headline has at least this many syllables; shorter lines above it are section labels or site names.
const MIN_TITLE_SYLLABLES = 6;
const MAX_TITLE_SYLLABLES = 60;
// How many non-empty lines from the top may precede the headline.
const HEADER_LINES = 8;

const SITE_NAME = /^(?:báo|tạp chí|cổng thông tin|trang thông tin|đài|truyền hình|thông tấn xã)\s/iu;

function looksLikeTitle(s: string): boolean {
  const n = syllables(s);
  if (n < MIN_TITLE_SYLLABLES || n > MAX_TITLE_SYLLABLES) return false;
  // a long line ending in a sentence stop after several clauses is a lead paragraph, not a headline
  if (n > 35 && /[.;]$/u.test(s) && /[,;]/u.test(s.slice(0, -1))) return false;
  return !isNavigation(s) && !isCommentForm(s) && !isTailHeading(s);
}

/** Lines that are never part of a story wherever they stand. */
function isFurniture(s: string): boolean {
  return !s || isPunctuationOnly(s) || isStrayLetters(s) || isNavigation(s) || isWidget(s) || isRelatedPointer(s);
}

export function parseTextDump(raw: string, source: string, opts: TextDumpOptions = {}): Article {
  const lines = raw.replace(/^\ufeff/u, "").split(/\r\n|\r|\n/u).map(trimLine);
  const choices: Record<string, string> = {};

  // 1. Header: labels, datelines and the headline, before the story starts.
  let title: string | null = null;
  let date: FoundDate | null = null;
  let siteName: string | null = null;
  let i = 0;
  let seen = 0;
  for (; i < lines.length; i++) {
    const s = lines[i]!;
    if (isFurniture(s)) continue;
    const dl = datelineDate(s);
    if (dl) { date ??= dl; continue; }
    if (title !== null) {
      if (lineKey(s) === lineKey(title)) continue; // headline printed twice
      break; // the story begins
    }
    if (++seen > HEADER_LINES) break;
    const td = trailingDate(s);
    const candidate = td ? trimLine(td.before) : s;
    if (looksLikeTitle(candidate)) {
      title = candidate;
      if (td) { date ??= td.date; choices.published = "date in parentheses after the headline"; }
      continue;
    }
    if (syllables(s) > MAX_TITLE_SYLLABLES || (syllables(s) > 35 && /[.]$/u.test(s))) break; // a paragraph: no headline
    if (SITE_NAME.test(s)) siteName ??= s; // a short label: section name or site name
  }
  if (title === null) i = 0;
  if (date && !choices.published) choices.published = "dateline above the story";

  // 2. Body: the story's paragraphs up to the first box that follows it.
  const kept: string[] = [];
  const seenKeys = new Set<string>(title ? [lineKey(title)] : []);
  let url: string | null = null;
  let credit: string | null = null;
  const related: string[] = [];
  for (; i < lines.length; i++) {
    const s = lines[i]!;
    if (isFurniture(s)) continue;
    if (kept.length && (isTailHeading(s) || isCommentForm(s))) break;
    if (isHttpUrl(s) && !/\s/u.test(s)) { url = s; continue; }
    const cr = sourceCredit(s);
    if (cr !== null) { if (cr) credit = cr; if (isHttpUrl(cr)) url ??= cr; continue; }
    if (!kept.length && datelineDate(s)) continue;
    // a related-articles box sits right after the lead
    if (kept.length === 1 && isHeadlineRun(s)) { related.push(s); continue; }
    const key = lineKey(s);
    if (seenKeys.has(key)) continue; // a repeated lead, a caption repeating the headline
    seenKeys.add(key);
    kept.push(s);
  }
  // the trailing lines after the story: a URL line or a byline
  for (let j = i; j < lines.length; j++) {
    const s = lines[j]!;
    if (isHttpUrl(s) && !/\s/u.test(s)) url = s;
  }

  // 3. Byline: the last short line of names.
  let author: string | null = null;
  const last = kept[kept.length - 1];
  if (last !== undefined && kept.length > 1) {
    author = bylineOf(last);
    if (author) kept.pop();
  }

  // 4. Outlet: the tag opening the lead, else a site-name line, else the URL's host.
  let outlet: string | null = null;
  for (const p of kept.slice(0, 3)) {
    const t = outletTag(p);
    if (t) { outlet = t.tag; choices.outlet = "tag at the start of the lead"; break; }
  }
  const finalUrl = opts.url ?? url;
  if (!outlet && siteName) { outlet = siteName; choices.outlet = "site name above the headline"; }
  if (!outlet && finalUrl) { outlet = hostOutlet(finalUrl); if (outlet) choices.outlet = "host of the article URL"; }

  const body = kept.join("\n\n");
  const text = title ? (body ? `${title}\n\n${body}` : title) : body;
  const extra: Record<string, unknown> = { metaChoices: choices };
  if (siteName) extra.siteName = siteName;
  if (credit) extra.sourceCredit = credit;
  if (related.length) extra.relatedHeadlines = related;
  const canon = finalUrl ? canonicalUrl(finalUrl) : null;
  if (canon) extra.canonicalUrl = canon;
  return {
    source,
    title,
    url: finalUrl,
    published: date ? toIso(date) : null,
    outlet,
    author,
    text,
    bodyStart: title ? Math.min(title.length + 2, text.length) : 0,
    format: opts.format ?? "txt",
    extra,
  };
}
