// DOM helpers on the raw domhandler tree (faster than cheerio wrappers for whole-page passes).
import type { AnyNode, Element } from "domhandler";
import { load } from "cheerio";

/** Elements that run inside a line of text. Anything else (including unknown tags with block children) breaks a block. */
export const INLINE = new Set([
  "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd",
  "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "nobr",
]);
export const HEADING = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** A link that leads somewhere else: e-mail and phone links are contact details of the text, not navigation. */
export const isNavLink = (el: Element): boolean => el.name === "a" && !/^\s*(?:mailto|tel):/i.test(el.attribs.href ?? "");

export const isTag = (n: AnyNode | null | undefined): n is Element => !!n && (n.type === "tag" || n.type === "script" || n.type === "style");
export const childElements = (el: Element): Element[] => el.children.filter(isTag);

export function detach(n: AnyNode): void {
  const p = n.parent;
  if (!p) return;
  const i = p.children.indexOf(n as never);
  if (i >= 0) p.children.splice(i, 1);
  if (n.prev) n.prev.next = n.next;
  if (n.next) n.next.prev = n.prev;
  n.parent = n.prev = n.next = null;
}

/** All element descendants, document order. */
export function descendants(el: Element, out: Element[] = []): Element[] {
  for (const c of el.children) if (isTag(c)) { out.push(c); descendants(c, out); }
  return out;
}

const WS = /[\s\u00a0\u200b\ufeff]+/g;
export const squash = (s: string): string => s.replace(WS, " ");

/** Text of a subtree with whitespace squashed (for measuring, not for output). */
export function textOf(n: AnyNode): string {
  let s = "";
  const walk = (x: AnyNode): void => {
    if (x.type === "text") s += (x as unknown as { data: string }).data;
    else if (isTag(x)) { if (x.name === "br") s += " "; for (const c of x.children) walk(c); }
  };
  walk(n);
  return squash(s).trim();
}

export interface Stats {
  /** Characters of text (whitespace squashed). */
  chars: number;
  /** Characters of text inside links. */
  linkChars: number;
  commas: number;
  p: number;
  img: number;
  li: number;
  input: number;
  headings: number;
}

/** Per-element counts, computed bottom-up in one pass. */
export function computeStats(root: Element): Map<Element, Stats> {
  const m = new Map<Element, Stats>();
  const visit = (el: Element, inLink: boolean): Stats => {
    const s: Stats = { chars: 0, linkChars: 0, commas: 0, p: 0, img: 0, li: 0, input: 0, headings: 0 };
    const link = inLink || isNavLink(el);
    for (const c of el.children) {
      if (c.type === "text") {
        const t = squash((c as unknown as { data: string }).data);
        const n = t.trim() ? t.length : 0;
        s.chars += n;
        if (link) s.linkChars += n;
        for (const ch of t) if (ch === "," || ch === "，" || ch === "、") s.commas++;
      } else if (isTag(c)) {
        const k = visit(c, link);
        s.chars += k.chars; s.linkChars += k.linkChars; s.commas += k.commas;
        s.p += k.p; s.img += k.img; s.li += k.li; s.input += k.input; s.headings += k.headings;
        if (c.name === "p") s.p++;
        else if (c.name === "img" || c.name === "picture") s.img++;
        else if (c.name === "li") s.li++;
        else if (c.name === "input" || c.name === "textarea" || c.name === "select") s.input++;
        else if (HEADING.has(c.name)) s.headings++;
      }
    }
    m.set(el, s);
    return s;
  };
  visit(root, false);
  return m;
}

export const linkDensity = (s: Stats | undefined): number => (s && s.chars ? s.linkChars / s.chars : 0);

/** Characters of text that sit directly in the element (text nodes and inline children, not block children). */
export function inlineChars(el: Element): number {
  let n = 0;
  for (const c of el.children) {
    if (c.type === "text") n += squash((c as unknown as { data: string }).data).trim().length;
    else if (isTag(c) && INLINE.has(c.name)) n += textOf(c).length;
  }
  return n;
}

/**
 * Pages with thousands of unclosed <font> or <div> tags nest deeper than recursion can follow:
 * below `max` levels, a subtree becomes its text (block boundaries kept as blank lines). Iterative on purpose.
 */
export function capDepth(root: Element, max = 250): void {
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth < max) {
      for (const c of el.children) if (isTag(c)) stack.push([c, depth + 1]);
      continue;
    }
    if (!el.children.some(isTag)) continue;
    let text = "";
    const todo: AnyNode[] = [...el.children].reverse();
    while (todo.length) {
      const n = todo.pop()!;
      if (n.type === "text") text += (n as unknown as { data: string }).data;
      else if (isTag(n)) {
        if (n.name === "br") text += "\n";
        else if (!INLINE.has(n.name)) text += "\n\n";
        for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i]!);
      }
    }
    // a flat fragment of text and <br>s, parsed by cheerio so the nodes are of the right kind
    const esc = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\n/g, "<br>");
    const kids = load(esc, null, false).root()[0]!.children;
    for (const k of kids) k.parent = el;
    el.children = kids;
  }
}

/** Distinct links with headline-length text (20 to 250 characters). */
export function headlineLinks(root: Element): number {
  const seen = new Set<string>();
  for (const el of descendants(root)) {
    if (!isNavLink(el)) continue;
    const t = textOf(el);
    if (t.length >= 20 && t.length <= 250) seen.add(t);
  }
  return seen.size;
}
