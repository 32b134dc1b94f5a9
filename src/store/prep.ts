// What storing an article needs that is a pure function of the article and its record: the body hash,
// the canonical URL, the MinHash signature, the relevance verdict, the article's province and the texts
// of its search rows. Computed on the extraction worker beside the record (so the single writer thread only
// runs SQL), or by storeArticle itself when a caller passes none.
import type { Article, ExtractionRecord } from "../types.js";
import { CHAR_FIX, DROP, normalize, fold, unifyTones } from "../extract/normalize.js";
import { canonicalUrl } from "../ingest/url.js";
import { bodyHash, minhashFolded } from "./dedup.js";
import { skipReason } from "./relevance.js";
import { articleLocality } from "./names.js";

export interface StorePrep {
  /** sha-256 of the normalised body (bodyHash). */
  hash: string;
  /** Canonical URL of the story (the page's canonical link, else its URL), or null. */
  curl: string | null;
  /** MinHash signature of the body. */
  sig: Uint32Array;
  /** Why the article is not stored with facts (skipReason), or null. */
  skip: string | null;
  /** The province the article names most, with its weighted mention count. */
  locality: { name: string; mentions: number } | null;
  /** The article's search row: title and body normalised, and both folded. */
  title: string;
  body: string;
  titleFolded: string;
  bodyFolded: string;
  /** Searchable text of each fact, normalised and on one line, in the order of searchableFacts(record). */
  factLines: string[];
}

/** normalize(s).norm, faster on text that needs no composition (most text); the same result. */
export function normText(s: string): string {
  if (SLOW.test(s) || s.normalize("NFC") !== s) return normalize(s).norm;
  const fixed = FIXES.test(s) ? s.replace(FIXES_ALL, fixChar) : s;
  return unifyTones(fixed.includes("  ") ? fixed.replace(SPACES, " ") : fixed);
}

// normalize() composes each character with its combining marks (U+0300–U+036F) by NFC, keeps surrogate pairs
// whole, drops zero-width characters, fixes some characters one for one, reads CRLF as one line break and a run of
// spaces as one. On a
// text with no combining mark nor surrogate that NFC leaves as it is, every piece it composes is one character
// that NFC leaves as it is too, so what remains is the drops and fixes, done here by one regular expression.
const SLOW = /[\u0300-\u036f\ud800-\udfff]/;
// the same drops and fixes as normalize() (CR is handled apart, "…" maps to itself)
const FIX_MAP: Record<string, string> = Object.fromEntries([
  ...[...DROP].map((c) => [c, ""]),
  ...Object.entries(CHAR_FIX).filter(([c, to]) => c !== "\r" && c !== to),
]);
const FIX_CLASS = `[${Object.keys(FIX_MAP).join("")}]`;
const FIXES = new RegExp(`\r|${FIX_CLASS}`);
const FIXES_ALL = new RegExp(`\r\n?|${FIX_CLASS}`, "g");
const SPACES = / {2,}/g;
const fixChar = (c: string): string => (c.charCodeAt(0) === 13 ? "\n" : FIX_MAP[c]!);

/** The facts that get a line in the article's facts search row, in the order writeFacts stores them. */
export function searchableFacts(record: ExtractionRecord): Array<{ kind: string; idx: number; text: string }> {
  const out: Array<{ kind: string; idx: number; text: string }> = [];
  record.clusters.forEach((c, i) => out.push({ kind: "clusters", idx: i, text: c.name }));
  record.members.forEach((m, i) => out.push({ kind: "members", idx: i, text: m.unit }));
  record.roles.forEach((r, i) => out.push({ kind: "roles", idx: i, text: `${r.unit} (${r.role})` }));
  record.officials.forEach((o, i) => out.push({ kind: "officials", idx: i, text: [o.name, ...o.titles].join(", ") }));
  record.commitments.forEach((c, i) => out.push({ kind: "commitments", idx: i, text: c.text }));
  record.awards.forEach((a, i) => out.push({ kind: "awards", idx: i, text: `${a.award}: ${a.recipient}` }));
  record.events.forEach((e, i) => { if (e.location) out.push({ kind: "events", idx: i, text: e.location }); });
  record.documents.forEach((d, i) => out.push({ kind: "documents", idx: i, text: [d.kind, d.number, d.issuer].filter(Boolean).join(" ") }));
  return out;
}

/** One line of the facts search row. */
export const factLine = (text: string): string => normText(text).replace(/\n/g, " ");

export function storyUrl(a: Article): string | null {
  const c = a.extra?.canonicalUrl;
  const u = typeof c === "string" && c ? c : a.url;
  return u ? canonicalUrl(u) : null;
}

/** Everything storeArticle needs besides SQL, computed once per article. */
export function prepareStore(a: Article, record: ExtractionRecord): StorePrep {
  const body = normText(a.text.slice(a.bodyStart));
  const title = a.title ? normText(a.title) : "";
  const bodyFolded = fold(body);
  return {
    hash: bodyHash(body),
    curl: storyUrl(a),
    sig: minhashFolded(bodyFolded),
    skip: skipReason(`${title}\n\n${body}`, record),
    locality: articleLocality(title, body),
    title, body, titleFolded: fold(title), bodyFolded,
    factLines: searchableFacts(record).map((f) => factLine(f.text)),
  };
}
