// thidua reextract: rebuild every fact from the stored text with the current extractor (no fetching).
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { dbPath, openDb } from "../store/db.js";
import { reextract } from "../store/reextract.js";
import { FACT_KINDS } from "../types.js";
import { EXIT } from "../exit.js";

export function register(program: Command): void {
  program
    .command("reextract")
    .description("re-run the current extractor on every stored and skipped article's text and report facts added and removed per kind")
    .option("--db <file>", "database file (default: $THIDUA_DB or data/thidua.sqlite)")
    .option("--workers <n>", "extraction worker threads (default: one per core)", (v) => Number.parseInt(v, 10))
    .option("--json", "print the report as JSON")
    .action(async (o: { db?: string; workers?: number; json?: boolean }) => {
      const path = dbPath(o.db);
      if (!existsSync(path)) { console.error(`thidua reextract: ${path}: no such database`); process.exit(EXIT.fatal); }
      const db = openDb(path);
      try {
        const r = await reextract(db, { workers: o.workers });
        if (o.json) { console.log(JSON.stringify(r)); return; }
        console.log(`reextract: ${r.articles} articles (${r.nowStored} now about clusters, ${r.nowSkipped} now skipped)`);
        for (const k of FACT_KINDS) {
          const x = r.byKind[k];
          console.log(`  ${k.padEnd(12)} ${String(x.before).padStart(7)} → ${String(x.after).padEnd(7)} +${x.added} −${x.removed}`);
        }
      } finally { db.close(); }
    });
}
