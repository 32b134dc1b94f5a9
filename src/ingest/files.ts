// Paths -> input files: folders walked recursively in sorted order (so every run sees the same sequence),
// files of known kinds kept, "-" passed through as standard input.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export type InputKind = "txt" | "html" | "jsonl" | "warc" | "sniff";

export interface InputFile {
  path: string;
  kind: InputKind;
  /** gzip-compressed (a ".gz" file other than ".warc.gz", which the WARC reader inflates itself). */
  gzip: boolean;
}

const KINDS: Array<[RegExp, InputKind, boolean]> = [
  [/\.warc(?:\.gz)?$/i, "warc", false],
  [/\.(?:jsonl|ndjson)$/i, "jsonl", false],
  [/\.(?:jsonl|ndjson)\.gz$/i, "jsonl", true],
  [/\.(?:html?|xhtml|shtml|aspx?|php)$/i, "html", false],
  [/\.(?:html?|xhtml)\.gz$/i, "html", true],
  [/\.txt$/i, "txt", false],
  [/\.txt\.gz$/i, "txt", true],
];

/** The kind of input a file name announces, or null for files a folder walk skips. */
export function kindOf(path: string): { kind: InputKind; gzip: boolean } | null {
  for (const [re, kind, gzip] of KINDS) if (re.test(path)) return { kind, gzip };
  return null;
}

export type WalkItem = { file: InputFile } | { error: { source: string; reason: string } };

function* walkDir(dir: string): Generator<WalkItem> {
  let names: string[];
  try { names = readdirSync(dir); } catch (e) { yield { error: { source: dir, reason: `cannot list folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` } }; return; }
  for (const name of names.sort()) {
    if (name.startsWith(".")) continue; // hidden files and folders (.git, .DS_Store)
    const p = join(dir, name);
    let st;
    try { st = statSync(p); } catch (e) { yield { error: { source: p, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` } }; continue; }
    if (st.isDirectory()) yield* walkDir(p);
    else if (st.isFile()) { const k = kindOf(p); if (k) yield { file: { path: p, ...k } }; }
  }
}

/** Files named on the command line are read whatever their name (unknown kinds are sniffed); folders keep known kinds. */
export function* walkPaths(paths: string[]): Generator<WalkItem> {
  for (const p of paths) {
    if (p === "-") { yield { file: { path: "-", kind: "sniff", gzip: false } }; continue; }
    let st;
    try { st = statSync(p); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      yield { error: { source: p, reason: code === "ENOENT" ? "no such file or folder" : `cannot read: ${code ?? (e as Error).message}` } };
      continue;
    }
    if (st.isDirectory()) yield* walkDir(p);
    else { const k = kindOf(p) ?? { kind: "sniff" as const, gzip: /\.gz$/i.test(p) }; yield { file: { path: p, ...k } }; }
  }
}

/** What a text is, from its first characters: an HTML page, JSON lines, or a plain text dump. */
export function sniffKind(text: string): "html" | "jsonl" | "txt" {
  const head = text.slice(0, 2048).replace(/^\ufeff/u, "").trimStart();
  if (/^(?:<!doctype html|<html|<head|<body|<meta|<title|<article|<div|<p[\s>]|<!--)/i.test(head)) return "html";
  if (head.startsWith("{") && /^\{[^\n]*\}\s*$/mu.test(head.split("\n")[0] ?? "")) return "jsonl";
  return "txt";
}
