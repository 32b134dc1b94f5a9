// Choose the story container: text units (paragraphs, cells, divs holding text) give points to their
// ancestors — more for longer, comma-rich, link-poor text — and the best-scored ancestor wins, adjusted for its
// own link density, tag, class/id hints and microdata. Siblings that look like more of the story join it.
import type { Element } from "domhandler";
import { HEADING, INLINE, childElements, computeStats, inlineChars, isTag, linkDensity, textOf, type Stats } from "./dom.js";
import { classWeight } from "./hints.js";

const UNIT_TAGS = new Set(["p", "pre", "td", "blockquote", "div", "section", "article", "main", "span", "font", "center", "dd", "li", "figure"]);
const MIN_UNIT = 25;

function tagBase(el: Element): number {
  switch (el.name) {
    case "div": case "article": case "main": case "section": return 5;
    case "pre": case "td": case "blockquote": return 3;
    case "address": case "ol": case "ul": case "dl": case "dd": case "dt": case "li": case "form": return -3;
    case "th": return -5;
    default: return HEADING.has(el.name) ? -5 : 0;
  }
}

function storyHint(el: Element): number {
  const a = el.attribs;
  if (a.itemprop === "articleBody") return 40;
  if (el.name === "article") return 10;
  if (/Article|BlogPosting|NewsArticle/.test(a.itemtype ?? "")) return 5;
  return 0;
}

export interface Choice {
  /** The container the story came from. */
  top: Element;
  /** The container and the siblings that joined it, in document order. */
  parts: Element[];
  score: number;
  stats: Map<Element, Stats>;
  /** The best candidates with their scores (for diagnostics). */
  ranked: Array<[Element, number]>;
  /** The twenty best candidates, best first (where else to look when the best is a list of teasers). */
  candidates: Array<[Element, number]>;
}

export function chooseContainer(root: Element): Choice | null {
  const stats = computeStats(root);
  const score = new Map<Element, number>();
  const init = (el: Element): void => {
    if (!score.has(el)) score.set(el, tagBase(el) + classWeight(el) + storyHint(el));
  };
  const walk = (el: Element): void => {
    for (const c of childElements(el)) {
      walk(c);
      if (!UNIT_TAGS.has(c.name)) continue;
      const own = c.name === "p" || c.name === "pre" || c.name === "td" || c.name === "blockquote" ? (stats.get(c)?.chars ?? 0) : inlineChars(c);
      if (own < MIN_UNIT) continue;
      const s = stats.get(c);
      const ld = linkDensity(s);
      if (ld > 0.5) continue;
      // text straight in a div is often the whole story cut by <br>s: count it as several paragraphs
      const k = Math.max(1, Math.ceil(own / 500));
      const points = (1 + Math.min(s?.commas ?? 0, 10 * k) + Math.min(Math.floor(own / 100), 3 * k)) * (1 - ld);
      // a div holding text directly is itself a paragraph of the container above it
      // a box of <br>-separated paragraphs is a container itself; any other text unit scores for its parent
      let anc: Element | null = brParagraphs(c) >= 2 ? c : parentEl(c);
      for (let level = 0; anc && level < 5; level++, anc = parentEl(anc)) {
        if (anc.name === "html") break;
        init(anc);
        const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
        score.set(anc, score.get(anc)! + points / div);
      }
    }
  };
  walk(root);
  // text written straight in <body> (a bare page, a plain-text file named .html)
  const rootOwn = inlineChars(root);
  if (rootOwn >= MIN_UNIT) { init(root); score.set(root, score.get(root)! + 1 + Math.min(Math.floor(rootOwn / 100), 3) * Math.max(1, brParagraphs(root))); }
  if (!score.size) return null;

  const final = new Map<Element, number>();
  for (const [el, s] of score) final.set(el, s * (1 - linkDensity(stats.get(el))));
  const ranked = [...final.entries()].sort((a, b) => b[1] - a[1]);
  let [top, topScore] = ranked[0]!;
  const best = top;

  // several strong candidates under one ancestor: the story is split in sections, take the ancestor
  // (class and tag bonuses alone do not make a candidate strong: it must hold comparable text)
  const topChars = stats.get(top)?.chars ?? 0;
  const apart = (e: Element): boolean => !contains(top, e) && !contains(e, top);
  const strong = ranked.slice(1, 6).filter(([e, s]) => apart(e) && s >= 0.75 * topScore && (stats.get(e)?.chars ?? 0) >= 0.4 * topChars).map(([e]) => e);
  // a story cut into chunks around ads: boxes of the same tag and class as the best one, holding text
  const cls = best.attribs.class;
  if (cls) for (const [e] of ranked) {
    if (e !== top && e.name === top.name && e.attribs.class === cls && apart(e) &&
        (stats.get(e)?.chars ?? 0) >= 150 && linkDensity(stats.get(e)) < 0.3) strong.push(e);
  }
  // the page says where its story is: do not climb out of it
  const marked = (e: Element): boolean => e.attribs.itemprop === "articleBody";
  const insideMarked = (e: Element): boolean => { for (let x: Element | null = e; x; x = parentEl(x)) if (marked(x)) return true; return false; };
  if (strong.length >= 1 && !insideMarked(top)) {
    // the lowest ancestor (within six levels) that gathers the most of them
    let level = 0, best: Element | null = null, most = 0;
    for (let anc = parentEl(top); anc && anc.name !== "body" && anc.name !== "html" && level < 6; anc = parentEl(anc), level++) {
      const n = strong.filter((e) => contains(anc!, e)).length;
      if (n > most) { most = n; best = anc; }
      if (n === strong.length) break;
    }
    if (best && linkDensity(stats.get(best)) < 0.3) { top = best; topScore = Math.max(topScore, final.get(best) ?? 0); }
  }
  // a lone child says nothing about its wrapper: climb while the parent holds only this
  for (let p = parentEl(top); p && !marked(top) && p.name !== "body" && p.name !== "html" && childElements(p).length === 1; p = parentEl(p)) top = p;

  const parts = joinSiblings(top, topScore, final, stats);
  return { top, parts, score: topScore, stats, ranked: ranked.slice(0, 5), candidates: ranked.slice(0, 20) };
}

