// Bytes of a page to text. Vietnamese sites often declare the wrong charset: bytes that are valid
// UTF-8 with multi-byte sequences are read as UTF-8 whatever the header says; otherwise the header,
// then <meta charset>, then a guess.
import iconv from "iconv-lite";
import jschardet from "jschardet";

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

export function decodeBody(bytes: Buffer, contentType?: string): Decoded {
  const declared = headerCharset(contentType) ?? metaCharset(bytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString("utf8"), charset: "utf-8", declared, overridden: declared !== null && !/^utf-?8$/.test(declared) };
  if (looksUtf8(bytes)) return { text: bytes.toString("utf8"), charset: "utf-8", declared, overridden: declared !== null && !/^utf-?8$/.test(declared) };
  let charset = declared && iconv.encodingExists(declared) && !/^utf-?8$/.test(declared) ? declared : null;
  if (!charset) {
    const guess = jschardet.detect(bytes.subarray(0, 65536).toString("binary"));
    charset = guess.encoding && iconv.encodingExists(guess.encoding) ? guess.encoding.toLowerCase() : "windows-1258";
  }
  return { text: iconv.decode(bytes, charset), charset, declared, overridden: declared !== null && declared !== charset };
}
