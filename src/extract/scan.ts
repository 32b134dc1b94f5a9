// Matching patterns that open with "not after a letter" without asking the regex engine to check it.
// A pattern written "(?<![\p{L}])giao uoc…" is slow in V8: the Unicode-property lookbehind comes first, so it runs at
// every position of the text before the pattern's first character is even looked at (measured on 5 KB articles: the
// documents pattern takes 60 µs with it and 9 µs without). The rule files keep the lookbehind, which says what the
// rule means; scan() runs the pattern without it and tests the character before each match itself. A match that fails
// the test resumes one position later, as the engine would have, so the matches are exactly those of the pattern.

interface Split {
  /** The pattern without its leading lookbehind, global. */
  rest: RegExp;
  /** The lookbehind's class, tested on the character before a match; null when the pattern had none to take off. */
  before: RegExp | null;
}

const splits = new WeakMap<RegExp, Split>();

/** The end of a character class that opens at `i` ("["), or -1. */
function classEnd(src: string, i: number): number {
  for (let k = i + 1; k < src.length; k++) {
    if (src[k] === "\\") k++;
    else if (src[k] === "]") return k;
  }
  return -1;
}

/** Does `src` hold a "|" outside any group or class (then a leading lookbehind covers only the first alternative)? */
function topLevelBar(src: string): boolean {
  let depth = 0;
  for (let k = 0; k < src.length; k++) {
    const c = src[k];
    if (c === "\\") k++;
    else if (c === "[") { const e = classEnd(src, k); if (e < 0) return true; k = e; }
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}

function split(re: RegExp): Split {
  let s = splits.get(re);
  if (s) return s;
  const flags = re.flags.includes("g") ? re.flags.replace("y", "") : re.flags.replace("y", "") + "g";
  s = { rest: new RegExp(re.source, flags), before: null };
  if (re.source.startsWith("(?<![")) {
    const end = classEnd(re.source, 4);
    const rest = end > 0 && re.source[end + 1] === ")" ? re.source.slice(end + 2) : null;
    if (rest && !topLevelBar(rest)) s = { rest: new RegExp(rest, flags), before: new RegExp(re.source.slice(4, end + 1), re.flags.replace(/[gy]/g, "")) };
  }
  splits.set(re, s);
  return s;
}

/** The character (a whole code point) just before index i of text, or "". */
function charBefore(text: string, i: number): string {
  if (i <= 0) return "";
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1]!;
}

/** Every match of `re` in `text` from index `from` on, as a global exec loop (or matchAll) would find them. */
export function* scan(re: RegExp, text: string, from = 0): Generator<RegExpExecArray> {
  const { rest, before } = split(re);
  rest.lastIndex = from;
  for (let m: RegExpExecArray | null; (m = rest.exec(text)); ) {
    const next = rest.lastIndex;
    if (before && before.test(charBefore(text, m.index))) { rest.lastIndex = m.index + 1; continue; }
    yield m;
    // the caller may have scanned with the same pattern meanwhile: go on from where this match left off
    rest.lastIndex = m[0].length ? next : next + 1;
  }
}

/** The first match of `re` in `text` at or after `from`, or null. */
export function firstMatch(re: RegExp, text: string, from = 0): RegExpExecArray | null {
  for (const m of scan(re, text, from)) return m;
  return null;
}
