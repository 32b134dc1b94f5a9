// thidua query "SQL" | thidua query NAME [ARG] [--cluster …] | thidua query --list — read-only, always.
import type { Command } from "commander";
import { readOnlyOrExit, fail, printRows, UsageError } from "../store/cli.js";
import { prepareReadOnly } from "../store/readonly.js";
import { bindings, loadSavedQueries } from "../store/saved.js";
import { toTable } from "../store/format.js";

interface QueryOptions { db?: string; csv?: boolean; json?: boolean; list?: boolean; cluster?: string; year?: string; unit?: string }

export function register(program: Command): void {
  program
    .command("query")
    .description("run read-only SQL on the knowledge base, or a saved query by name (see --list); writes, ATTACH, load_extension and PRAGMA writes are refused (exit 2)")
    .argument("[sql]", "a SELECT statement, or the name of a saved query")
    .argument("[arg]", "argument of a saved query (a name, a cluster, an article id)")
    .option("--db <file>", "database file (default: $THIDUA_DB or data/thidua.sqlite)")
    .option("--csv", "print CSV")
    .option("--json", "print JSON lines (one object per row)")
    .option("--list", "list the saved queries")
    .option("--cluster <text>", "saved queries: cluster name or part of it (diacritics optional)")
    .option("--year <yyyy>", "saved queries: year")
    .option("--unit <text>", "saved queries: unit or person name or part of it")
    .action((sql: string | undefined, arg: string | undefined, o: QueryOptions) => {
      const saved = loadSavedQueries();
      if (o.list) {
        process.stdout.write(toTable(["name", "about", "usage"], saved.map((q) => ({ ...q }))));
        return;
      }
      if (!sql) fail("query", new UsageError('give SQL ("SELECT …") or a saved query name; thidua query --list shows them'));
      const db = readOnlyOrExit("query", o.db);
      try {
        const named = saved.find((q) => q.name === sql.trim());
        if (!named && /^[\w-]+$/.test(sql.trim())) throw new UsageError(`"${sql}" is neither SQL nor a saved query (saved: ${saved.map((q) => q.name).join(", ")})`);
        if (!named && arg !== undefined) throw new UsageError(`"${sql}" is not a saved query, and plain SQL takes no argument (thidua query --list)`);
        const stmt = prepareReadOnly(db, named ? named.sql : sql);
        const rows = (named ? stmt.all(bindings(named.sql, { arg, cluster: o.cluster, year: o.year, unit: o.unit })) : stmt.all()) as Array<Record<string, unknown>>;
        printRows(stmt.columns().map((c) => c.name), rows, o);
      } catch (e) {
        fail("query", e);
      } finally {
        db.close();
      }
    });
}
