// Which discovered links the crawl takes, and as what: article, listing page or sitemap.
import type { OutletConfig } from "./config.js";
import type { Found } from "./discover.js";
import type { Kind } from "./state.js";

/** Lower case without accents, đ as d: "Thi đua" and "thi-dua" in a URL meet at "thi dua"/"thi-dua". */
export function foldAccents(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

function decodedUrl(url: string): string {
  try { return decodeURIComponent(url); } catch { return url; }
}

/** Does any of the texts match the outlet's keywords (as written or without accents)? True when there are no keywords. */
export function matchesKeywords(outlet: Pick<OutletConfig, "keywords">, texts: (string | null | undefined)[]): boolean {
  const re = outlet.keywords;
  if (!re) return true;
  for (const t of texts) {
    if (!t) continue;
    const plain = t.startsWith("http") ? decodedUrl(t) : t;
    if (re.test(plain) || re.test(foldAccents(plain))) return true;
  }
  return false;
}

export type Source = "html" | "feed" | "sitemap";

/**
 * The kind of a found link, or null when it is not followed: another site, no pattern matched,
 * or keywords known not to match (link text or title present and neither it nor the URL matches).
 */
export function classify(outlet: OutletConfig, found: Found, from: Source): Kind | null {
  let host: string;
  try { host = new URL(found.url).host.toLowerCase(); } catch { return null; }
  if (!outlet.hosts.includes(host)) return null;
  if (found.sitemap) return "sitemap";
  const isArticle = outlet.articlePatterns.some((r) => r.test(found.url));
  const isListing = outlet.listingPatterns.some((r) => r.test(found.url));
  let kind: Kind | null;
  if (from === "feed") kind = "article";
  else if (isArticle) kind = "article";
  else if (isListing) kind = "listing";
  else if (from === "sitemap" && outlet.articlePatterns.length === 0) kind = "article";
  else kind = null;
  if (kind === "article" && found.hint !== null && !matchesKeywords(outlet, [found.url, found.hint])) return null;
  return kind;
}
