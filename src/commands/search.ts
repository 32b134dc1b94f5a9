// thidua search "…": tone-aware full-text search over articles and facts, with snippets.
import type { Command } from "commander";
import { fail, readOnlyOrExit, UsageError } from "../store/cli.js";
import { search } from "../store/search.js";
import { SqlError } from "../store/readonly.js";

export function register(program: Command): void {
  program
    .command("search")
    .description('full-text search over articles and facts: with tone marks, the marks must match ("thể" ≠ "thế"); without any, all tones match ("ha noi" finds "Hà Nội"); "quoted words" are a phrase')
    .argument("<query>", "words, all required")
    .option("--db <file>", "database file (default: $THIDUA_DB or data/thidua.sqlite)")
    .option("--limit <n>", "at most this many hits", (v) => Number.parseInt(v, 10), 20)
    .option("--json", "print JSON lines")
    .action((q: string, o: { db?: string; limit: number; json?: boolean }) => {
      if (!Number.isInteger(o.limit) || o.limit < 1) fail("search", new UsageError("--limit must be a positive whole number"));
      const db = readOnlyOrExit("search", o.db);
      try {
        let res;
        try { res = search(db, q, o.limit); } catch (e) { throw new SqlError(`cannot search for "${q}": ${(e as Error).message}`); }
        if (!res.query.terms.length) throw new UsageError("the query has no words");
        if (o.json) { for (const h of res.hits) process.stdout.write(JSON.stringify(h) + "\n"); return; }
        if (!res.hits.length) { console.log(`no match for ${res.query.toned ? "(tones as typed)" : "(any tones)"} ${res.query.terms.map((t) => `"${t}"`).join(" ")}`); return; }
        for (const h of res.hits) {
          console.log(`[${h.kind}${h.fact_id ? ` #${h.fact_id}` : ""}] article ${h.article_id}: ${h.title ?? "(no title)"}${h.outlet ? ` — ${h.outlet}` : ""}${h.published ? `, ${h.published.slice(0, 10)}` : ""}`);
          console.log(`    ${h.snippet}`);
        }
      } catch (e) { fail("search", e); } finally { db.close(); }
    });
}
