// natural's main entry loads dotenv, which prints to stdout and would corrupt JSON output;
// import the pieces we use from their own modules instead.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export interface NaturalTrie {
  addString(s: string): boolean;
  addStrings(list: string[]): void;
  contains(s: string): boolean;
  findMatchesOnPath(search: string): string[];
  keysWithPrefix(prefix: string): string[];
  getSize(): number;
}

const trieMod = require("natural/lib/natural/trie") as { Trie?: new (caseSensitive?: boolean) => NaturalTrie } & (new (caseSensitive?: boolean) => NaturalTrie);
export const Trie: new (caseSensitive?: boolean) => NaturalTrie = trieMod.Trie ?? trieMod;

/**
 * A node of natural's Trie as it is built (one child per character in `dictionary`, `$` where a word ends).
 * Walking the nodes directly finds the longest match without the substrings findMatchesOnPath makes per character.
 */
export interface TrieNode {
  dictionary: Record<string, TrieNode | undefined>;
  $: boolean;
}
export const trieRoot = (t: NaturalTrie): TrieNode => t as unknown as TrieNode;

const distance = require("natural/lib/natural/distance") as {
  JaroWinklerDistance(a: string, b: string, options?: { ignoreCase?: boolean }): number;
  LevenshteinDistance(a: string, b: string, options?: { insertion_cost?: number; deletion_cost?: number; substitution_cost?: number }): number;
  DamerauLevenshteinDistance(a: string, b: string, options?: Record<string, unknown>): number;
  DiceCoefficient(a: string, b: string): number;
};
export const { JaroWinklerDistance, LevenshteinDistance, DamerauLevenshteinDistance, DiceCoefficient } = distance;
