// Lexicons live in data files (lexicons/*.txt at the repository root), one entry per line.
// Lines: "entry" or "entry\tvalue" (e.g. an abbreviation and its expansion); "#" starts a comment.
// Multi-syllable entries are matched longest-first at syllable boundaries with a trie (natural.Trie).
import { readFileSync } from "node:fs";
import { Trie, trieRoot, type NaturalTrie } from "../lib/natural.js";
import { lowerUnit, normalize } from "./normalize.js";

const LEXICON_DIR = new URL("../../lexicons/", import.meta.url);
const cache = new Map<string, Array<[string, string]>>();

/** Entries of lexicons/<name>.txt, normalised (NFC, tone placement), with their value column (or ""). */
export function loadLexicon(name: string): Array<[string, string]> {
  let rows = cache.get(name);
  if (rows) return rows;
  const raw = readFileSync(new URL(`${name}.txt`, LEXICON_DIR), "utf8");
  rows = [];
  for (const line of raw.split("\n")) {
    const body = line.replace(/(^|\s)#.*$/, "").trimEnd();
    if (!body.trim()) continue;
    const [entry, value = ""] = body.split("\t");
    rows.push([normalize(entry!.trim()).norm, value.trim()]);
  }
  cache.set(name, rows);
  return rows;
}

/** Just the entries of a lexicon. */
export function lexiconEntries(name: string): string[] {
  return loadLexicon(name).map(([e]) => e);
}

export interface Lexicon {
  /** Longest entry that starts at `pos` of `text` and ends at a syllable boundary, or null. */
  longestAt(text: string, pos: number): { entry: string; value: string; end: number } | null;
  has(entry: string): boolean;
  value(entry: string): string | undefined;
}

const BOUNDARY = /[^\p{L}\p{N}]/u;

/** A case-insensitive syllable-boundary matcher over one or more lexicon files. */
export function makeLexicon(...names: string[]): Lexicon {
  const trie: NaturalTrie = new Trie(false);
  const values = new Map<string, string>();
  for (const n of names) for (const [e, v] of loadLexicon(n)) {
    const k = e.toLowerCase();
    trie.addString(k);
    if (!values.has(k)) values.set(k, v);
  }
  const root = trieRoot(trie);
  return {
    longestAt(text, pos) {
      if (pos > 0 && !BOUNDARY.test(text[pos - 1]!)) return null;
      // walk the trie along the text, lower-casing as we go; the last word end at a syllable boundary wins
      let node = root;
      let best = -1;
      for (let k = pos; k < text.length; ) {
        const next = node.dictionary[lowerUnit(text.charCodeAt(k))];
        if (!next) break;
        node = next;
        k++;
        if (node.$ && (k === text.length || BOUNDARY.test(text[k]!))) best = k;
      }
      if (best === -1) return null;
      const entry = text.slice(pos, best);
      return { entry, value: values.get(entry.toLowerCase()) ?? "", end: best };
    },
    has: (e) => values.has(normalize(e).norm.toLowerCase()),
    value: (e) => values.get(normalize(e).norm.toLowerCase()),
  };
}
