// WARC and WARC.gz: HTML response records, read as a stream with warcio's parser (never the whole file).
// A corrupt record is reported as file#offset (or file#record-id) and reading resumes at the next record.
import { createReadStream, openSync, readSync, closeSync, statSync } from "node:fs";
import { WARCParser } from "warcio";
import type { Article, InputError } from "../types.js";
import { decodeBytes } from "./decode.js";
import { parseHtml } from "./html.js";

export interface WarcOptions {
  /** Largest record payload read, in bytes (larger ones are reported and skipped). */
  maxBytes: number;
}

export type WarcItem = { article: Article } | { error: InputError };

const NEXT_RECORD_INSIDE = /(?:^|\n)WARC\/1\.[01]\r?\n(?:[\w-]+:[^\n]*\n){0,20}?WARC-Type:/;
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);
const WARC_MAGIC = Buffer.from("WARC/1.");

function isGzipFile(path: string): boolean {
  const fd = openSync(path, "r");
  try { const b = Buffer.alloc(2); readSync(fd, b, 0, 2, 0); return b[0] === 0x1f && b[1] === 0x8b; } finally { closeSync(fd); }
}

/** Offset of the next record start after `from`: a gzip member in a .warc.gz, a "WARC/1." line otherwise. */
function nextRecordStart(path: string, from: number, gz: boolean): number | null {
  const magic = gz ? GZIP_MAGIC : WARC_MAGIC;
  const fd = openSync(path, "r");
  try {
    const chunk = Buffer.alloc(1 << 16);
    let pos = from;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, pos);
      if (n <= 0) return null;
      const view = chunk.subarray(0, n);
      let k = view.indexOf(magic);
      // a "WARC/1." must start a line
      while (!gz && k > 0 && view[k - 1] !== 0x0a) k = view.indexOf(magic, k + 1);
      if (k >= 0) return pos + k;
      if (n < magic.length) return null;
      pos += n - magic.length + 1;
    }
  } finally { closeSync(fd); }
}

function isHtmlResponse(contentType: string | null | undefined): boolean {
  return !contentType || /html|xml/i.test(contentType);
}

/** Articles of the HTML responses in a WARC file; errors for corrupt or oversized records. */
/** Articles of the HTML responses in a WARC file; errors for corrupt or oversized records. */
export async function* readWarc(path: string, opts: WarcOptions): AsyncGenerator<WarcItem> {
  let gz: boolean;
  let fileSize: number;
  try { gz = isGzipFile(path); fileSize = statSync(path).size; } catch (e) {
    yield { error: { source: path, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` } };
    return;
  }
  let start = 0;
  while (start < fileSize) {
    const stream = createReadStream(path, { start });
    const parser = new WARCParser(stream);
    // where the readable records end: past it, anything but trailing blank bytes is damage
    let goodEnd = start;
    let badAt: number | null = null;
    let reason = "";
    try {
      for (;;) {
        let record;
        try { record = await parser.parse(); } catch (e) { badAt = start + parser.offset; reason = (e as Error).message; break; }
        // parse() has moved past the previous record: this is where the readable part reaches
        goodEnd = start + parser.offset;
        if (!record) break;
        const recordStart = start + parser.offset;
        const id = record.warcHeader("WARC-Record-ID")?.replace(/^<|>$/g, "") ?? `offset=${recordStart}`;
        const where = `${path}#${id}`;
        const lengthHeader = record.warcHeader("Content-Length");
        const declared = Number(lengthHeader ?? NaN);
        if (!lengthHeader || !Number.isFinite(declared) || declared < 0) { badAt = recordStart; reason = `${id} has no valid Content-Length`; break; }
        if (!gz && start + parser._warcHeadersLength + declared > fileSize) { badAt = recordStart; reason = `record of ${declared} bytes runs past the end of the file`; break; }
        const wanted = (record.warcType === "response" || record.warcType === "resource");
        const uri = record.warcTargetURI ?? null;
        const http = record.httpHeaders;
        const status = http ? Number(http.statusCode) : 200;
        if (record.warcType === "response" && http && !Number.isFinite(status)) { badAt = recordStart; reason = `${id} has no HTTP status line`; break; }
        const ct = http ? http.headers.get("content-type") : record.warcHeader("Content-Type");
        let bytes: Uint8Array | null = null;
        if (wanted && status >= 200 && status < 300 && isHtmlResponse(ct)) {
          if (declared > opts.maxBytes) yield { error: { source: where, reason: `record of ${declared} bytes is over the ${opts.maxBytes}-byte cap` } };
          else {
            try { bytes = await record.readFully(true); } catch (e) { badAt = recordStart; reason = (e as Error).message; break; }
          }
        }
        if (!bytes) continue;
        // a record cut short swallows the start of the next one: its header shows up inside the payload
        if (!gz && NEXT_RECORD_INSIDE.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"))) {
          badAt = recordStart; reason = `${id} is cut short: the next record starts inside it`; break;
        }
        if (!bytes.length) { yield { error: { source: where, reason: "empty response body" } }; continue; }
        try {
          const dec = decodeBytes(bytes, { contentType: ct, html: true });
          const headers: Record<string, string> = {};
          if (http) for (const [k, v] of http.headers) headers[k.toLowerCase()] = v;
          const article = parseHtml(dec.text, where, { url: uri, headers, format: "warc" });
          article.extra = { ...article.extra, warcRecordId: id, warcTargetUri: uri, warcFile: path, charset: dec.charset };
          if (dec.legacy) article.extra.legacyEncoding = dec.legacy;
          yield { article };
        } catch (e) {
          yield { error: { source: where, reason: (e as Error).message } };
        }
      }
    } finally {
      stream.destroy();
    }
    if (badAt === null) {
      // the parser stopped quietly: if real bytes remain after the last good record, the next one is damaged
      if (!hasContentAfter(path, goodEnd, fileSize)) return;
      badAt = goodEnd;
      reason = "unreadable record (bad headers or compressed data)";
    }
    yield { error: { source: `${path}#offset=${badAt}`, reason: `corrupt WARC record: ${reason}` } };
    const next = nextRecordStart(path, badAt + 1, gz);
    if (next === null) return;
    start = next;
  }
}

/** Anything but CR/LF and NUL padding between `from` and the end of the file? */
function hasContentAfter(path: string, from: number, size: number): boolean {
  if (from >= size) return false;
  const fd = openSync(path, "r");
  try {
    const b = Buffer.alloc(Math.min(size - from, 1 << 16));
    const n = readSync(fd, b, 0, b.length, from);
    for (let i = 0; i < n; i++) if (b[i] !== 0x0d && b[i] !== 0x0a && b[i] !== 0) return true;
    return n < size - from;
  } finally { closeSync(fd); }
}
