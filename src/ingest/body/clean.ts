// First pass over the page: drop what is never story text (scripts, hidden parts, forms with inputs,
// navigation landmarks) and containers whose class/id marks them as furniture.
import type { Element } from "domhandler";
import { computeStats, descendants, detach, isTag, type Stats } from "./dom.js";
import { isNegative, isPositive } from "./hints.js";
import { isLead } from "./score.js";

const NEVER = new Set([
  "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "button", "select",
  "textarea", "input", "link", "meta", "dialog", "map", "audio", "video", "source", "head", "title", "nav", "aside",
  "footer", "menu", "math",
]);
const LANDMARK = /^(navigation|banner|contentinfo|complementary|dialog|alertdialog|menu|menubar|search)$/;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/** Containers never removed on their class alone. */
const KEEP_TAGS = new Set(["html", "body", "main", "article"]);

function hidden(el: Element): boolean {
  const a = el.attribs;
  return "hidden" in a || a["aria-hidden"] === "true" || (!!a.style && HIDDEN_STYLE.test(a.style));
}

/** Holds the story by markup: an articleBody microdata property or an <article>. */
function holdsStoryHint(el: Element): boolean {
  return descendants(el).some((d) => d.attribs.itemprop === "articleBody" || d.name === "article");
}

/** Text in paragraphs: what a comment form or a footer lacks and a page-wide wrapper has. */
const paragraphText = (s: Stats | undefined): number => (s ? s.chars - s.linkChars : 0);

export function cleanPage(root: Element): void {
  // unconditional removals first, so the statistics below describe what is left
  const drop: Element[] = [];
  for (const el of descendants(root)) {
    if (el.type !== "tag") { drop.push(el); continue; }
    if (NEVER.has(el.name) || hidden(el) || LANDMARK.test(el.attribs.role ?? "")) drop.push(el);
  }
  for (const el of drop) detach(el);
  for (const n of [...root.children]) if (n.type === "comment" || n.type === "directive") detach(n);
  removeComments(root);

  const stats = computeStats(root);
  const total = stats.get(root)?.chars ?? 0;
  const drop2: Element[] = [];
  const walk = (el: Element): void => {
    for (const c of el.children) {
      if (!isTag(c)) continue;
      const s = stats.get(c);
      // a form with fields and little text is a comment or search form; a page-wide <form> wrapper is kept
      if (c.name === "form" && (s?.chars ?? 0) < 0.3 * total) { drop2.push(c); continue; }
      if (c.name === "header" && !(c.attribs.itemprop === "articleBody") && (s?.p ?? 0) < 3) { drop2.push(c); continue; }
      if (!KEEP_TAGS.has(c.name) && isNegative(c) && !isPositive(c) && c.attribs.itemprop !== "articleBody" &&
          paragraphText(s) < 0.3 * total && !holdsStoryHint(c)) { drop2.push(c); continue; }
      walk(c);
    }
  };
  walk(root);
  for (const el of drop2) {
    // a story header goes, but the lead it may hold stays where it stood
    if (el.name === "header") for (const lead of descendants(el).filter((d) => isLead(d, stats))) insertBefore(lead, el);
    detach(el);
  }
}

function insertBefore(n: Element, ref: Element): void {
  const p = ref.parent;
  if (!p) return;
  detach(n);
  const i = p.children.indexOf(ref);
  p.children.splice(i, 0, n);
  n.parent = p;
  n.prev = ref.prev; n.next = ref;
  if (ref.prev) ref.prev.next = n;
  ref.prev = n;
}

function removeComments(el: Element): void {
  for (const c of [...el.children]) {
    if (c.type === "comment" || c.type === "directive" || c.type === "cdata") detach(c);
    else if (isTag(c)) removeComments(c);
  }
}
