// The story container -> blocks. Text directly in a container is cut into paragraphs at blank lines
// (two <br>s); block children start new blocks; containers that look like furniture inside the story
// (link lists, bylines, galleries, empty wrappers) are skipped; photo captions are marked.
import type { AnyNode, Element } from "domhandler";
import { HEADING, INLINE, descendants, isTag, linkDensity, textOf, type Stats } from "./dom.js";
import { classWeight, isCaptionClass, isMetaLine, metaSort } from "./hints.js";
import type { BlockKind } from "../body.js";

export interface RawBlock {
  kind: BlockKind;
  text: string;
  /** Characters inside links, inside <em>/<i>, inside <time>. */
  linkChars: number;
  italicChars: number;
  timeChars: number;
  /** An image came right before this text (nothing but images between). */
  afterImage: boolean;
  /** Element the text was collected for. */
  owner: Element;
}

interface Buf { text: string; link: number; italic: number; time: number; owner: Element; kind: BlockKind }

const hasBlockChild = (el: Element): boolean => el.children.some((c) => isTag(c) && (!INLINE.has(c.name) || hasBlockChild(c)));

/** Byline, date line and source credit taken out of the story container (the first of each). */
export interface MetaLines { byline?: string; dateline?: string; source?: string }

export function collectBlocks(parts: Element[], stats: Map<Element, Stats>, opts: { keepAll?: boolean; meta?: MetaLines } = {}): RawBlock[] {
  const skipped = (el: Element): boolean => {
    if (opts.keepAll || !skip(el, stats)) return false;
    if (opts.meta && (el.name === "time" || el.name === "address" || isMetaLine(el))) {
      const sort = el.name === "time" ? "dateline" : el.name === "address" ? "byline" : metaSort(el);
      const text = textOf(el);
      if (text && !opts.meta[sort]) opts.meta[sort] = text;
    }
    return true;
  };
  const out: RawBlock[] = [];
  let afterImage = false;

  const flush = (b: Buf): void => {
    const pieces = b.text.split(/\n[ \t]*\n/);
    for (const piece of pieces) {
      const lines = piece.split("\n").map((l) => l.replace(/[ \t\u00a0\u200b\ufeff]+/g, " ").trim()).filter(Boolean);
      if (!lines.length) continue;
      const text = lines.join("\n");
      // counts are for the whole buffer; share them out by length
      const f = pieces.length > 1 ? text.length / Math.max(1, b.text.length) : 1;
      out.push({
        kind: b.kind, text, linkChars: b.link * f, italicChars: b.italic * f, timeChars: b.time * f,
        afterImage, owner: b.owner,
      });
      afterImage = false;
    }
    b.text = ""; b.link = b.italic = b.time = 0;
  };

  const inline = (n: AnyNode, b: Buf, flags: { link: boolean; italic: boolean; time: boolean; pre: boolean }): void => {
    if (n.type === "text") {
      let t = (n as unknown as { data: string }).data;
      if (!flags.pre) t = t.replace(/[\s\u00a0]+/g, " ");
      b.text += t;
      const len = t.trim().length;
      if (flags.link) b.link += len;
      if (flags.italic) b.italic += len;
      if (flags.time) b.time += len;
      return;
    }
    if (!isTag(n)) return;
    if (n.name === "br") { b.text += "\n"; return; }
    if (n.name === "img" || n.name === "picture") { if (!b.text.trim()) afterImage = true; return; }
    const f = {
      link: flags.link || n.name === "a",
      italic: flags.italic || n.name === "em" || n.name === "i" || n.name === "cite",
      time: flags.time || n.name === "time",
      pre: flags.pre,
    };
    for (const c of n.children) inline(c, b, f);
  };

  const walk = (el: Element, kind: BlockKind, pre: boolean): void => {
    const b: Buf = { text: "", link: 0, italic: 0, time: 0, owner: el, kind };
    for (const c of el.children) {
      if (c.type === "text") { inline(c, b, { link: false, italic: false, time: false, pre }); continue; }
      if (!isTag(c)) continue;
      if (INLINE.has(c.name) && !hasBlockChild(c)) { inline(c, b, { link: false, italic: false, time: false, pre }); continue; }
      if (c.name === "br") { b.text += "\n"; continue; }
      flush(b);
      if (skipped(c)) continue;
      const k = childKind(c, kind, stats);
      if (k === null) continue;
      walk(c, k, pre || c.name === "pre");
    }
    flush(b);
  };

  for (const p of parts) {
    if (skipped(p) && parts.length > 1) continue;
    walk(p, childKind(p, "paragraph", stats) ?? "paragraph", p.name === "pre");
  }
  return out;
}

