// Shared by the scale tests: a generated corpus on disk, the CLI as a child process, and a dump of
// everything a database says (articles once each, facts with their provenance) to compare runs.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import Database from "better-sqlite3";
import { generateArticle } from "../../src/bench/gen.js";

export const CLI = join(__dirname, "../../bin/thidua.js");

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `thidua-${prefix}-`));
}

/** n generated articles as .txt files (every fourth as .html) in a fresh folder. */
export function writeCorpus(n: number, seed = 3): string {
  const dir = join(tempDir("corpus"), "articles");
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const a = generateArticle(i, seed, 2500, i % 4 === 3 ? "html" : "txt");
    writeFileSync(join(dir, `${a.name}.${a.format}`), a.content);
  }
  return dir;
}

export function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function startCli(args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

export interface DbDump { integrity: string; articles: string[]; sources: number; duplicateHashes: number; facts: string[] }

/** What a database holds, independent of row ids: stored articles by source, facts by article source. */
export function dump(path: string): DbDump {
  const db = new Database(path, { readonly: true });
  try {
    const integrity = (db.pragma("integrity_check") as Array<{ integrity_check: string }>)[0]!.integrity_check;
    const articles = (db.prepare("SELECT source FROM articles WHERE status != 'duplicate' ORDER BY source").pluck().all() as string[]);
    const sources = db.prepare("SELECT count(DISTINCT source) FROM article_sources").pluck().get() as number;
    const duplicateHashes = (db.prepare("SELECT count(*) FROM (SELECT body_hash FROM articles WHERE status != 'duplicate' GROUP BY body_hash HAVING count(*) > 1)").pluck().get() as number);
    const facts = (db.prepare(`SELECT a.source || '|' || f.kind || '|' || f.idx || '|' || f.start || '|' || f."end" || '|' || coalesce(f.rule, '')
      FROM facts f JOIN articles a ON a.id = f.article_id ORDER BY 1`).pluck().all() as string[]);
    return { integrity, articles, sources, duplicateHashes, facts };
  } finally { db.close(); }
}
