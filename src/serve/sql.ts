// The read-only SQL box: run the query in a child process with a time limit (SQLite cannot be
// interrupted from JavaScript), where the store's prepareReadOnly refuses anything that is not a read;
// and turn results into CSV.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface SqlResult { columns: string[]; rows: unknown[][]; truncated: boolean }
export type SqlOutcome = SqlResult | { error: string };

/** Why a query is refused before a process is started for it, or null. The rest is refused by the store's prepareReadOnly in the child. */
export function refusal(sql: string): string | null {
  if (!sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, " ").trim()) return "type a query, for example: SELECT * FROM v_cluster_timeline LIMIT 20";
  return null;
}

function childScript(): string {
  // dist/serve/sql-child.js next to this file; when running from sources (tests), the built copy
  const here = fileURLToPath(new URL("./sql-child.js", import.meta.url));
  if (existsSync(here)) return here;
  const built = here.replace(/([\\/])src([\\/]serve[\\/])/, "$1dist$2");
  if (existsSync(built)) return built;
  throw new Error("sql-child.js not found: run `npx tsc -p .` first");
}

export function runReadOnlySql(dbPath: string, sql: string, opts: { maxRows?: number; timeoutMs?: number } = {}): Promise<SqlOutcome> {
  const refused = refusal(sql);
  if (refused) return Promise.resolve({ error: refused });
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [childScript()], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill("SIGKILL"); }, timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (c: string) => { out += c; });
    child.stderr.setEncoding("utf8").on("data", (c: string) => { err += c; });
    child.on("error", (e) => { clearTimeout(timer); resolve({ error: `could not run the query: ${e.message}` }); });
    child.on("close", () => {
      clearTimeout(timer);
      if (timedOut) return resolve({ error: `the query ran longer than ${timeoutMs / 1000} s and was stopped` });
      try { resolve(JSON.parse(out) as SqlOutcome); } catch { resolve({ error: `the query failed${err ? `: ${err.split("\n")[0]}` : ""}` }); }
    });
    child.stdin.end(JSON.stringify({ db: dbPath, sql, maxRows: opts.maxRows ?? 1000 }));
  });
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV; a byte-order mark first so spreadsheet programs read the Vietnamese correctly. */
export function toCsv(r: SqlResult): string {
  return "\ufeff" + [r.columns, ...r.rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
