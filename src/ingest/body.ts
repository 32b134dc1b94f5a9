// Article body from a news page, by scoring blocks rather than by one selector per site:
//   clean.ts   drops what is never story text (scripts, hidden parts, forms, landmarks, furniture by class/id)
//   score.ts   picks the story container (text density, commas, link density, tag, class/id, microdata)
//   blocks.ts  turns it into headings, paragraphs, list items, captions, quotes, pre (splitting <br> text)
//   tail.ts    cuts the boxes that follow a story and lines of furniture
//   listing.ts tells an index page of teasers from a story
import * as cheerio from "cheerio";
import type { Element } from "domhandler";
import { cleanPage } from "./body/clean.js";
import { capDepth, headlineLinks } from "./body/dom.js";
import { chooseContainer, parentEl, type Choice } from "./body/score.js";
import { collectBlocks, type MetaLines, type RawBlock } from "./body/blocks.js";
import { isFurnitureLine, isTailLine } from "./body/tail.js";
import { countTeasers, listingReason, trailingTeasers } from "./body/listing.js";

export type BlockKind = "heading" | "paragraph" | "list-item" | "caption" | "quote" | "pre";
export interface BodyBlock { kind: BlockKind; text: string }
export interface BodyResult {
  blocks: BodyBlock[];
  /** Blocks joined: "\n\n" between blocks, "\n" between consecutive list items. */
  text: string;
  /** True for a listing or index page (teasers, not an article): blocks is then empty. */
  isListing: boolean;
  /** Why no body was found, when it was not. */
  reason?: string;
  /** Lines taken out of the story container as furniture, marked as such by the page (class/id, <time>, <address>). */
  byline?: string;
  dateline?: string;
  source?: string;
}

export interface BodyOptions {
  /** Keep photo captions as blocks (default true). */
  captions?: boolean;
  /**
   * Work on the caller's document instead of a copy (default false). Saves a serialise-and-parse (most of the
   * cost of a page) when the caller is done with the document: furniture is removed from it.
   */
  inPlace?: boolean;
}

export function extractBody(input: string | cheerio.CheerioAPI, opts: BodyOptions = {}): BodyResult {
  // by default work on a copy: the caller's document stays whole
  const $ = typeof input !== "string" && opts.inPlace ? input : cheerio.load(typeof input === "string" ? input : serialize(input));
  const root = ($("body")[0] ?? $.root()[0]) as Element;
  capDepth($.root()[0] as unknown as Element);
  const titles = pageTitles($);
  cleanPage(root);
  let choice = chooseContainer(root);
  if (!choice) return noStory(root, "no text on the page");
  // teasers are judged on everything the container holds, before link lists are cut
  const judge = (parts: Element[], stats: Choice["stats"]): string | null =>
    listingReason(countTeasers(collectBlocks(parts, stats, { keepAll: true, splitLines: true })));
  const listing = judge(choice.parts, choice.stats);
  if (listing) {
    // the best box is a list of teasers; the page is a listing unless a story stands elsewhere on it
    const story = storyElsewhere(choice, judge);
    if (!story) return none(listing, true);
    choice = story;
  }
  const meta: MetaLines = {};
  const collected = collectBlocks(choice.parts, choice.stats, { meta });
  const raw = dropHeadline(dropFurniture(collected.slice(0, trailingTeasers(collected)), meta), titles);
  const blocks: BodyBlock[] = raw.filter((b) => opts.captions !== false || b.kind !== "caption").map((b) => ({ kind: b.kind, text: b.text }));
  if (!blocks.length) return noStory(root, "no running text in the page");
  return { blocks, text: joinBlocks(blocks), isListing: false, ...meta };
}

/** No story found: a page of linked headlines is an index, anything else just has no text. */
function noStory(root: Element, reason: string): BodyResult {
  const n = headlineLinks(root);
  return n >= 8 ? none(`listing page: ${n} linked headlines and no running text`, true) : none(reason, false);
}

function none(reason: string, isListing: boolean): BodyResult {
  return { blocks: [], text: "", isListing, reason };
}

