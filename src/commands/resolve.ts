// thidua resolve [--rebuild]: entity resolution (ingest runs it after each batch; --rebuild starts over).
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { dbPath, openDb } from "../store/db.js";
import { resolve } from "../store/resolve.js";
import { EXIT } from "../exit.js";

export function register(program: Command): void {
  program
    .command("resolve")
    .description("resolve clusters, units and persons across articles (incremental; --rebuild forgets every entity and resolves all facts again)")
    .option("--db <file>", "database file (default: $THIDUA_DB or data/thidua.sqlite)")
    .option("--rebuild", "start over from the facts")
    .action((o: { db?: string; rebuild?: boolean }) => {
      const path = dbPath(o.db);
      if (!existsSync(path)) { console.error(`thidua resolve: ${path}: no such database`); process.exit(EXIT.fatal); }
      const db = openDb(path);
      try {
        const r = resolve(db, { rebuild: !!o.rebuild });
        const merges = Object.entries(r.merges).map(([k, v]) => `${k} ${v}`).join(", ") || "none";
        console.log(`resolve: ${r.facts} facts of ${r.articles} articles; new entities: ${r.clusters} clusters, ${r.units} units, ${r.persons} persons; merges: ${merges}`);
      } finally { db.close(); }
    });
}
