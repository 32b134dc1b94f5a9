// thidua stats: articles stored/skipped/duplicate, facts per kind, entities, merges.
import type { Command } from "commander";
import { fail, readOnlyOrExit } from "../store/cli.js";
import { stats } from "../store/stats.js";

export function register(program: Command): void {
  program
    .command("stats")
    .description("what the knowledge base holds: articles by status, facts per kind, canonical entities and merges")
    .option("--db <file>", "database file (default: $THIDUA_DB or data/thidua.sqlite)")
    .option("--json", "print JSON")
    .action((o: { db?: string; json?: boolean }) => {
      const db = readOnlyOrExit("stats", o.db);
      try {
        const s = stats(db);
        if (o.json) { process.stdout.write(JSON.stringify(s) + "\n"); return; }
        const block = (title: string, r: Record<string, number>) => `${title}\n${Object.entries(r).map(([k, v]) => `  ${k.padEnd(34)} ${v}`).join("\n")}\n`;
        process.stdout.write(block("articles", s.articles) + `  ${"sources of stories".padEnd(34)} ${s.sources}\n` + block("facts (stored articles)", s.facts)
          + block("entities", s.entities) + (Object.keys(s.merges).length ? block("aliases merged, by rule", s.merges) : "")
          + `extractor versions: ${s.extractorVersions.join(", ") || "none"}\n`);
      } catch (e) { fail("stats", e); } finally { db.close(); }
    });
}