export function joinBlocks(blocks: BodyBlock[]): string {
  let s = "";
  blocks.forEach((b, i) => {
    if (i) s += b.kind === "list-item" && blocks[i - 1]!.kind === "list-item" ? "\n" : "\n\n";
    s += b.text;
  });
  return s;
}

const ld = (b: RawBlock): number => (b.text.length ? b.linkChars / b.text.length : 0);

function dropFurniture(blocks: RawBlock[], meta: MetaLines): RawBlock[] {
  const out: RawBlock[] = [];
  let story = 0; // characters of running text kept so far
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (isTailLine(b.text)) {
      // a box of other stories or comments after the story: the rest of the container is not the story
      if (story >= 200) break;
      continue;
    }
    // link lists and "read more" lines; a long paragraph rich in links still has its own sentences
    if (ld(b) > 0.5 && b.text.length - b.linkChars < 150) continue;
    if (b.timeChars >= 0.8 * b.text.length) { meta.dateline ??= b.text; continue; } // a date line
    if (b.text.length < 200 && isFurnitureLine(b.text) && (b.linkChars > 0 || !/^\+\s/.test(b.text))) continue;
    let kind = b.kind;
    // an italic line right under a photo is its caption
    if (kind === "paragraph" && b.afterImage && b.italicChars >= 0.8 * b.text.length && b.text.length < 400) kind = "caption";
    // and so is a centred line right under it
    else if (kind === "paragraph" && b.afterImage && b.centered && b.text.length < 300) kind = "caption";
    out.push(kind === b.kind ? b : { ...b, kind });
    if (kind === "paragraph" || kind === "list-item" || kind === "quote") story += b.text.length;
  }
  return out;
}

const key = (s: string): string => s.normalize("NFC").replace(/[\s\u00a0]+/gu, " ").trim().toLowerCase();

/** The headline as the page gives it: <title> (often "Headline - Site"), og:title, <h1>. */
function pageTitles($: cheerio.CheerioAPI): string[] {
  const out = [$("title").first().text(), $('meta[property="og:title"]').attr("content") ?? "", ...$("h1").toArray().map((h) => $(h).text())];
  return out.map(key).filter((t) => t.length >= 10);
}

/** The headline repeated at the top of the story container (in a div or a p rather than an <h1>). */
function dropHeadline(blocks: RawBlock[], titles: string[]): RawBlock[] {
  const isHeadline = (b: RawBlock): boolean => {
    const k = key(b.text);
    return k.length >= 10 && k.length <= 300 && titles.some((t) => t === k || (t.startsWith(k) && /^\s*[-–—|:]/u.test(t.slice(k.length))));
  };
  const i = blocks.slice(0, 3).findIndex(isHeadline);
  return i < 0 ? blocks : [...blocks.slice(0, i), ...blocks.slice(i + 1)];
}

/** The caller's page as HTML; a page nested too deep to serialise is first flattened below 250 levels (in place). */
function serialize($: cheerio.CheerioAPI): string {
  try {
    return $.html();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    capDepth($.root()[0] as unknown as Element);
    return $.html();
  }
}

/** The best-scored box outside a teaser list that reads as a story: 500 characters of running text, no teasers. */
function storyElsewhere(choice: Choice, judge: (parts: Element[], stats: Choice["stats"]) => string | null): Choice | null {
  const within = (a: Element, b: Element): boolean => { for (let x: Element | null = a; x; x = parentEl(x)) if (x === b) return true; return false; };
  for (const [el, score] of choice.candidates) {
    if (choice.parts.some((p) => within(el, p) || within(p, el))) continue;
    if (judge([el], choice.stats)) continue;
    const running = collectBlocks([el], choice.stats).filter((b) => b.kind === "paragraph" && b.text.length >= 80 && b.linkChars < 0.2 * b.text.length);
    if (running.reduce((n, b) => n + b.text.length, 0) >= 500) return { ...choice, top: el, parts: [el], score };
  }
  return null;
}
