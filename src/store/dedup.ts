// Identity of a story: sha-256 of the normalised body (exact copies), and MinHash over word shingles
// with LSH bands (near-duplicates: the same story syndicated on two sites, a re-edited version).
import { createHash } from "node:crypto";
import { fold } from "../extract/normalize.js";

/** sha-256 of the body as compared: `norm` is normalize(body).norm (NFC, one tone placement); whitespace collapsed here. */
export function bodyHash(norm: string): string {
  return createHash("sha256").update(norm.replace(/\s+/g, " ").trim(), "utf8").digest("hex");
}

// 16 bands of 6 rows: a pair with Jaccard 0.8 shares a bucket with probability 0.99, 0.7 → 0.87, 0.6 → 0.53,
// while pieces of one genre (Jaccard ~0.3, shared boilerplate) collide with probability ~0.01, so buckets stay small.
export const HASHES = 96;
export const BANDS = 16;
export const ROWS = HASHES / BANDS;
/** Candidates verified per article at most (those sharing the most bands first): bounds the work per article. */
export const MAX_CANDIDATES = 32;
const SHINGLE = 3;
/** Estimated Jaccard similarity from which two bodies are one story. */
export const NEAR_DUPLICATE = 0.6;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

// murmur3's finaliser: a cheap, well-mixed 32-bit permutation per seed
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}


/** MinHash signature of the body's word 3-shingles (`norm` normalised; diacritics folded, so a re-typed accent does not count). */
export function minhash(norm: string): Uint32Array {
  return minhashFolded(fold(norm));
}

const WORD = /[\p{L}\p{N}]+/gu;

/** minhash() of a body already folded (fold(norm)). */
export function minhashFolded(folded: string): Uint32Array {
  // word boundaries as offsets (no substring per word, no string per shingle)
  const starts: number[] = [], ends: number[] = [];
  WORD.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = WORD.exec(folded)); ) { starts.push(m.index); ends.push(m.index + m[0].length); }
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const words = starts.length;
  const n = Math.max(1, words - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    // fnv1a of the shingle's words joined by single spaces
    let x = 0x811c9dc5;
    const last = Math.min(i + SHINGLE, words);
    for (let w = i; w < last; w++) {
      if (w > i) { x ^= 0x20; x = Math.imul(x, 0x01000193); }
      for (let c = starts[w]!, e = ends[w]!; c < e; c++) { x ^= folded.charCodeAt(c); x = Math.imul(x, 0x01000193); }
    }
    x >>>= 0;
    // the k-th hash is a + k·b (mod 2³²) from two independent hashes (Kirsch–Mitzenmacher), summed step by step
    const b = mix(x, 0x7f4a7c15) | 1;
    for (let k = 0, h = mix(x, 0x9e3779b9); k < HASHES; k++, h = (h + b) >>> 0) if (h < sig[k]!) sig[k] = h;
  }
  return sig;
}

/** The former minhash, kept to check minhashFolded against (tests). */
export function minhashReference(norm: string): Uint32Array {
  const w = fold(norm).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const n = Math.max(1, w.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const x = fnv1a(w.slice(i, i + SHINGLE).join(" "));
    const a = mix(x, 0x9e3779b9), b = mix(x, 0x7f4a7c15) | 1;
    for (let k = 0; k < HASHES; k++) { const h = (a + Math.imul(k, b)) >>> 0; if (h < sig[k]!) sig[k] = h; }
  }
  return sig;
}

/** One bucket hash per band (signed 32-bit, to sit in an INTEGER column). */
export function bands(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) { h ^= sig[b * ROWS + r]!; h = Math.imul(h, 0x01000193); }
    out.push(h | 0);
  }
  return out;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

export function sigToBlob(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function blobToSig(b: Buffer): Uint32Array {
  const copy = new Uint8Array(b); // aligned copy
  return new Uint32Array(copy.buffer, 0, HASHES);
}
