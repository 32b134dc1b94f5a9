// Archive of every exchange as WARC/1.1 (request + response records, one gzip member each),
// written with warcio so that `thidua ingest FILE.warc.gz` and archive tools can replay it.
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { WARCRecord, WARCSerializer } from "warcio";
import type { Exchange } from "./fetch.js";

export interface WarcWriter {
  readonly path: string;
  write(ex: Exchange): void;
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = { 200: "OK", 201: "Created", 203: "Non-Authoritative Information", 204: "No Content", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect", 404: "Not Found", 410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" };

// The body is stored decoded, so headers that described the transfer no longer apply.
const DROP = /^(content-encoding|transfer-encoding|content-length)$/i;

export function openWarc(dir: string, runId: number, software: string): WarcWriter {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const path = join(dir, `thidua-crawl-${runId}-${stamp}-${process.pid}.warc.gz`);
  const out: WriteStream = createWriteStream(path);
  let chain: Promise<void> = Promise.resolve();
  let failed: Error | null = null;
  const append = (records: WARCRecord[]) => {
    chain = chain.then(async () => {
      for (const r of records) {
        const bytes = await WARCSerializer.serialize(r, { gzip: true });
        if (!out.write(bytes)) await new Promise<void>((res) => out.once("drain", () => res()));
      }
    }).catch((e: Error) => { failed ??= e; });
  };
  append([WARCRecord.createWARCInfo({ filename: path.split("/").pop()!, warcVersion: "WARC/1.1" }, { software, format: "WARC File Format 1.1", "isPartOf": `thidua crawl run ${runId}` })]);
  return {
    path,
    write(ex) {
      const date = ex.date.toISOString();
      const u = new URL(ex.url);
      const response = WARCRecord.create({
        url: ex.url, date, type: "response", warcVersion: "WARC/1.1",
        statusline: `HTTP/1.1 ${ex.status} ${ex.statusText || STATUS_TEXT[ex.status] || ""}`.trimEnd(),
        httpHeaders: [...ex.headers.filter(([k]) => !DROP.test(k)), ["Content-Length", String(ex.body.length)]],
      }, [new Uint8Array(ex.body.buffer, ex.body.byteOffset, ex.body.length)]);
      const request = WARCRecord.create({
        url: ex.url, date, type: "request", warcVersion: "WARC/1.1",
        statusline: `GET ${u.pathname}${u.search} HTTP/1.1`,
        httpHeaders: { host: u.host, ...ex.requestHeaders },
        warcHeaders: { "WARC-Concurrent-To": response.warcHeaders.headers.get("WARC-Record-ID") ?? "" },
      }, []);
      append([response, request]);
    },
    async close() {
      await chain;
      await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
      if (failed) throw failed;
    },
  };
}
