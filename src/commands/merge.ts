// thidua merge --db OUT IN.sqlite...: combine databases written by shards (or by anyone) into one.
// Every article is stored again through storeArticle, so the target's own duplicate detection
// (body hash, canonical URL, near-duplicates) applies: merging twice, or merging overlapping shards,
// stores nothing twice, and every source of a story is kept.
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { dbPath, openDb, openReadOnly, type DB } from "../store/db.js";
import { storeArticle, type StoreStatus } from "../store/write.js";
import { loadArticle, loadRecord } from "../store/load.js";
import { afterIngest } from "../store/api.js";
import { EXIT } from "../exit.js";

export interface MergeSummary { inputs: number; byStatus: Record<StoreStatus, number>; sources: number; failed: string[] }

export function merge(target: string, inputs: string[]): MergeSummary {
  const out = openDb(target);
  const summary: MergeSummary = { inputs: 0, byStatus: { stored: 0, duplicate: 0, "near-duplicate": 0, skipped: 0 }, sources: 0, failed: [] };
  try {
    for (const input of inputs) {
      if (!existsSync(input)) { summary.failed.push(`${input}: no such database`); continue; }
      if (resolvePath(input) === resolvePath(target)) { summary.failed.push(`${input}: is the target database`); continue; }
      let src: DB;
      try { src = openReadOnly(input); } catch (e) { summary.failed.push((e as Error).message); continue; }
      try {
        out.transaction(() => mergeOne(src, out, summary))();
        summary.inputs++;
      } catch (e) {
        summary.failed.push(`${input}: ${(e as Error).message}`);
      } finally { src.close(); }
    }
    afterIngest?.(out);
  } finally { out.close(); }
  return summary;
}

function mergeOne(src: DB, out: DB, summary: MergeSummary): void {
  // stories and skipped articles first, in their order, then copies (which find their story in the target)
  const rows = src.prepare("SELECT * FROM articles ORDER BY CASE status WHEN 'duplicate' THEN 1 ELSE 0 END, id").iterate() as IterableIterator<Record<string, unknown>>;
  for (const row of rows) {
    const article = loadArticle(row);
    const res = storeArticle(out, article, loadRecord(src, Number(row.id), article));
    summary.byStatus[res.status]++;
  }
  // sources that had no article row of their own (the same body seen under another name)
  const extra = src.prepare(`SELECT s.source, s.url, s.title, s.outlet, s.published, a.* FROM article_sources s JOIN articles a ON a.id = s.article_id WHERE s.how = 'same-body'`).all() as Array<Record<string, unknown>>;
  for (const r of extra) {
    const story = loadArticle(r);
    const alias = { ...story, source: String(r.source), url: (r.url as string | null) ?? null, title: (r.title as string | null) ?? story.title, outlet: (r.outlet as string | null) ?? null, published: (r.published as string | null) ?? null };
    storeArticle(out, alias, loadRecord(src, Number(r.id), story));
    summary.sources++;
  }
}

export function register(program: Command): void {
  program
    .command("merge")
    .description("combine databases (for example one per --shard) into one, without duplicates")
    .argument("<inputs...>", "databases to merge in")
    .option("--db <file>", "target database (default: $THIDUA_DB or data/thidua.sqlite)")
    .action((inputs: string[], o: { db?: string }) => {
      const target = dbPath(o.db);
      const s = merge(target, inputs);
      for (const f of s.failed) console.error(`thidua: ${f}`);
      console.log(`merge: ${s.inputs} databases into ${target}: ${s.byStatus.stored} stored, ${s.byStatus.duplicate} duplicate, ${s.byStatus["near-duplicate"]} near-duplicate, ${s.byStatus.skipped} skipped; ${s.sources} extra sources`);
      if (s.failed.length) process.exitCode = s.inputs ? EXIT.partial : EXIT.fatal;
    });
}
