// Turns paths (files, folders, "-") into a stream of cleaned articles or input errors.
// Text dumps, HTML pages, JSON lines, WARC/WARC.gz, and standard input (sniffed). A bad input is an
// error naming it (file, file:line, file#record) with the reason, and the batch goes on.
import { createReadStream, readFileSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createInterface } from "node:readline";
import type { Article, InputError } from "../types.js";
import { parseTextDump } from "./textdump.js";
import { parseHtml } from "./html.js";
import { parseJsonlLine } from "./jsonl.js";
import { readWarc } from "./warc.js";
import { walkPaths, sniffKind, type InputFile } from "./files.js";
import { decodeBytes, DecodeError } from "./decode.js";
import { isDamaged, repairDoubleEncoding } from "./mojibake.js";

export type ReadItem = { article: Article } | { error: InputError };

export interface ReadOptions {
  /** Only the items whose source hashes to this shard (for --shard i/n): shards are disjoint and together complete. */
  shard?: { index: number; count: number };
  /** Largest page or file read whole, in bytes (default 50 MB). JSONL lines and WARC records are held to it too. */
  maxBytes?: number;
  /** Largest size a .gz file may inflate to (default: maxBytes). */
  maxInflatedBytes?: number;
  /** Standard input, for "-" (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** FNV-1a: a stable hash of a source name, the same on every machine and run. */
export function sourceHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

export function inShard(source: string, shard: ReadOptions["shard"]): boolean {
  return !shard || sourceHash(source) % shard.count === shard.index;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;

/** Text of a text or HTML input, with the charset it was read in; throws DecodeError for unusable bytes. */
function textOf(bytes: Uint8Array, html: boolean): { text: string; charset: string; legacy?: string; repaired: number } {
  if (!bytes.length) throw new DecodeError("empty file");
  const dec = decodeBytes(bytes, { html });
  if (!dec.text.trim()) throw new DecodeError("empty file (only white space)");
  const fixed = repairDoubleEncoding(dec.text);
  const out: { text: string; charset: string; legacy?: string; repaired: number } = { text: fixed.text, charset: dec.charset, repaired: fixed.lines };
  if (dec.legacy) out.legacy = dec.legacy;
  return out;
}

/** One article from a whole text or HTML input. */
function articleOf(bytes: Uint8Array, source: string, kind: "txt" | "html"): ReadItem {
  let t;
  try { t = textOf(bytes, kind === "html"); } catch (e) {
    if (e instanceof DecodeError) return { error: { source, reason: e.message } };
    throw e;
  }
  let article: Article;
  if (kind === "html") {
    article = parseHtml(t.text, source);
    if (article.flags?.includes("truncated") && article.flags.includes("no-body")) {
      return { error: { source, reason: "truncated HTML: the page ends before any article text" } };
    }
  } else {
    article = parseTextDump(t.text, source);
    if (isDamaged(article.text.slice(article.bodyStart))) article.flags = [...(article.flags ?? []), "mojibake"];
  }
  if (!article.text.trim()) return { error: { source, reason: "no article text found" } };
  article.extra = { ...article.extra, charset: t.charset };
  if (t.legacy) article.extra.legacyEncoding = t.legacy;
  if (t.repaired) article.extra.repairedLines = t.repaired;
  return { article };
}

function readWhole(f: InputFile, maxBytes: number, maxInflated: number): Uint8Array {
  const size = statSync(f.path).size;
  if (size > maxBytes) throw new DecodeError(`file is ${mb(size)}, over the ${mb(maxBytes)} cap (raise it with maxBytes)`);
  const raw = readFileSync(f.path);
  if (!f.gzip && !(f.kind === "sniff" && raw[0] === 0x1f && raw[1] === 0x8b)) return raw;
  try {
    return gunzipSync(raw, { maxOutputLength: maxInflated });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || /maxOutputLength|larger than/i.test((e as Error).message)) {
      throw new DecodeError(`gzip inflates past the ${mb(maxInflated)} limit`);
    }
    throw new DecodeError(`bad gzip data: ${(e as Error).message}`);
  }
}

async function* readJsonlLines(lines: AsyncIterable<string>, file: string, opts: ReadOptions, maxBytes: number): AsyncGenerator<ReadItem> {
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const source = `${file}:${n}`;
    if (!inShard(source, opts.shard)) continue;
    if (line.length > maxBytes) { yield { error: { source, reason: `line of ${mb(line.length)} is over the ${mb(maxBytes)} cap` } }; continue; }
    const r = parseJsonlLine(line, source);
    yield "reason" in r ? { error: { source, reason: r.reason } } : { article: r.article };
  }
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream as AsyncIterable<Buffer | string>) {
    const b = typeof c === "string" ? Buffer.from(c) : c;
    size += b.length;
    if (size > maxBytes) throw new DecodeError(`standard input is over the ${mb(maxBytes)} cap`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

async function* readFile(f: InputFile, opts: ReadOptions, maxBytes: number, maxInflated: number): AsyncGenerator<ReadItem> {
  const source = f.path;
  if (f.kind === "warc") { yield* readWarc(f.path, { maxBytes }); return; }
  if (f.kind === "jsonl" && !f.gzip) {
    const rl = createInterface({ input: createReadStream(f.path, { encoding: "utf8" }), crlfDelay: Infinity });
    try { yield* readJsonlLines(rl, f.path, opts, maxBytes); }
    catch (e) { yield { error: { source, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` } }; }
    finally { rl.close(); }
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = f.path === "-" ? await readStream(opts.stdin ?? process.stdin, maxBytes) : readWhole(f, maxBytes, maxInflated);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    yield { error: { source, reason: e instanceof DecodeError ? e.message : `cannot read: ${code ?? (e as Error).message}` } };
    return;
  }
  let kind = f.kind;
  if (kind === "sniff" || kind === "jsonl") {
    let text: string;
    try { text = textOf(bytes, true).text; } catch (e) {
      if (e instanceof DecodeError) { yield { error: { source, reason: e.message } }; return; }
      throw e;
    }
    if (kind === "sniff") kind = sniffKind(text);
    if (kind === "jsonl") {
      async function* lines() { for (const l of text.split(/\r?\n/)) yield l; }
      yield* readJsonlLines(lines(), source === "-" ? "stdin" : source, opts, maxBytes);
      return;
    }
  }
  yield articleOf(bytes, source === "-" ? "stdin" : source, kind === "html" ? "html" : "txt");
}

export async function* readArticles(paths: string[], opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxInflated = opts.maxInflatedBytes ?? maxBytes;
  for (const w of walkPaths(paths)) {
    if ("error" in w) { if (inShard(w.error.source, opts.shard)) yield w; continue; }
    const f = w.file;
    // whole files are sharded by path; JSONL lines and WARC records by their own source names
    const perItem = f.kind === "jsonl" || f.kind === "warc" || f.kind === "sniff";
    if (!perItem && !inShard(f.path, opts.shard)) continue;
    for await (const item of readFile(f, opts, maxBytes, maxInflated)) {
      if (perItem) {
        const src = "error" in item ? item.error.source : item.article.source;
        if (!inShard(src, opts.shard)) continue;
      }
      yield noArticle(item);
    }
  }
}

/** A listing page or a page without a story is no article, and says so (whatever format brought it). */
function noArticle(item: ReadItem): ReadItem {
  if ("error" in item) return item;
  const { article } = item;
  const why = typeof article.extra?.bodyReason === "string" ? `: ${article.extra.bodyReason}` : "";
  if (article.flags?.includes("listing")) return { error: { source: article.source, reason: `listing page, no article${why}` } };
  if (article.flags?.includes("no-body")) return { error: { source: article.source, reason: `no article body on the page${why}` } };
  return item;
}
