// An article's cleaned text with its sentences addressable (#s-N) and every fact marked in place.
// Sentences are recomputed exactly as extraction does (splitSentences on the normalised text) and mapped
// back to offsets in the stored text, so a fact's start/end and sentence index line up with the page.
import { normalize } from "../extract/normalize.js";
import { splitSentences } from "../extract/sentences.js";
import { html, join, type Html } from "./html.js";

export interface MarkedFact {
  kind: string; // "members", "roles", … (FACT_KINDS)
  start: number;
  end: number;
  rule: string | null;
  confidence: number | null;
  /** Short human description: "member: Hội Nông dân tỉnh". */
  label: string;
}

export interface Span { index: number; start: number; end: number }

/** Sentence spans in offsets of the original text. */
export function sentenceSpans(text: string): Span[] {
  const { norm, map } = normalize(text);
  return splitSentences(norm).map((s) => ({ index: s.index, start: map[s.start]!, end: map[s.end]! }));
}

function tooltip(f: MarkedFact): string {
  const conf = f.confidence == null ? "" : ` · confidence ${Math.round(f.confidence * 100) / 100}`;
  return `${f.kind}: ${f.label}${f.rule ? ` · rule ${f.rule}` : ""}${conf}`;
}

export function highlightText(text: string, facts: MarkedFact[]): Html {
  const valid = facts.filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.end <= text.length && f.start < f.end);
  const sentences = sentenceSpans(text);
  const cuts = new Set<number>([0, text.length]);
  for (const s of sentences) { cuts.add(s.start); cuts.add(s.end); }
  for (const f of valid) { cuts.add(f.start); cuts.add(f.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const anchored = new Set<number>();
  const out: Html[] = [];
  let si = 0; // sentences are ordered and disjoint: walk them alongside the segments
  let open: number | null = null;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k]!, b = points[k + 1]!;
    while (si < sentences.length && sentences[si]!.end <= a) si++;
    const s = sentences[si];
    const inSentence = s && s.start <= a && a < s.end ? s.index : null;
    if (inSentence !== open) {
      if (open !== null) out.push(html`</span>`);
      if (inSentence !== null) out.push(html`<span class="s" id="s-${inSentence}" data-s="${inSentence}">`);
      open = inSentence;
    }
    const segment = text.slice(a, b);
    const covering = valid.filter((f) => f.start <= a && f.end >= b).sort((x, y) => (x.end - x.start) - (y.end - y.start));
    // an anchor per fact start, so a fact can be linked to by offset even when marks nest
    const anchors = valid.filter((f) => f.start === a && !anchored.has(f.start)).map((f) => { anchored.add(f.start); return html`<a class="at" id="at-${f.start}"></a>`; });
    out.push(...anchors);
    if (covering.length === 0) { out.push(html`${segment}`); continue; }
    const inner = covering[0]!;
    const kinds = [...new Set(covering.map((f) => f.kind))].join(" ");
    out.push(html`<mark class="f f-${inner.kind}" data-kinds="${kinds}" title="${covering.map(tooltip).join("\n")}">${segment}</mark>`);
  }
  if (open !== null) out.push(html`</span>`);
  return html`<div class="article-text" style="white-space:pre-wrap">${join(out, "")}</div>`;
}
