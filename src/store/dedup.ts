// Identity of a story: sha-256 of the normalised body (exact copies), and MinHash over word shingles
// with LSH bands (near-duplicates: the same story syndicated on two sites, a re-edited version).
import { createHash } from "node:crypto";
import { normalize, fold } from "../extract/normalize.js";

/** The body as compared: NFC, one tone placement, whitespace collapsed. */
export function normalisedBody(body: string): string {
  return normalize(body).norm.replace(/\s+/g, " ").trim();
}

export function bodyHash(body: string): string {
  return createHash("sha256").update(normalisedBody(body), "utf8").digest("hex");
}

export const HASHES = 80;
export const BANDS = 20;
export const ROWS = HASHES / BANDS; // 4 rows a band: pairs with Jaccard ≥ ~0.5 share a bucket with high probability
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

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(i + 1, 0x9e3779b9));

/** MinHash signature of the body's word 3-shingles (diacritics folded, so a re-typed accent does not count). */
export function minhash(body: string): Uint32Array {
  const w = fold(normalize(body).norm).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const n = Math.max(1, w.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const x = fnv1a(w.slice(i, i + SHINGLE).join(" "));
    for (let k = 0; k < HASHES; k++) { const h = mix(x, SEEDS[k]!); if (h < sig[k]!) sig[k] = h; }
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