function joinSiblings(top: Element, topScore: number, final: Map<Element, number>, stats: Map<Element, Stats>): Element[] {
  const parent = parentEl(top);
  if (!parent || parent.name === "html") return [top];
  return [...leadAbove(parent, stats), ...siblingsOf(top, parent, topScore, final, stats)];
}

/** A lead one level up: among the few boxes just before the story's parent (the story sits in a wrapper of its own). */
function leadAbove(parent: Element, stats: Map<Element, Stats>): Element[] {
  const gp = parentEl(parent);
  if (!gp || gp.name === "body" || gp.name === "html") return [];
  const before = childElements(gp);
  const i = before.indexOf(parent);
  for (const sib of before.slice(Math.max(0, i - 3), i).reverse()) {
    if (isLead(sib, stats)) return [sib];
    if ((stats.get(sib)?.chars ?? 0) >= 80) break; // something else with text stands between
  }
  return [];
}

function siblingsOf(top: Element, parent: Element, topScore: number, final: Map<Element, number>, stats: Map<Element, Stats>): Element[] {
  const threshold = Math.max(10, topScore * 0.2);
  const out: Element[] = [];
  for (const sib of childElements(parent)) {
    if (sib === top) { out.push(sib); continue; }
    // an <article> next to the story is another story (a feed of posts, a "next article" box)
    if (sib.name === "article" || linkDensity(stats.get(sib)) > 0.3) continue;
    let bonus = 0;
    if (sib.attribs.class && sib.attribs.class === top.attribs.class) bonus = topScore * 0.2;
    const sc = final.get(sib);
    // next to a box the page marks as the story body, only leads and stray paragraphs join it
    if (sc !== undefined && sc + bonus >= threshold && top.attribs.itemprop !== "articleBody") { out.push(sib); continue; }
    // the lead ("sapo") set apart above the story, in a heading or a box of its own
    if (!out.includes(top) && isLead(sib, stats)) { out.push(sib); continue; }
    if (sib.name === "p" || (sib.name === "div" && inlineChars(sib) === (stats.get(sib)?.chars ?? -1))) {
      const s = stats.get(sib);
      const ld = linkDensity(s);
      const n = s?.chars ?? 0;
      const t = n ? lastText(sib) : "";
      if ((n > 80 && ld < 0.25) || (n > 0 && n <= 80 && ld === 0 && /[.!?…:”"»)]$/.test(t))) out.push(sib);
    }
  }
  return out;
}

function lastText(el: Element): string {
  let s = "";
  const walk = (n: Element): void => { for (const c of n.children) { if (c.type === "text") s += (c as unknown as { data: string }).data; else if (isTag(c)) walk(c); } };
  walk(el);
  return s.trim();
}

export const parentEl = (el: Element): Element | null => (el.parent && isTag(el.parent as Element) ? (el.parent as Element) : null);
function contains(a: Element, b: Element): boolean {
  for (let x: Element | null = b; x; x = parentEl(x)) if (x === a) return true;
  return false;
}

/** Paragraphs of text (25 characters or more) that sit directly in the element, cut at double <br>s. */
function brParagraphs(el: Element): number {
  let n = 0, cur = 0, brs = 0;
  const end = (): void => { if (cur >= MIN_UNIT) n++; cur = 0; };
  for (const c of el.children) {
    if (c.type === "text") {
      const t = (c as unknown as { data: string }).data.trim();
      if (t) { cur += t.length; brs = 0; }
    } else if (isTag(c)) {
      if (c.name === "br") { if (++brs === 2) end(); }
      else if (INLINE.has(c.name)) { const t = textOf(c).length; if (t) { cur += t; brs = 0; } }
      else { end(); brs = 0; }
    }
  }
  end();
  return n;
}

/** Share of a lead's text that may be links: a line of text with a link or two, not a box of them. */
const LEAD_LINK_DENSITY = 0.1;
/**
 * A box the page marks as its lead ("sapo", "description", "summary", …) may hold more: sites link keywords of the
 * story ("thi đua" to a tag page), and a two-line sapo with two such links passes the share above.
 */
const MARKED_LEAD_LINK_DENSITY = 0.25;
const MARKED_LEAD = /(?:^|[\s_-])(?:sapo|lead|summary|chapeau|intro|description|desc|excerpt|standfirst|tomtat|tom-tat)(?:$|[\s_-])/iu;
const markedLead = (el: Element) => MARKED_LEAD.test(`${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`) || (!!el.parent && isTag(el.parent as Element) && MARKED_LEAD.test(`${(el.parent as Element).attribs.class ?? ""} ${(el.parent as Element).attribs.id ?? ""}`));

/** A sentence or two of text with few links, ending as a sentence ends: a lead standing apart from the story. */
export function isLead(el: Element, stats: Map<Element, Stats>): boolean {
  if (!(HEADING.has(el.name) || el.name === "div" || el.name === "p" || el.name === "section") || el.name === "h1") return false;
  const s = stats.get(el);
  if (!s || s.chars < 80 || s.chars > 1000 || linkDensity(s) > (markedLead(el) ? MARKED_LEAD_LINK_DENSITY : LEAD_LINK_DENSITY) || s.img > 0 || s.p > 1 || s.headings > 0) return false;
  return /[.!?…]["”»)]?$/.test(textOf(el));
}