/** Kind of the blocks inside `el`, or null to drop it. */
function childKind(el: Element, parent: BlockKind, stats: Map<Element, Stats>): BlockKind | null {
  const n = el.name;
  if (n === "h1") return null; // the headline: the page title, not the body
  // a long "heading" that reads as sentences is a lead set in large type
  if (HEADING.has(n)) return (stats.get(el)?.chars ?? 0) >= 80 && /[.!?…]["”»)]?$/.test(textOf(el)) ? "paragraph" : "heading";
  if (n === "li" || n === "dt" || n === "dd") return parent === "caption" || parent === "quote" ? parent : "list-item";
  if (n === "blockquote") return "quote";
  if (n === "pre") return "pre";
  if (n === "figcaption") return "caption";
  if (n === "figure" || isFigureTable(el, stats)) return "caption";
  if (isCaptionClass(el) && (stats.get(el)?.chars ?? 0) < 600) return "caption";
  return parent === "heading" ? "paragraph" : parent;
}

/** A layout table around one photo: its text is the caption. */
function isFigureTable(el: Element, stats: Map<Element, Stats>): boolean {
  if (el.name !== "table") return false;
  const s = stats.get(el);
  return !!s && s.img >= 1 && s.img <= 2 && s.chars < 500 && s.p <= 2;
}

/** Furniture inside the story container (readability's conditional cleaning, plus bylines and date lines). */
function skip(el: Element, stats: Map<Element, Stats>): boolean {
  const s = stats.get(el);
  if (!s) return false;
  const n = el.name;
  if (n === "time" || n === "address") return true;
  if (isMetaLine(el) && s.chars < 200 && !isCaptionClass(el)) return true;
  if (HEADING.has(n)) return classWeight(el) < 0 || linkDensity(s) > 0.33;
  if (!["div", "section", "ul", "ol", "dl", "table", "form", "aside", "figure", "header", "center", "article"].includes(n)) return false;
  const weight = classWeight(el);
  if (weight < 0 && s.chars < 500) return true;
  if (s.commas >= 10) return false;
  const ld = linkDensity(s);
  const isList = n === "ul" || n === "ol" || n === "dl";
  const figure = n === "figure" || isFigureTable(el, stats) || descendants(el).some((d) => d.name === "figcaption");
  if (figure) return s.img > 3 && s.chars < 30;
  if (s.input > Math.floor(s.p / 3)) return true;
  if (s.img > 1 && s.p / s.img < 0.5 && s.chars < 200) return true;
  // a scrap of text in a box of its own is a button or a label — unless set to the right, as bylines under a story are
  if (!isList && s.chars < 25 && (s.img === 0 || s.img > 2) && s.headings === 0 && (s.linkChars > 0 || !rightAligned(el))) return true;
  // link-rich containers are link lists, unless they hold several paragraphs of text
  if (weight < 25 && ld > 0.2 && !(ld < 0.4 && (s.p >= 3 || (isList && s.chars > 300)))) return true;
  if (weight >= 25 && ld > 0.5) return true;
  return false;
}

const RIGHT = /text-align\s*:\s*right/i;
function rightAligned(el: Element): boolean {
  return RIGHT.test(el.attribs.style ?? "") || el.attribs.align === "right" || descendants(el).some((d) => RIGHT.test(d.attribs.style ?? "") || d.attribs.align === "right");
}
