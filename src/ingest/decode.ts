// Bytes -> text. The charset comes from a byte-order mark, the HTTP header, or the page's <meta>;
// failing those, valid UTF-8 is UTF-8, and anything else is read in the candidate encodings
// (the detector's guess, windows-1258, Latin-1 for the legacy font encodings) keeping the reading
// that looks most like Vietnamese. windows-1258 writes tones as combining marks: NFC after decoding.
import iconv from "iconv-lite";
import jschardet from "jschardet";
import { fixLegacyLines, legacyFromFonts, vietnameseScore, type LegacyEncoding } from "./legacy-vn.js";

export interface Decoded {
  text: string;
  /** The charset the bytes were read with (lower case, iconv-lite names). */
  charset: string;
  /** Where the charset came from. */
  via: "bom" | "header" | "meta" | "utf-8" | "detected";
  /** Set when lines typed in a legacy Vietnamese font encoding were converted. */
  legacy?: LegacyEncoding;
}

export class DecodeError extends Error {}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The charset named in a Content-Type value ("text/html; charset=windows-1258"). */
export function charsetFromContentType(ct: string | undefined | null): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct ?? "");
  return m ? m[1]!.toLowerCase() : null;
}

/** The charset a page declares in its first bytes (<meta charset>, http-equiv Content-Type, <?xml encoding?>). */
export function charsetFromMeta(head: string): string | null {
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function bomOf(buf: Uint8Array): { charset: string; skip: number } | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { charset: "utf-8", skip: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { charset: "utf-16le", skip: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { charset: "utf-16be", skip: 2 };
  return null;
}

/** A binary file (image, PDF, archive): NUL bytes or many control bytes at the start. */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) ctrl++;
  }
  return n > 0 && ctrl / n > 0.05;
}

function normalizeName(cs: string): string {
  const c = cs.toLowerCase().replace(/^x-/, "");
  if (c === "utf8") return "utf-8";
  if (c === "iso-8859-1" || c === "latin1" || c === "us-ascii" || c === "ascii") return "windows-1252"; // as browsers do
  return c;
}

function decodeWith(buf: Uint8Array, charset: string): string {
  const cs = normalizeName(charset);
  if (cs === "utf-8") return new TextDecoder("utf-8").decode(buf);
  if (!iconv.encodingExists(cs)) throw new DecodeError(`unknown charset "${charset}"`);
  const text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), cs);
  // windows-1258 (and the VN charsets) put tones in combining marks; the rest of the pipeline expects precomposed letters
  return /1258|tcvn|viscii/.test(cs) ? text.normalize("NFC") : text;
}

/** Read undeclared, non-UTF-8 bytes in each candidate encoding and keep the most Vietnamese-looking reading. */
function detect(buf: Uint8Array): { text: string; charset: string; legacy?: LegacyEncoding } {
  const sample = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 65536));
  const guess = jschardet.detect(sample);
  const candidates = new Set<string>(["windows-1258", "windows-1252"]);
  if (guess.encoding && guess.confidence > 0.2 && iconv.encodingExists(normalizeName(guess.encoding))) candidates.add(normalizeName(guess.encoding));
  let best: { text: string; charset: string; legacy?: LegacyEncoding; score: number } | null = null;
  for (const cs of candidates) {
    let text = decodeWith(buf, cs);
    let legacy: LegacyEncoding | undefined;
    if (cs === "windows-1252") {
      const fixed = fixLegacyLines(text, null);
      if (fixed.encoding) { text = fixed.text; legacy = fixed.encoding; }
    }
    const { score, words } = vietnameseScore(text);
    const s = words ? score : 0;
    if (!best || s > best.score) best = { text, charset: cs, legacy, score: s };
  }
  if (!best || best.score < 0.5) {
    throw new DecodeError(`not valid UTF-8, and no encoding reads it as Vietnamese text (detector guessed ${guess.encoding ?? "nothing"})`);
  }
  const out: { text: string; charset: string; legacy?: LegacyEncoding } = { text: best.text, charset: best.charset };
  if (best.legacy) out.legacy = best.legacy;
  return out;
}

export interface DecodeOptions {
  /** Content-Type header value, when the bytes came over HTTP. */
  contentType?: string | null;
  /** Look for a <meta charset> in the first bytes. */
  html?: boolean;
}

/** Bytes -> text; throws DecodeError for binary data and undecodable bytes. */
export function decodeBytes(buf: Uint8Array, opts: DecodeOptions = {}): Decoded {
  const bom = bomOf(buf);
  if (!bom && looksBinary(buf)) throw new DecodeError("binary data, not text");
  let result: Decoded;
  if (bom) {
    result = { text: decodeWith(buf.subarray(bom.skip), bom.charset), charset: bom.charset, via: "bom" };
  } else {
    const declared = charsetFromContentType(opts.contentType);
    const meta = !declared && opts.html ? charsetFromMeta(Buffer.from(buf.subarray(0, 4096)).toString("latin1")) : null;
    const named = declared ?? meta;
    let strictUtf8: string | null = null;
    try { strictUtf8 = UTF8.decode(buf); } catch { /* not UTF-8 */ }
    // a page that lies about its charset: bytes that are valid UTF-8 with multi-byte characters are UTF-8,
    // whatever single-byte charset was declared (real windows-125x Vietnamese is never valid UTF-8)
    const liesAboutCharset = named !== null && strictUtf8 !== null && /[^\x00-\x7f]/.test(strictUtf8);
    if (named && !liesAboutCharset && normalizeName(named) !== "utf-8" && iconv.encodingExists(normalizeName(named))) {
      result = { text: decodeWith(buf, named), charset: normalizeName(named), via: declared ? "header" : "meta" };
    } else if (strictUtf8 !== null) {
      result = { text: strictUtf8, charset: "utf-8", via: named ? (declared ? "header" : "meta") : "utf-8" };
    } else {
      // declared UTF-8 (or nothing usable) but the bytes are not: find out what they are
      const d = detect(buf);
      result = { text: d.text, charset: d.charset, via: "detected" };
      if (d.legacy) result.legacy = d.legacy;
    }
  }
  // pages typed in a legacy font encoding, whatever charset carried them
  if (!result.legacy) {
    const fonts = opts.html ? legacyFromFonts(result.text) : null;
    if (fonts || !/[\u0100-\uffff]/u.test(result.text)) {
      const fixed = fixLegacyLines(result.text, fonts);
      if (fixed.encoding) { result.text = fixed.text; result.legacy = fixed.encoding; }
    }
  }
  return result;
}
