// Turns paths (files, folders, "-") into a stream of cleaned articles or input errors.
// (Thin first version: .txt files only, whole file as text. Being replaced by the full reader.)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Article, InputError } from "../types.js";
import { parseTextDump } from "./textdump.js";

export type ReadItem = { article: Article } | { error: InputError };

export interface ReadOptions {
  /** Only items whose index i satisfies i % n === shard (for --shard i/n). */
  shard?: { index: number; count: number };
}

function* walk(path: string): Generator<string> {
  const st = statSync(path);
  if (st.isDirectory()) for (const name of readdirSync(path).sort()) yield* walk(join(path, name));
  else yield path;
}

export async function* readArticles(paths: string[], _opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  for (const p of paths) {
    let files: string[];
    try { files = [...walk(p)]; } catch (e) { yield { error: { source: p, reason: (e as Error).message } }; continue; }
    for (const f of files) {
      if (!f.endsWith(".txt")) continue;
      yield { article: parseTextDump(readFileSync(f, "utf8"), f) };
    }
  }
}
