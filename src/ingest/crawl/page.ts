// What a fetched body becomes, as a pure function (so it can run on a worker thread): a feed or
// sitemap gives entries; a web page gives links; an article gives its cleaned text, its hash and,
// when it is new or changed and matches the keywords, its extracted facts.
import { createHash } from "node:crypto";
import { decodeBody } from "./decode.js";
import { feedItems, gunzipMaybe, htmlLinks, sitemapEntries, xmlKind, type Found } from "./discover.js";
import { matchesKeywords, type Source } from "./classify.js";
import { parseHtml } from "../html.js";
import { extract } from "../../extract/extract.js";
import type { Article, ExtractionRecord } from "../../types.js";

export interface PageInput {
  body: Uint8Array;
  contentType: string | undefined;
  headers: Record<string, string>;
  /** URL after redirects. */
  url: string;
  /** URL as queued. */
  queuedUrl: string;
  isArticle: boolean;
  /** Follow the links of an article page (it is above the outlet's maxDepth). */
  followLinks: boolean;
  hint: string | null;
  keywords: RegExp | null;
  /** Hash of the text last time, to skip extracting an unchanged page. */
  previousHash: string | null;
}

export interface PageOutput {
  links: Found[];
  from: Source;
  bodyHash: string;
  result: "new" | "changed" | "unchanged" | "filtered" | "fetched";
  article: Article | null;
  record: ExtractionRecord | null;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Throws on a body that cannot be read (binary, bad gzip). */
export function processPage(p: PageInput): PageOutput {
  const body = gunzipMaybe(Buffer.from(p.body.buffer, p.body.byteOffset, p.body.byteLength));
  const decoded = decodeBody(body, p.contentType);
  const xml = xmlKind(decoded.text);
  if (xml === "rss" || xml === "atom") return listing(feedItems(decoded.text, p.url), "feed", sha256(decoded.text), p.previousHash);
  if (xml) return listing(sitemapEntries(decoded.text, p.url), "sitemap", sha256(decoded.text), p.previousHash);
  if (!p.isArticle) return listing(htmlLinks(decoded.text, p.url), "html", sha256(decoded.text), p.previousHash);

  const article = parseHtml(decoded.text, p.url, { url: p.url, headers: p.headers });
  if (decoded.overridden) article.extra = { ...article.extra, charset: decoded.charset, declaredCharset: decoded.declared };
  const links = p.followLinks ? htmlLinks(decoded.text, p.url) : [];
  const bodyHash = sha256(article.text);
  const out: PageOutput = { links, from: "html", bodyHash, result: "new", article, record: null };
  if (!matchesKeywords({ keywords: p.keywords }, [p.queuedUrl, p.url, p.hint, article.title])) out.result = "filtered";
  else if (bodyHash === p.previousHash) out.result = "unchanged";
  else { out.record = extract(article); out.result = p.previousHash ? "changed" : "new"; }
  return out;
}

/** A listing, feed or sitemap whose text has not changed: its links are already in the frontier. */
function listing(found: Found[], from: Source, bodyHash: string, previousHash: string | null): PageOutput {
  return { links: bodyHash === previousHash ? [] : found, from, bodyHash, result: "fetched", article: null, record: null };
}
