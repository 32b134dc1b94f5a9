// npm run eval: extract every article under corpus/ (seeds, dev, …) and score it against corpus/gold,
// per kind, with the matching rules of the spec. Also scores a JSONL file of records (--pred).
//
//   node dist/eval/run.js [CORPUS_DIR [MORE_DIRS…]] [--pred FILE.jsonl] [--errors] [--json]
// Each DIR holds gold/ and folders of articles; the first is the main corpus, printed last.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { readArticles } from "../ingest/read.js";
import { extract } from "../extract/extract.js";
import { SCORED_KINDS, itemsOf, sameDay, scoreKind, titleMatches, type Item, type ScoredKind } from "./match.js";
import { matchKey } from "../extract/normalize.js";

type Rec = Record<string, unknown>;
const key = (source: unknown) => basename(String(source ?? "")).replace(/\.[^.]*$/, "");

interface Totals {
  kinds: Record<ScoredKind, { tp: number; fp: number; fn: number }>;
  articles: number;
  title: [number, number];
  published: [number, number];
  /** Not scored by the spec's scorer; printed so the page metadata a researcher cites can be checked too. */
  outlet: [number, number];
  author: [number, number];
}
interface ErrorLine { article: string; kind: string; error: string; item: unknown }

function emptyTotals(): Totals {
  return { kinds: Object.fromEntries(SCORED_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Totals["kinds"], articles: 0, title: [0, 0], published: [0, 0], outlet: [0, 0], author: [0, 0] };
}

function scoreArticle(t: Totals, gold: Rec, pred: Rec, name: string, errors: ErrorLine[]): void {
  t.articles++;
  for (const kind of SCORED_KINDS) {
    const r = scoreKind(kind, itemsOf(gold, kind), itemsOf(pred, kind));
    t.kinds[kind].tp += r.tp; t.kinds[kind].fp += r.fp; t.kinds[kind].fn += r.fn;
    for (const m of r.misses) errors.push({ article: name, kind, error: "missed", item: m });
    for (const x of r.extras) errors.push({ article: name, kind, error: "spurious", item: stripProv(x) });
  }
  const ga = (gold.article ?? {}) as Rec, pa = (pred.article ?? {}) as Rec;
  if (ga.title) { t.title[1]++; if (titleMatches(ga.title, pa.title)) t.title[0]++; else errors.push({ article: name, kind: "title", error: "wrong", item: { gold: ga.title, pred: pa.title } }); }
  if (ga.published) { t.published[1]++; if (sameDay(ga.published, pa.published)) t.published[0]++; else errors.push({ article: name, kind: "published", error: "wrong", item: { gold: ga.published, pred: pa.published } }); }
  for (const k of ["outlet", "author"] as const) {
    if (!ga[k]) continue;
    t[k][1]++;
    if (typeof pa[k] === "string" && matchKey(pa[k] as string) === matchKey(ga[k] as string)) t[k][0]++;
    else errors.push({ article: name, kind: k, error: "wrong", item: { gold: ga[k], pred: pa[k] } });
  }
}

function stripProv(x: Item): Item {
  const { prov: _p, titleProv: _t, ...rest } = x as Item & { prov?: unknown; titleProv?: unknown };
  return rest;
}

interface Row { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }
function summarise(t: Totals): { rows: Record<ScoredKind, Row>; overall: number } {
  const rows = {} as Record<ScoredKind, Row>;
  const f1s: number[] = [];
  for (const kind of SCORED_KINDS) {
    const { tp, fp, fn } = t.kinds[kind];
    const precision = tp + fp ? tp / (tp + fp) : tp + fn ? 0 : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    rows[kind] = { tp, fp, fn, precision, recall, f1 };
    if (tp + fn > 0) f1s.push(f1);
  }
  return { rows, overall: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0 };
}

function printTable(label: string, t: Totals): void {
  const { rows, overall } = summarise(t);
  console.log(`\n${label}: ${t.articles} articles`);
  console.log("kind".padEnd(12) + "   tp   fp   fn  prec   rec    f1");
  for (const kind of SCORED_KINDS) {
    const r = rows[kind];
    console.log(kind.padEnd(12) + [r.tp, r.fp, r.fn].map((x) => String(x).padStart(5)).join("") + [r.precision, r.recall, r.f1].map((x) => x.toFixed(2).padStart(6)).join(""));
  }
  const acc = ([a, b]: [number, number]) => (b ? (a / b).toFixed(3) : "n/a");
  const of = ([a, b]: [number, number]) => `${acc([a, b])} (${a} of ${b})`;
  console.log(`title accuracy ${acc(t.title)}, published-date accuracy ${acc(t.published)}; outlet ${of(t.outlet)}, author ${of(t.author)} (not in the spec's score)`);
  console.log(`overall F1 ${overall.toFixed(3)}`);
}

function loadGold(dir: string): Map<string, Rec> {
  const gold = new Map<string, Rec>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const g = JSON.parse(readFileSync(join(dir, f), "utf8")) as Rec;
    gold.set(key(g.source ?? f), g);
  }
  return gold;
}

