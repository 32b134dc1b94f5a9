// Bytes of a response to text. Vietnamese sites often declare the wrong charset: bytes that are valid
// UTF-8 with multi-byte sequences are read as UTF-8 whatever the header says; anything else goes
// through ingest's decoder (header, <meta>, detection, windows-1258 and legacy font encodings).
import { decodeBytes } from "../decode.js";

export interface Decoded { text: string; charset: string; declared: string | null; overridden: boolean }

function headerCharset(contentType: string | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "");
  return m ? m[1]!.toLowerCase() : null;
}

function metaCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString("latin1");
  const m = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/** Is every byte sequence valid UTF-8, and is there at least one multi-byte sequence? */
export function looksUtf8(bytes: Buffer): boolean {
  let multi = false;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    const n = b >= 0xf0 && b < 0xf5 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
    if (n < 0 || (b >= 0xf5)) return false;
    for (let k = 1; k <= n; k++) { const c = bytes[i + k]; if (c === undefined || (c & 0xc0) !== 0x80) return false; }
    multi = true;
    i += n + 1;
  }
  return multi;
}

/** Decodes a response body; throws DecodeError (from ingest) for binary data. */
export function decodeBody(bytes: Buffer, contentType?: string): Decoded {
  const declared = headerCharset(contentType) ?? metaCharset(bytes);
  // UTF-8 bytes are UTF-8 whatever was declared; otherwise ingest's decoder (header, meta, detection, legacy fonts)
  const utf8 = looksUtf8(bytes);
  const d = decodeBytes(bytes, utf8 ? {} : { contentType: contentType ?? null, html: true });
  return { text: d.text, charset: d.charset, declared, overridden: declared !== null && normalize(declared) !== d.charset };
}

const normalize = (cs: string) => (/^utf-?8$/i.test(cs) ? "utf-8" : cs.toLowerCase());
