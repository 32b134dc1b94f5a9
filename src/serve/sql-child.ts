// Runs one read-only SQL query in its own process, so a runaway query can be killed by the server.
// stdin: {"db": path, "sql": text, "maxRows": n}; stdout: {"columns": [...], "rows": [[...]], "truncated": bool} or {"error": message}.
import Database from "better-sqlite3";
import { prepareReadOnly } from "../store/readonly.js";

interface Job { db: string; sql: string; maxRows: number }

function run(job: Job): unknown {
  const db = new Database(job.db, { readonly: true, fileMustExist: true });
  try {
    db.pragma("query_only = ON");
    // the store's check: writes, ATTACH/DETACH, load_extension, VACUUM and writing pragmas are refused
    const stmt = prepareReadOnly(db, job.sql);
    stmt.raw(true);
    const columns = stmt.columns().map((c) => c.name);
    const rows: unknown[][] = [];
    let truncated = false;
    for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
      if (rows.length >= job.maxRows) { truncated = true; break; }
      rows.push(row.map((v) => (typeof v === "bigint" ? v.toString() : Buffer.isBuffer(v) ? `<${v.length} bytes>` : v)));
    }
    return { columns, rows, truncated };
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    db.close();
  }
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c: string) => { input += c; });
process.stdin.on("end", () => {
  let out: unknown;
  try { out = run(JSON.parse(input) as Job); } catch (e) { out = { error: (e as Error).message }; }
  process.stdout.write(JSON.stringify(out));
});
