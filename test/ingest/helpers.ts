// Fixture builders for the ingest tests: files in a temporary folder, WARC records, legacy encodings.
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import iconv from "iconv-lite";
import { WARCRecord, WARCSerializer } from "warcio";
import { readArticles, type ReadItem, type ReadOptions } from "../../src/ingest/read.js";
import { TCVN3 } from "../../src/ingest/legacy-vn.data.js";

export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "thidua-ingest-"));
  for (const [name, body] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, body);
  }
  return dir;
}

export async function readAll(paths: string[], opts: ReadOptions = {}): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const it of readArticles(paths, opts)) out.push(it);
  return out;
}

export const articles = (items: ReadItem[]) => items.flatMap((i) => ("article" in i ? [i.article] : []));
export const errors = (items: ReadItem[]) => items.flatMap((i) => ("error" in i ? [i.error] : []));

/** Text as windows-1258 bytes: tone marks as combining characters, as that code page writes them. */
export function toWindows1258(s: string): Buffer {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/u;
  let out = "";
  for (const ch of s.normalize("NFC")) {
    const d = ch.normalize("NFD");
    const tone = [...d].filter((c) => tones.test(c)).join("");
    const base = [...d].filter((c) => !tones.test(c)).join("").normalize("NFC");
    out += base + tone;
  }
  return iconv.encode(out, "windows-1258");
}

/** Text as a TCVN3 (.VnTime) page would carry it: Latin-1 bytes of the font's code points. */
export function toTcvn3(s: string): Buffer {
  const rev = new Map(Object.entries(TCVN3).map(([k, v]) => [v, k]));
  let out = "";
  for (const ch of s.normalize("NFC")) out += rev.get(ch) ?? ch;
  return Buffer.from(out, "latin1");
}

export async function warcRecord(url: string, html: string | Uint8Array, opts: { gzip?: boolean; contentType?: string; id?: string } = {}): Promise<Uint8Array> {
  const body = typeof html === "string" ? new TextEncoder().encode(html) : html;
  async function* content() { yield body; }
  const warcHeaders: Record<string, string> = {};
  if (opts.id) warcHeaders["WARC-Record-ID"] = `<urn:uuid:${opts.id}>`;
  const record = WARCRecord.create({
    url, type: "response", warcVersion: "WARC/1.1", warcHeaders,
    httpHeaders: { "Content-Type": opts.contentType ?? "text/html; charset=utf-8" }, statusline: "HTTP/1.1 200 OK",
  }, content());
  return WARCSerializer.serialize(record, { gzip: opts.gzip ?? false });
}
