// Runs every example case written beside the recognisers (src/extract/recognizers/*.examples.json)
// through the whole extract(): for each kind named in `expect`, the same number of items and a
// one-to-one match of every expected item by a predicted item with equal listed fields.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import type { Article, ExtractionRecord } from "../../src/types.js";

interface ExampleCase {
  text: string;
  published?: string;
  title?: string;
  expect: Record<string, Array<Record<string, unknown>>>;
  note?: string;
}

const DIR = fileURLToPath(new URL("../../src/extract/recognizers/", import.meta.url));

function loadCases(): Array<{ file: string; index: number; c: ExampleCase }> {
  const out: Array<{ file: string; index: number; c: ExampleCase }> = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".examples.json")).sort()) {
    const parsed: unknown = JSON.parse(readFileSync(DIR + file, "utf8"));
    if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON array of cases`);
    parsed.forEach((c: ExampleCase, index) => {
      if (typeof c?.text !== "string" || typeof c.expect !== "object" || c.expect === null) {
        throw new Error(`${file} case ${index}: needs "text" (string) and "expect" (object)`);
      }
      out.push({ file, index, c });
    });
  }
  return out;
}

function articleOf(c: ExampleCase): Article {
  const title = c.title ?? null;
  const text = title ? `${title}\n\n${c.text}` : c.text;
  return {
    source: "example", title, url: null, published: c.published ?? null, outlet: null, author: null,
    text, bodyStart: title ? title.length + 2 : 0, format: "txt",
  };
}

const same = (a: unknown, b: unknown): boolean =>
  typeof a === "string" && typeof b === "string" ? a.normalize("NFC") === b.normalize("NFC") : JSON.stringify(a) === JSON.stringify(b);

const fits = (want: Record<string, unknown>, got: Record<string, unknown>): boolean =>
  Object.entries(want).every(([k, v]) => same(v, got[k]));

/** Maximum bipartite matching (small lists): can every expected item take a distinct predicted item? */
function matchAll(want: Array<Record<string, unknown>>, got: Array<Record<string, unknown>>): number[] | null {
  const owner = new Array<number>(got.length).fill(-1);
  const tryAssign = (w: number, seen: boolean[]): boolean => {
    for (let g = 0; g < got.length; g++) {
      if (seen[g] || !fits(want[w]!, got[g]!)) continue;
      seen[g] = true;
      if (owner[g] === -1 || tryAssign(owner[g]!, seen)) { owner[g] = w; return true; }
    }
    return false;
  };
  for (let w = 0; w < want.length; w++) if (!tryAssign(w, new Array<boolean>(got.length).fill(false))) return null;
  return owner;
}

const cases = loadCases();

describe("recogniser example corpora", () => {
  it("finds example files", () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const { file, index, c } of cases) {
    const label = `${file} #${index}: ${c.note ?? c.text.slice(0, 60)}`;
    it(label, () => {
      const record = extract(articleOf(c)) as unknown as Record<string, unknown>;
      for (const [kind, want] of Object.entries(c.expect)) {
        const got = record[kind];
        expect(Array.isArray(got), `record has no list "${kind}"`).toBe(true);
        const items = got as Array<Record<string, unknown>>;
        const shown = JSON.stringify(items.map(({ prov: _p, titleProv: _t, ...rest }) => rest));
        expect(items.length, `${kind}: count differs; got ${shown}`).toBe(want.length);
        expect(matchAll(want, items), `${kind}: expected ${JSON.stringify(want)}; got ${shown}`).not.toBeNull();
      }
    });
  }
});

