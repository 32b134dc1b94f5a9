// Scoring rules of the spec (EXTRACTION.md, "How the scorer matches"), written for the project's own evaluator.
import { loadLexicon } from "../extract/lexicon.js";
import { fold, normalize } from "../extract/normalize.js";

export type Item = Record<string, unknown> & { optional?: boolean; aliases?: unknown[]; award_aliases?: unknown[] };
export const SCORED_KINDS = ["clusters", "members", "roles", "officials", "titles", "commitments", "awards", "events", "documents"] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number];

let abbrev: Map<string, string> | null = null;
function abbreviations(): Map<string, string> {
  abbrev ??= new Map(loadLexicon("scoring-abbreviations").map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
  return abbrev;
}

const str = (v: unknown): string => (v == null ? "" : String(v));
/** NFC, one tone placement, lower case, spaces collapsed. */
function base(s: unknown): string {
  return normalize(str(s)).norm.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Syllables with abbreviations expanded and diacritics folded. */
export function syllables(s: unknown): string[] {
  const out: string[] = [];
  for (const raw of base(s).split(/[^\p{L}\p{N}&.]+/u)) {
    const tok = raw.replace(/^\.+|\.+$/g, "");
    if (!tok) continue;
    const expansion = abbreviations().get(tok) ?? tok;
    for (const syl of expansion.split(" ")) out.push(fold(syl));
  }
  return out;
}

function overlap(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let n = 0;
  for (const y of b) { const c = counts.get(y) ?? 0; if (c > 0) { n++; counts.set(y, c - 1); } }
  return n;
}

/** Dice coefficient on syllables. */
export function dice(x: unknown, y: unknown): number {
  const a = syllables(x), b = syllables(y);
  if (!a.length || !b.length) return 0;
  return (2 * overlap(a, b)) / (a.length + b.length);
}

/** Commitment texts: one holds >= 80% of the other's syllables and Dice >= 0.4. */
function textSimilarity(x: unknown, y: unknown): number {
  const a = syllables(x), b = syllables(y);
  if (!a.length || !b.length) return 0;
  const o = overlap(a, b);
  const d = (2 * o) / (a.length + b.length);
  return o / Math.min(a.length, b.length) >= 0.8 && d >= 0.4 ? d : 0;
}

const person = (s: unknown) => base(s).replace(/[^\p{L} ]/gu, "").replace(/ +/g, " ").trim();
const docNumber = (s: unknown) => base(s).replace(/\s+/g, "").replace(/^số/, "");
const day = (s: unknown) => (s == null || s === "" ? null : str(s).slice(0, 10));
function role(s: unknown): string {
  const r = fold(base(s));
  return r.includes("pho") ? "phó" : r.includes("truong") ? "trưởng" : r;
}

/** Best similarity of a predicted value against a gold field and its aliases. */
function bestAlias(gold: Item, field: string, aliasesField: "aliases" | "award_aliases", pred: unknown): number {
  const names = [gold[field], ...((gold[aliasesField] as unknown[] | undefined) ?? [])].map((n) => (typeof n === "object" && n ? (n as Item)[field] : n));
  return Math.max(...names.map((n) => dice(n, pred)));
}

const atLeast = (s: number, t: number) => (s >= t ? s : 0);

export const SIMILARITY: Record<ScoredKind, (g: Item, p: Item) => number> = {
  clusters(g, p) {
    if (g.kind && p.kind && fold(base(g.kind)) !== fold(base(p.kind))) return 0;
    if (g.number != null) return Number(p.number) === Number(g.number) ? 1 : 0;
    return atLeast(bestAlias(g, "name", "aliases", p.name), 0.6);
  },
  members: (g, p) => atLeast(bestAlias(g, "unit", "aliases", p.unit), 0.75),
  roles: (g, p) => (role(g.role) === role(p.role) ? atLeast(bestAlias(g, "unit", "aliases", p.unit), 0.75) : 0),
  officials: (g, p) => (person(g.name) === person(p.name) ? 1 : 0),
  titles: (g, p) => (person(g.name) === person(p.name) ? atLeast(dice(g.title, p.title), 0.7) : 0),
  commitments: (g, p) => textSimilarity(g.text, p.text),
  awards(g, p) {
    if (bestAlias(g, "award", "award_aliases", p.award) < 0.65) return 0;
    return atLeast(bestAlias(g, "recipient", "aliases", p.recipient), 0.75);
  },
  events: (g, p) => (g.type === p.type && day(g.date) === day(p.date) ? 1 : 0),
  documents: (g, p) => (docNumber(g.number) === docNumber(p.number) ? 1 : 0),
};

/** The items of one kind in a record; "titles" are (official, title) pairs. */
export function itemsOf(record: Record<string, unknown>, kind: ScoredKind): Item[] {
  if (kind === "titles") {
    return ((record.officials as Item[] | undefined) ?? []).flatMap((o) =>
      ((o.titles as string[] | undefined) ?? []).map((t) => ({ name: o.name, title: t, optional: o.optional })));
  }
  return (record[kind] as Item[] | undefined) ?? [];
}

export interface KindScore { tp: number; fp: number; fn: number; misses: Item[]; extras: Item[] }

/** One-to-one pairing, best similarity first; optional gold items are neither required nor penalised. */
export function scoreKind(kind: ScoredKind, gold: Item[], predicted: Item[]): KindScore {
  const seen = new Set<string>();
  const pred = predicted.filter((p) => {
    // the same item twice counts once; as the shared scorer does, every field but the provenance's content counts
    const key = JSON.stringify(p, Object.keys(p).sort());
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const pairs: Array<[number, number, number]> = [];
  gold.forEach((g, i) => pred.forEach((p, j) => { const s = SIMILARITY[kind](g, p); if (s > 0) pairs.push([s, i, j]); }));
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const gUsed = new Set<number>(), pUsed = new Set<number>();
  for (const [, i, j] of pairs) if (!gUsed.has(i) && !pUsed.has(j)) { gUsed.add(i); pUsed.add(j); }
  const r: KindScore = { tp: 0, fp: 0, fn: 0, misses: [], extras: [] };
  gold.forEach((g, i) => {
    if (g.optional) return;
    if (gUsed.has(i)) r.tp++; else { r.fn++; r.misses.push(g); }
  });
  pred.forEach((p, j) => { if (!pUsed.has(j)) { r.fp++; r.extras.push(p); } });
  return r;
}

export function titleMatches(gold: unknown, pred: unknown): boolean {
  return dice(gold, pred) >= 0.9;
}
export function sameDay(gold: unknown, pred: unknown): boolean {
  return day(gold) === day(pred);
}
