// Comparison keys for names of units, clusters and posts: NFC, one tone placement, lower case,
// punctuation dropped, abbreviations expanded (lexicons/abbreviations.txt then lexicons/name-variants.txt).
// Keys are for matching only; stored text stays as written.
import { normalize, fold } from "../extract/normalize.js";
import { loadLexicon, makeLexicon, type Lexicon } from "../extract/lexicon.js";

type Rewrites = Map<string, Array<{ from: string[]; to: string[] }>>;
let rewrites: Rewrites | null = null;

function words(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}&]+/u).filter(Boolean);
}

function loadRewrites(): Rewrites {
  if (rewrites) return rewrites;
  const map: Rewrites = new Map();
  const add = (from: string, to: string) => {
    // "TP." and "TP.HCM" are written with dots; as words they are "tp" and "tp hcm", so index both spellings
    const f = words(from.toLowerCase());
    const joined = from.toLowerCase().replace(/[^\p{L}\p{N}&]+/gu, "");
    for (const seq of f.length > 1 && !/\s/.test(from) ? [f, [joined]] : [f]) {
      if (!seq.length || !to) continue;
      const list = map.get(seq[0]!) ?? [];
      if (!list.some((r) => r.from.join(" ") === seq.join(" "))) list.push({ from: seq, to: words(to) });
      map.set(seq[0]!, list);
    }
  };
  for (const [e, v] of loadLexicon("name-variants")) add(e, v);
  for (const [e, v] of loadLexicon("abbreviations")) add(e, v);
  for (const list of map.values()) list.sort((a, b) => b.from.length - a.from.length);
  rewrites = map;
  return map;
}

/** Words of a name with abbreviations expanded and variant phrases unified; repeated until stable. */
export function nameWords(s: string): string[] {
  const map = loadRewrites();
  let w = words(normalize(s).norm);
  for (let pass = 0; pass < 3; pass++) {
    const out: string[] = [];
    let changed = false;
    for (let i = 0; i < w.length; ) {
      const hit = map.get(w[i]!)?.find((r) => r.from.every((x, k) => w[i + k] === x));
      if (hit && hit.from.join(" ") !== hit.to.join(" ")) { out.push(...hit.to); i += hit.from.length; changed = true; }
      else { out.push(w[i]!); i++; }
    }
    w = out;
    if (!changed) break;
  }
  return w;
}

// the same unit and post names come back in article after article: their keys are remembered, up to a bound
const KEY_MEMO_MAX = 50_000;
const keyMemo = new Map<string, string>();

/** Key with tone marks kept ("hoàn kiếm" ≠ "hoàn kiến"). */
export function nameKey(s: string): string {
  let k = keyMemo.get(s);
  if (k === undefined) {
    if (keyMemo.size >= KEY_MEMO_MAX) keyMemo.clear();
    keyMemo.set(s, (k = nameWords(s).join(" ")));
  }
  return k;
}

/** Key with diacritics folded ("hoan kiem"). */
export function foldedKey(s: string): string {
  return fold(nameKey(s));
}

/** The name with abbreviations spelled out, other words as written: the display form of a canonical entity. */
export function expandForDisplay(s: string): string {
  const abbr = new Map<string, string>();
  for (const [e, v] of loadLexicon("abbreviations")) if (/^[\p{Lu}\p{N}.&-]+$/u.test(e)) abbr.set(e, v);
  abbr.set("UB", "Ủy ban");
  abbr.set("TP", "Thành phố");
  abbr.set("TP.", "Thành phố");
  const n = normalize(s).norm.replace(/\s+/g, " ").trim();
  return n.replace(/(?<![\p{L}\p{N}])([\p{Lu}Đ][\p{Lu}Đ&.-]*)(?![\p{L}\p{N}])/gu, (m) => {
    const v = abbr.get(m) ?? abbr.get(m.replace(/\.$/, ""));
    if (!v) return m;
    return m.endsWith(".") && !abbr.has(m) ? v + " " : v;
  }).replace(/\s+/g, " ").trim();
}

