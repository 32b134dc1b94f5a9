// What a fetched page points to: links of an HTML page, items of an RSS/Atom feed, entries of a
// sitemap (news sitemaps with their titles and dates, sitemap indexes with their children).
import { gunzipSync } from "node:zlib";
import * as cheerio from "cheerio";

export interface Found {
  url: string;
  /** Link text, feed item title or news:title: what the crawler knows of the page before fetching it. */
  hint: string | null;
  /** Last change or publication date (ISO) when the source gave one. */
  lastmod: string | null;
  /** A sitemap listed by a sitemap index. */
  sitemap?: boolean;
}

const TRACKING = /^(?:utm_\w+|fbclid|gclid|zarsrc|zcid|gidzl|_ga|cmpid|mc_[ce]id|itm_\w+)$/i;

/** The frontier key of a link: absolute, no fragment, no tracking parameters. Null when not http(s). */
export function frontierUrl(href: string, base: string): string | null {
  let u: URL;
  try { u = new URL(href.trim(), base); } catch { return null; }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  u.hash = "";
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
  return u.href;
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

function isoDate(s: string | undefined): string | null {
  if (!s) return null;
  const t = Date.parse(s.trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Links of an HTML page (honouring <base href>), first occurrence of each URL, with its link text. */
export function htmlLinks(html: string, pageUrl: string): Found[] {
  const $ = cheerio.load(html);
  const baseHref = $("base[href]").attr("href");
  const base = baseHref ? frontierUrl(baseHref, pageUrl) ?? pageUrl : pageUrl;
  const seen = new Map<string, Found>();
  $("a[href]").each((_, el) => {
    const a = $(el);
    if (/\bnofollow\b/i.test(a.attr("rel") ?? "")) return;
    const url = frontierUrl(a.attr("href")!, base);
    if (!url) return;
    const text = squash(a.text()) || squash(a.attr("title") ?? "") || null;
    const prev = seen.get(url);
    if (!prev) seen.set(url, { url, hint: text, lastmod: null });
    else if (!prev.hint && text) prev.hint = text; // an image link first, the headline link second
  });
  return [...seen.values()];
}

/** Is this body a feed or a sitemap rather than a web page? */
export function xmlKind(text: string): "rss" | "atom" | "sitemap" | "sitemapindex" | null {
  const head = text.slice(0, 2048);
  if (/<rss[\s>]|<rdf:RDF[\s>]/i.test(head)) return "rss";
  if (/<feed[\s>]/i.test(head)) return "atom";
  if (/<sitemapindex[\s>]/i.test(head)) return "sitemapindex";
  if (/<urlset[\s>]/i.test(head)) return "sitemap";
  return null;
}

/** Items of an RSS 2.0 / RSS 1.0 / Atom feed. */
export function feedItems(xml: string, feedUrl: string): Found[] {
  const $ = cheerio.load(xml, { xml: true });
  const out: Found[] = [];
  $("item").each((_, el) => {
    const it = $(el);
    const link = squash(it.children("link").first().text()) || squash(it.children("guid").first().text());
    const url = link ? frontierUrl(link, feedUrl) : null;
    if (url) out.push({ url, hint: squash(it.children("title").first().text()) || null, lastmod: isoDate(it.children("pubDate").first().text() || it.children("dc\\:date").first().text()) });
  });
  $("entry").each((_, el) => {
    const it = $(el);
    const links = it.children("link");
    let href: string | undefined;
    links.each((_, l) => { const rel = $(l).attr("rel"); if (!href && (!rel || rel === "alternate")) href = $(l).attr("href"); });
    const url = href ? frontierUrl(href, feedUrl) : null;
    if (url) out.push({ url, hint: squash(it.children("title").first().text()) || null, lastmod: isoDate(it.children("updated").first().text() || it.children("published").first().text()) });
  });
  return out;
}

/** Entries of a sitemap or a sitemap index (news:publication_date counts as lastmod when newer). */
export function sitemapEntries(xml: string, sitemapUrl: string): Found[] {
  const $ = cheerio.load(xml, { xml: true });
  const out: Found[] = [];
  $("sitemapindex > sitemap").each((_, el) => {
    const s = $(el);
    const url = frontierUrl(squash(s.children("loc").text()), sitemapUrl);
    if (url) out.push({ url, hint: null, lastmod: isoDate(s.children("lastmod").text()), sitemap: true });
  });
  $("urlset > url").each((_, el) => {
    const u = $(el);
    const url = frontierUrl(squash(u.children("loc").text()), sitemapUrl);
    if (!url) return;
    const news = u.children("news\\:news");
    const lastmod = isoDate(u.children("lastmod").text());
    const published = isoDate(news.find("news\\:publication_date").text());
    const newest = lastmod && published ? (lastmod > published ? lastmod : published) : lastmod ?? published;
    out.push({ url, hint: squash(news.find("news\\:title").text()) || null, lastmod: newest });
  });
  return out;
}

/** A gzipped sitemap (sitemap.xml.gz) opened; other bodies returned as they are. */
export function gunzipMaybe(body: Buffer): Buffer {
  if (body[0] === 0x1f && body[1] === 0x8b) return gunzipSync(body, { maxOutputLength: 64 * 1024 * 1024 }); // a gzip bomb stops here
  return body;
}
