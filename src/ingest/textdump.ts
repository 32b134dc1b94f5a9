// A text dump of a news page (what a browser's "save as text" or a scraper leaves) -> Article.
// Finds the headline, the dateline, the outlet tag, the byline and the article's URL, and drops the
// page furniture around the story (navigation, section labels, counters, repeated paragraphs,
// captions that repeat the headline, related-article boxes, comment forms, source and URL lines).
import type { Article } from "../types.js";
import {
  isCommentForm, isFurniture, isNavigation, isTailHeading, lineKey, outletTag, syllables, trimLine,
} from "./furniture.js";
import { cleanStory, splitBlocks } from "./story.js";
import { datelineDate, toIso, trailingDate, type FoundDate } from "./vndate.js";
import { canonicalUrl, hostOutlet } from "./url.js";

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

export function parseTextDump(raw: string, source: string, opts: TextDumpOptions = {}): Article {
  const lines = raw.replace(/^\ufeff/u, "").split(/\r\n|\r|\n/u).map(trimLine);
  const choices: Record<string, string> = {};

  // 1. Header: labels, datelines and the headline, before the story starts.
  let title: string | null = opts.title ? trimLine(opts.title) : null;
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
  else if (opts.title) choices.title = "given";
  if (date && !choices.published) choices.published = "dateline above the story";

  // 2. Body: blocks of consecutive lines (a dump without blank lines has one paragraph per line).
  const blocks = splitBlocks(lines.slice(i));
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
  if (!outlet && finalUrl) { outlet = hostOutlet(finalUrl); if (outlet) choices.outlet = "host of the article URL"; }

  const body = story.paragraphs.join("\n\n");
  const author = story.author;
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
    published: date ? toIso(date) : null,
    outlet,
    author,
    text,
    bodyStart: title ? Math.min(title.length + 2, text.length) : 0,
    format: opts.format ?? "txt",
    extra,
  };
}
