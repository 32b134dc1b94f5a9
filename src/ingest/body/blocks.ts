// The story container -> blocks. Text directly in a container is cut into paragraphs at blank lines
// (two <br>s); block children start new blocks; containers that look like furniture inside the story
// (link lists, bylines, galleries, empty wrappers) are skipped; photo captions are marked.
import type { AnyNode, Element } from "domhandler";
import { HEADING, INLINE, descendants, isNavLink, isTag, linkDensity, textOf, type Stats } from "./dom.js";
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
  /** The text is centred (as captions under photos are on many Vietnamese sites). */
  centered?: boolean;
}

/** A line of text being collected, with what its characters sit in. */
interface Line { text: string; link: number; italic: number; time: number }
interface Buf { lines: Line[]; owner: Element; kind: BlockKind }
const newLine = (): Line => ({ text: "", link: 0, italic: 0, time: 0 });
const cur = (b: Buf): Line => b.lines[b.lines.length - 1]!;

const hasBlockChild = (el: Element): boolean => el.children.some((c) => isTag(c) && (!INLINE.has(c.name) || hasBlockChild(c)));

/** Byline, date line and source credit taken out of the story container (the first of each). */
export interface MetaLines { byline?: string; dateline?: string; source?: string }

export function collectBlocks(parts: Element[], stats: Map<Element, Stats>, opts: { keepAll?: boolean; splitLines?: boolean; meta?: MetaLines } = {}): RawBlock[] {
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

  const emit = (b: Buf, lines: Line[]): void => {
    // zero-width spaces and stray byte-order marks are invisible; other spaces count as one
    const kept = lines.map((l) => ({ ...l, text: l.text.replace(/[\u200b\ufeff]/g, "").replace(/[ \t\u00a0]+/g, " ").trim() })).filter((l) => l.text);
    if (!kept.length) return;
    const sum = (k: "link" | "italic" | "time"): number => kept.reduce((n, l) => n + l[k], 0);
    out.push({
      kind: b.kind, text: kept.map((l) => l.text).join("\n"),
      linkChars: sum("link"), italicChars: sum("italic"), timeChars: sum("time"), afterImage, owner: b.owner,
      centered: isCentered(b.owner),
    });
    afterImage = false;
  };
  // paragraphs end at a blank line (two <br>s); when judging teasers, every line stands alone
  const flush = (b: Buf): void => {
    let piece: Line[] = [];
    for (const l of b.lines) {
      if (!l.text.trim()) { emit(b, piece); piece = []; continue; }
      piece.push(l);
      if (opts.splitLines) { emit(b, piece); piece = []; }
    }
    emit(b, piece);
    b.lines = [newLine()];
  };

  const inline = (n: AnyNode, b: Buf, flags: { link: boolean; italic: boolean; time: boolean; pre: boolean }): void => {
    if (n.type === "text") {
      const data = (n as unknown as { data: string }).data;
      const parts = flags.pre ? data.split("\n") : [data.replace(/[\s\u00a0]+/g, " ")];
      parts.forEach((t, i) => {
        if (i) b.lines.push(newLine());
        const l = cur(b);
        l.text += t;
        const len = t.trim().length;
        if (flags.link) l.link += len;
        if (flags.italic) l.italic += len;
        if (flags.time) l.time += len;
      });
      return;
    }
    if (!isTag(n)) return;
    if (n.name === "br") { b.lines.push(newLine()); return; }
    if (n.name === "img" || n.name === "picture") { if (b.lines.every((l) => !l.text.trim())) afterImage = true; return; }
    const f = {
      link: flags.link || isNavLink(n),
      italic: flags.italic || n.name === "em" || n.name === "i" || n.name === "cite",
      time: flags.time || n.name === "time",
      pre: flags.pre,
    };
    for (const c of n.children) inline(c, b, f);
  };

  // a table of data (results, scores, member lists): one line per row, cells joined by " | "
  const tableRows = (table: Element, kind: BlockKind): void => {
    for (const row of rowsOf(table)) {
      const cells = childrenNamed(row, "td", "th").map(textOf);
      if (!cells.some(Boolean)) continue;
      const link = cells.length ? (stats.get(row)?.linkChars ?? 0) : 0;
      out.push({ kind, text: cells.join(" | "), linkChars: link, italicChars: 0, timeChars: 0, afterImage: false, owner: row });
    }
    afterImage = false;
  };

  const walk = (el: Element, kind: BlockKind, pre: boolean): void => {
    const b: Buf = { lines: [newLine()], owner: el, kind };
    for (const c of el.children) {
      if (c.type === "text") { inline(c, b, { link: false, italic: false, time: false, pre }); continue; }
      if (!isTag(c)) continue;
      if (INLINE.has(c.name) && !hasBlockChild(c)) { inline(c, b, { link: false, italic: false, time: false, pre }); continue; }
      if (c.name === "br") { b.lines.push(newLine()); continue; }
      flush(b);
      if (skipped(c)) continue;
      const k = childKind(c, kind, stats);
      if (k === null) continue;
      if (c.name === "table" && k !== "caption" && isDataTable(c)) { tableRows(c, k === "quote" ? k : "list-item"); continue; }
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
  // a figure that only wraps a table of data (WordPress's "wp-block-table") is the table, not a photo's caption
  if (n === "figure" && (stats.get(el)?.img ?? 0) === 0 && descendants(el).some((d) => d.name === "table")) return parent === "heading" ? "paragraph" : parent;
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

const childrenNamed = (el: Element, ...names: string[]): Element[] => el.children.filter((c): c is Element => isTag(c) && names.includes(c.name));

/** Rows of a table, through <thead>/<tbody>/<tfoot>, not those of tables nested in cells. */
function rowsOf(table: Element): Element[] {
  return childrenNamed(table, "tr", "thead", "tbody", "tfoot").flatMap((c) => (c.name === "tr" ? [c] : childrenNamed(c, "tr")));
}

/**
 * A table of data rather than of layout: two rows or more, some row of two cells or more, and cells of short
 * text with no photo, nested table or list in them.
 */
function isDataTable(table: Element): boolean {
  const rows = rowsOf(table);
  if (rows.length < 2) return false;
  let wide = false;
  for (const r of rows) {
    const cells = childrenNamed(r, "td", "th");
    if (cells.length >= 2) wide = true;
    for (const c of cells) {
      if (descendants(c).some((d) => d.name === "table" || d.name === "img" || d.name === "ul" || d.name === "ol")) return false;
      if (textOf(c).length > 300) return false;
    }
  }
  return wide;
}

const CENTER = /text-align\s*:\s*center/i;
const isCentered = (el: Element): boolean => CENTER.test(el.attribs.style ?? "") || el.attribs.align === "center" || el.name === "center";
