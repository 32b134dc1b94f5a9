// An HTML page -> Article: metadata (metadata.ts), the story's blocks (body.ts), then the same story
// cleaning as text dumps (story.ts), so a page and its text dump give the same cleaned text.
import * as cheerio from "cheerio";
import type { Article } from "../types.js";
import { extractBody, type BodyBlock } from "./body.js";
import { readMetadata } from "./metadata.js";
import { cleanStory } from "./story.js";
import { lineKey, outletTag, trimLine } from "./furniture.js";
import { toIso } from "./vndate.js";
import { isDamaged } from "./mojibake.js";

export interface HtmlOptions {
  /** URL the page was fetched from, when known. */
  url?: string | null;
  /** HTTP response headers (lower-case names), when known. */
  headers?: Record<string, string>;
  format?: Article["format"];
}

/** A page cut off in transfer: no closing </body> or </html>. */
export function isTruncatedHtml(html: string): boolean {
  const tail = html.slice(-4096).toLowerCase();
  return !tail.includes("</html>") && !tail.includes("</body>");
}

/** Body blocks as paragraphs of lines; consecutive list items stay one paragraph. */
function blocksToLines(blocks: BodyBlock[]): string[][] {
  const out: string[][] = [];
  let prevList = false;
  for (const b of blocks) {
    const lines = b.text.split("\n").map(trimLine).filter(Boolean);
    if (!lines.length) continue;
    if (b.kind === "list-item" && prevList) out[out.length - 1]!.push(...lines);
    else out.push(lines);
    prevList = b.kind === "list-item";
  }
  return out;
}

export function parseHtml(html: string, source: string, opts: HtmlOptions = {}): Article {
  // composed characters (NFC): see parseTextDump
  const $ = cheerio.load(html.normalize("NFC"));
  const url = opts.url ?? null;
  const meta = readMetadata($, url);
  const body = extractBody($, { inPlace: true }); // $ is only read before this, so the extractor may prune it
  const flags: string[] = [];
  if (isTruncatedHtml(html)) flags.push("truncated");
  if (body.isListing) flags.push("listing");

  let title = meta.title;
  const blocks = blocksToLines(body.blocks);
  // the story extractor may hand the headline back as its first block
  if (title && blocks[0]?.length === 1 && lineKey(blocks[0][0]!) === lineKey(title)) blocks.shift();
  const story = cleanStory(blocks, title);

  let published = meta.published;
  const choices = { ...meta.choices };
  if (!published && story.dateline) { published = toIso(story.dateline); choices.published = "dateline above the story"; }

  // the outlet tag opening the lead names the outlet as the story does (as in text dumps)
  let outlet = meta.outlet;
  for (const p of story.paragraphs.slice(0, 3)) {
    const t = outletTag(p);
    if (t) { if (outlet && outlet !== t.tag) choices.outletSite = outlet; outlet = t.tag; choices.outlet = "tag at the start of the lead"; break; }
  }
  const author = meta.author ?? story.author;
  if (!meta.author && story.author) choices.author = "byline under the story";

  const text = title ? (story.paragraphs.length ? `${title}\n\n${story.paragraphs.join("\n\n")}` : title) : story.paragraphs.join("\n\n");
  const bodyStart = title ? Math.min(title.length + 2, text.length) : 0;
  if (isDamaged(text.slice(bodyStart))) flags.push("mojibake");
  if (!story.paragraphs.length && !body.isListing) flags.push("no-body");

  const extra: Record<string, unknown> = { metaChoices: choices };
  if (meta.section) extra.section = meta.section;
  if (meta.language) extra.language = meta.language;
  if (meta.canonicalUrl) extra.canonicalUrl = meta.canonicalUrl;
  if (meta.description) extra.description = meta.description;
  if (story.credit) extra.sourceCredit = story.credit;
  if (story.related.length) extra.relatedHeadlines = story.related;
  if (body.reason) extra.bodyReason = body.reason;
  const article: Article = {
    source,
    title,
    url: url ?? meta.canonicalUrl ?? story.url,
    published,
    outlet,
    author,
    text,
    bodyStart,
    format: opts.format ?? "html",
    extra,
    raw: html,
  };
  if (flags.length) article.flags = flags;
  return article;
}