async function predict(paths: string[]): Promise<Map<string, Rec>> {
  const out = new Map<string, Rec>();
  for await (const item of readArticles(paths)) {
    if ("error" in item) { console.error(`eval: ${item.error.source}: ${item.error.reason}`); continue; }
    const rec = extract(item.article) as unknown as Rec;
    out.set(key(rec.source), rec);
  }
  return out;
}

function readPredictions(file: string): Map<string, Rec> {
  const out = new Map<string, Rec>();
  readFileSync(file, "utf8").split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    try { const r = JSON.parse(line) as Rec; out.set(key(r.source), r); } catch { console.error(`eval: ${file}:${i + 1}: not JSON`); }
  });
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [f]));
}

interface SetResult { label: string; totals: Map<string, Totals>; errors: ErrorLine[] }

/** Score one corpus folder: DIR/gold plus one folder of articles per subset (seeds, dev, articles…). */
async function scoreSet(dir: string, predictions: Map<string, Rec> | null): Promise<SetResult> {
  const goldDir = join(dir, "gold");
  if (!existsSync(goldDir)) throw new Error(`no gold folder at ${goldDir}`);
  const gold = loadGold(goldDir);
  const subsets = readdirSync(dir).filter((d) => d !== "gold" && statSync(join(dir, d)).isDirectory()).sort();
  // held-out names (never tuned on) are listed in DIR/holdout.list
  const holdoutFile = join(dir, "holdout.list");
  const holdout = existsSync(holdoutFile)
    ? new Set(readFileSync(holdoutFile, "utf8").split("\n").map((l) => l.replace(/#.*/, "").trim()).filter(Boolean).map(key))
    : new Set<string>();
  const errors: ErrorLine[] = [];
  const totals = new Map<string, Totals>([["all", emptyTotals()]]);
  const add = (label: string, g: Rec, p: Rec, name: string) => {
    if (!totals.has(label)) totals.set(label, emptyTotals());
    scoreArticle(totals.get(label)!, g, p, name, label === "all" ? errors : []);
  };
  for (const subset of subsets) {
    const preds = predictions ?? (await predict([join(dir, subset)]));
    for (const name of filesUnder(join(dir, subset)).map(key).sort()) {
      const g = gold.get(name), p = preds.get(name);
      if (!g || !p) continue;
      add(subset, g, p, name);
      add("all", g, p, name);
      if (holdout.has(name)) add("held out", g, p, name);
    }
  }
  return { label: dir, totals, errors };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (f: string) => args.includes(f);
  const predIdx = args.indexOf("--pred");
  const predFile = predIdx >= 0 ? args[predIdx + 1] : undefined;
  const dirs = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--pred");
  if (!dirs.length) dirs.push("corpus");
  const predictions = predFile ? readPredictions(predFile) : null;
  // the first folder is the main corpus: its tables come last, so the closing lines are its figures
  const sets: SetResult[] = [];
  for (const d of dirs.filter(existsSync)) sets.push(await scoreSet(d, predictions));
  if (flag("--json")) {
    console.log(JSON.stringify(Object.fromEntries(sets.map((s) => [s.label, Object.fromEntries([...s.totals].map(([k, t]) => [k, { articles: t.articles, ...summarise(t) }]))])), null, 2));
    return;
  }
  for (const s of [...sets.slice(1), ...sets.slice(0, 1)]) {
    if (flag("--errors")) for (const e of s.errors) console.log(`${s.label}/${e.article}\t${e.kind}\t${e.error}\t${JSON.stringify(e.item)}`);
    for (const [label, t] of s.totals) if (label !== "all") printTable(`${s.label}: ${label}`, t);
    if (s.totals.size > 2 || s === sets[0]) printTable(`${s.label}: all`, s.totals.get("all")!);
  }
}

main().catch((e: unknown) => { console.error(`eval: ${(e as Error).message}`); process.exit(3); });
