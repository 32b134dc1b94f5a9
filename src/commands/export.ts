// thidua export VIEW|SQL --csv|--jsonl [-o FILE]; thidua export --datasette-metadata [-o metadata.json].
import type { Command } from "commander";
import { createWriteStream, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { fail, readOnlyOrExit, UsageError } from "../store/cli.js";
import { prepareReadOnly } from "../store/readonly.js";
import { csvLine } from "../store/format.js";
import { datasetteMetadata } from "../store/meta.js";
import { dbPath } from "../store/db.js";

interface ExportOptions { db?: string; csv?: boolean; jsonl?: boolean; output?: string; datasetteMetadata?: boolean }

export function register(program: Command): void {
  program
    .command("export")
    .description("write a view, table or read-only SELECT as CSV or JSON lines; or Datasette metadata.json with the table and column descriptions")
    .argument("[what]", "a view or table name (v_cluster_members, …) or a SELECT statement")
    .option("--db <file>", "database file (default: $THIDUA_DB or data/thidua.sqlite)")
    .option("--csv", "CSV (the default)")
    .option("--jsonl", "JSON lines")
    .option("-o, --output <file>", "write to this file instead of standard output")
    .option("--datasette-metadata", "write Datasette metadata.json (descriptions of tables, views and columns)")
    .action(async (what: string | undefined, o: ExportOptions) => {
      if (o.csv && o.jsonl) fail("export", new UsageError("choose one of --csv and --jsonl"));
      const db = readOnlyOrExit("export", o.db);
      try {
        if (o.datasetteMetadata) {
          const json = JSON.stringify(datasetteMetadata(db, basename(dbPath(o.db)).replace(/\.[^.]+$/, "")), null, 2) + "\n";
          if (o.output) writeFileSync(o.output, json); else process.stdout.write(json);
          return;
        }
        if (!what) throw new UsageError("name a view or table, or give a SELECT (thidua query \"SELECT name FROM sqlite_schema WHERE type='view'\" lists the views)");
        const isName = /^[A-Za-z_][A-Za-z0-9_]*$/.test(what.trim());
        if (isName && !db.prepare("SELECT 1 FROM sqlite_schema WHERE name = ? AND type IN ('table', 'view')").get(what.trim())) throw new UsageError(`no view or table "${what}"`);
        const stmt = prepareReadOnly(db, isName ? `SELECT * FROM "${what.trim()}"` : what);
        const cols = stmt.columns().map((c) => c.name);
        const out = o.output ? createWriteStream(o.output) : process.stdout;
        out.on("error", (e) => fail("export", new Error(`${o.output ?? "stdout"}: cannot write: ${e.message}`)));
        const write = (s: string) => new Promise<void>((res) => { if (out.write(s)) res(); else out.once("drain", () => res()); });
        if (!o.jsonl) await write(csvLine(cols) + "\n");
        let n = 0;
        for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
          await write(o.jsonl ? JSON.stringify(row) + "\n" : csvLine(cols.map((c) => row[c])) + "\n");
          n++;
        }
        if (o.output) { await new Promise<void>((res) => (out as ReturnType<typeof createWriteStream>).end(res)); console.error(`export: ${n} rows → ${o.output}`); }
      } catch (e) { fail("export", e); } finally { db.close(); }
    });
}
