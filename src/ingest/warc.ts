// WARC and WARC.gz: HTML response records, read as a stream with warcio's parser (never the whole file).
// A corrupt record is reported as file#offset (or file#record-id) and reading resumes at the next record.
import { createReadStream, openSync, readSync, closeSync } from "node:fs";
import { WARCParser } from "warcio";
import type { Article, InputError } from "../types.js";
import { decodeBytes } from "./decode.js";
import { parseHtml } from "./html.js";

export interface WarcOptions {
  /** Largest record payload read, in bytes (larger ones are reported and skipped). */
  maxBytes: number;
}

export type WarcItem = { article: Article } | { error: InputError };

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
export async function* readWarc(path: string, opts: WarcOptions): AsyncGenerator<WarcItem> {
  let gz: boolean;
  try { gz = isGzipFile(path); } catch (e) { yield { error: { source: path, reason: `cannot read: ${(e as Error).message}` } }; return; }
  let start = 0;
  for (let restarts = 0; restarts < 10000; restarts++) {
    const stream = createReadStream(path, { start });
    const parser = new WARCParser(stream);
    let recordStart = start;
    let parsedAny = false;
    let failedAt: number | null = null;
    try {
      for (;;) {
        let record;
        try { record = await parser.parse(); } catch (e) {
          failedAt = recordStart;
          // the bad record starts after the last good one: restart there so the report names its offset
          if (parsedAny) { const at = nextRecordStart(path, recordStart + 1, gz); if (at !== null) { start = at; failedAt = -1; } break; }
          yield { error: { source: `${path}#offset=${recordStart}`, reason: `corrupt WARC record: ${(e as Error).message}` } };
          break;
        }
        if (!record) break;
        parsedAny = true;
        recordStart = start + parser.offset;
        const id = record.warcHeader("WARC-Record-ID")?.replace(/^<|>$/g, "") ?? `offset=${recordStart}`;
        const where = `${path}#${id}`;
        if (record.warcType !== "response" && record.warcType !== "resource") continue;
        const uri = record.warcTargetURI ?? null;
        const http = record.httpHeaders;
        const status = http ? Number(http.statusCode) : 200;
        const ct = http ? http.headers.get("content-type") : record.warcHeader("Content-Type");
        if (status < 200 || status >= 300 || !isHtmlResponse(ct)) continue;
        const declared = Number(record.warcHeader("Content-Length") ?? 0);
        if (declared > opts.maxBytes) {
          yield { error: { source: where, reason: `record of ${declared} bytes is over the ${opts.maxBytes}-byte cap` } };
          continue;
        }
        let bytes: Uint8Array;
        try { bytes = await record.readFully(true); } catch (e) {
          failedAt = recordStart;
          yield { error: { source: where, reason: `corrupt WARC record: ${(e as Error).message}` } };
          break;
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
    if (failedAt === null) return;
    if (failedAt === -1) continue; // restart at the bad record itself
    const next = nextRecordStart(path, failedAt + 1, gz);
    if (next === null) return;
    start = next;
  }
}