/** Sørensen–Dice coefficient on the words of two keys (the evaluator's measure). */
export function wordDice(a: string, b: string): number {
  const A = a.split(" ").filter(Boolean);
  const B = b.split(" ").filter(Boolean);
  if (!A.length || !B.length) return 0;
  const counts = new Map<string, number>();
  for (const x of A) counts.set(x, (counts.get(x) ?? 0) + 1);
  let both = 0;
  for (const y of B) { const c = counts.get(y) ?? 0; if (c > 0) { both++; counts.set(y, c - 1); } }
  return (2 * both) / (A.length + B.length);
}

let provinces: Lexicon | null = null;
const provinceNames = new Map<string, string>();

function provinceLexicon(): Lexicon {
  if (!provinces) {
    provinces = makeLexicon("provinces");
    for (const [e] of loadLexicon("provinces")) provinceNames.set(fold(e.replace(/\s*-\s*/g, " ")), e.replace(/\s*-\s*/g, " "));
  }
  return provinces;
}

const canonicalMemo = new Map<string, string>(); // every province match of every article comes through here

/** The province or centrally governed city as a canonical name ("Thừa Thiên - Huế" → "Thừa Thiên Huế"). */
export function canonicalProvince(s: string): string {
  let c = canonicalMemo.get(s);
  if (c === undefined) {
    provinceLexicon();
    const k = fold(normalize(s).norm.replace(/\s*-\s*/g, " ").trim());
    c = provinceNames.get(k) ?? normalize(s).norm.trim();
    if (canonicalMemo.size >= KEY_MEMO_MAX) canonicalMemo.clear();
    canonicalMemo.set(s, c);
  }
  return c;
}

/** Provinces named in a text, in order, with positions (only capitalised words are tried). */
export function provincesIn(text: string): Array<{ name: string; at: number }> {
  return provincesInNorm(normalize(text).norm);
}

/** provincesIn for text already normalised. */
export function provincesInNorm(norm: string): Array<{ name: string; at: number }> {
  const lex = provinceLexicon();
  const out: Array<{ name: string; at: number }> = [];
  const re = /(?<![\p{L}\p{N}])\p{Lu}/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm))) {
    const hit = lex.longestAt(norm, m.index);
    if (hit) { out.push({ name: canonicalProvince(hit.entry), at: m.index }); re.lastIndex = hit.end; }
  }
  return out;
}

/** The article's locality: the province named most (the title counts three times); null when none. Texts normalised. */
export function articleLocality(title: string | null, text: string): { name: string; mentions: number } | null {
  const counts = new Map<string, { n: number; first: number }>();
  const add = (name: string, w: number, at: number) => {
    const c = counts.get(name) ?? { n: 0, first: at };
    c.n += w;
    counts.set(name, c);
  };
  if (title) for (const p of provincesInNorm(title)) add(p.name, 3, -1);
  for (const p of provincesInNorm(text)) add(p.name, 1, p.at);
  let best: [string, { n: number; first: number }] | null = null;
  for (const e of counts) if (!best || e[1].n > best[1].n || (e[1].n === best[1].n && e[1].first < best[1].first)) best = e;
  return best ? { name: best[0], mentions: best[1].n } : null;
}

let systems: Lexicon | null = null;

/** The system a name belongs to (MTTQ, Công an…), from lexicons/cluster-systems.txt; null when none is named. */
export function systemIn(name: string): string | null {
  systems ??= makeLexicon("cluster-systems");
  const norm = normalize(name).norm;
  const re = /(?<![\p{L}\p{N}])[\p{L}]/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm))) {
    const hit = systems.longestAt(norm, m.index);
    if (hit) return hit.value || hit.entry;
  }
  return null;
}

/** Does the name group several provinces ("các tỉnh miền Đông Nam bộ", "khu vực Tây Nguyên", "vùng Đồng bằng sông Cửu Long")? */
export function isMultiProvince(name: string): boolean {
  // tone marks kept: "vùng" (region), not "vững" (firm)
  return /(^| )(các tỉnh|các thành phố|miền|khu vực|vùng|liên tỉnh)( |$)/.test(nameKey(name));
}

/** Does the name place the cluster at national level (a ministry, the central level, the whole country)? */
export function isNational(name: string): boolean {
  const k = foldedKey(name);
  return /\b(bo [a-z]+|trung uong|chinh phu|toan quoc|ca nuoc)\b/.test(k) || /\b(viet nam)$/.test(k);
}
