// Saved queries, kept as data in queries/saved.sql ("-- name:", "-- about:", "-- usage:", then the SQL).
import { readFileSync } from "node:fs";

export interface SavedQuery { name: string; about: string; usage: string; sql: string }

const FILE = new URL("../../queries/saved.sql", import.meta.url);

export function loadSavedQueries(text = readFileSync(FILE, "utf8")): SavedQuery[] {
  const out: SavedQuery[] = [];
  let cur: SavedQuery | null = null;
  for (const line of text.split("\n")) {
    const m = /^--\s*(name|about|usage):\s*(.*)$/.exec(line);
    if (m) {
      if (m[1] === "name") { cur = { name: m[2]!.trim(), about: "", usage: "", sql: "" }; out.push(cur); }
      else if (cur) cur[m[1] as "about" | "usage"] = m[2]!.trim();
      continue;
    }
    if (cur && !/^\s*--/.test(line)) cur.sql += line + "\n";
  }
  for (const q of out) q.sql = q.sql.trim();
  return out;
}

/** Bindings for the named parameters a saved query uses (a missing one is NULL). */
export function bindings(sql: string, given: Record<string, string | undefined>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const m of sql.matchAll(/:(\w+)/g)) out[m[1]!] = given[m[1]!] ?? null;
  return out;
}
