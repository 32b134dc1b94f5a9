// The article text with facts marked in place: sentences addressable, marks exact, text unchanged.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { highlightText, sentenceSpans, type MarkedFact } from "../../src/serve/highlight.js";
import { makeDoc } from "../../src/extract/doc.js";
import type { Article } from "../../src/types.js";

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
const plain = (h: string) => unescape(h.replace(/<[^>]+>/g, ""));
const fact = (text: string, surface: string, kind = "members"): MarkedFact => {
  const start = text.indexOf(surface);
  return { kind, start, end: start + surface.length, rule: "r", confidence: 0.5, label: surface };
};

describe("highlightText", () => {
  const text = "Hội nghị Cụm thi đua số 2\n\nNgày 5/1, Cụm thi đua số 2 gồm Sở Y tế, Sở Tư pháp. Sở Y tế làm Cụm trưởng năm 2024.";

  it("keeps the text exactly and gives each sentence the id the extractor's index gives it", () => {
    const out = highlightText(text, [fact(text, "Sở Tư pháp"), fact(text, "Sở Y tế làm Cụm trưởng", "roles")]).value;
    expect(plain(out)).toBe(text);
    const doc = makeDoc({ text, bodyStart: 0 } as Article);
    for (const s of doc.sentences) {
      const m = new RegExp(`<span class="s" id="s-${s.index}"[^>]*>([\\s\\S]*?)</span>`).exec(out);
      expect(plain(m![1]!)).toBe(text.slice(doc.map[s.start]!, doc.map[s.end]!));
    }
  });

  it("marks nested and overlapping facts without breaking the markup", () => {
    const outer = fact(text, "Sở Y tế làm Cụm trưởng", "roles");
    const inner = fact(text.slice(0, 0) + text, "Sở Y tế làm"); // first "Sở Y tế làm"
    const cross = { ...fact(text, "Cụm trưởng năm 2024"), kind: "events" };
    const out = highlightText(text, [outer, inner, cross]).value;
    expect(plain(out)).toBe(text);
    // every <mark> is closed before the next opens: no nesting needed
    expect(out.match(/<mark/g)!.length).toBe(out.match(/<\/mark>/g)!.length);
    expect(out).toMatch(/<mark class="f f-members" data-kinds="members roles"[^>]*>Sở Y tế làm<\/mark>/);
    expect(out).toContain(`id="at-${outer.start}"`);
  });

  it("ignores facts whose offsets fall outside the text", () => {
    const out = highlightText(text, [{ kind: "x", start: 5, end: 9999, rule: null, confidence: null, label: "bad" }, { kind: "x", start: 7, end: 3, rule: null, confidence: null, label: "bad" }]).value;
    expect(out).not.toContain("<mark");
    expect(plain(out)).toBe(text);
  });

  it("never loses or alters text, whatever the facts and the characters", () => {
    fc.assert(fc.property(
      fc.string({ unit: fc.constantFrom("a", "ờ", " ", ".", "\n", "<", "&", "Đ", "o\u0300", "\u00a0", "T", "P") , maxLength: 60 }),
      fc.array(fc.tuple(fc.nat(70), fc.nat(70)), { maxLength: 6 }),
      (t, spans) => {
        const facts = spans.map(([a, b]) => ({ kind: "k", start: Math.min(a, b), end: Math.max(a, b), rule: null, confidence: null, label: "<l>" }));
        const out = highlightText(t, facts).value;
        return plain(out) === t && !/<l>/.test(out);
      }), { numRuns: 300 });
  });

  it("maps sentences back to offsets in text that normalisation changes", () => {
    const t = "Cụm trưởng là Sở Nội vụ\u00a0tỉnh. Ủy ban\u200b MTTQ làm Cụm phó.";
    const spans = sentenceSpans(t);
    expect(spans.map((s) => t.slice(s.start, s.end))).toEqual(["Cụm trưởng là Sở Nội vụ\u00a0tỉnh.", "Ủy ban\u200b MTTQ làm Cụm phó."]);
  });
});
