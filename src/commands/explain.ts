// thidua explain unit|cluster|person ID-or-NAME: aliases, the rule that merged each, the evidence.
import type { Command } from "commander";
import { fail, readOnlyOrExit, UsageError } from "../store/cli.js";
import { explain, findEntity, formatExplanation, type EntityKind } from "../store/explain.js";
import { EXIT } from "../exit.js";

export function register(program: Command): void {
  program
    .command("explain")
    .description("show how a canonical unit, cluster or person was formed: its aliases with counts, the rule that merged each and the evidence")
    .argument("<entity>", "unit, cluster or person")
    .argument("<ref>", "the entity's id, or a name it is known by (diacritics optional)")
    .option("--db <file>", "database file (default: $THIDUA_DB or data/thidua.sqlite)")
    .option("--json", "print JSON")
    .action((entity: string, ref: string, o: { db?: string; json?: boolean }) => {
      if (!["unit", "cluster", "person"].includes(entity)) fail("explain", new UsageError(`"${entity}": expected unit, cluster or person`));
      const db = readOnlyOrExit("explain", o.db);
      try {
        const ids = findEntity(db, entity as EntityKind, ref);
        if (!ids.length) { console.error(`thidua explain: no ${entity} "${ref}"`); process.exitCode = EXIT.partial; return; }
        for (const id of ids) {
          const e = explain(db, entity as EntityKind, id)!;
          process.stdout.write(o.json ? JSON.stringify(e) + "\n" : formatExplanation(e));
        }
      } catch (e) { fail("explain", e); } finally { db.close(); }
    });
}
