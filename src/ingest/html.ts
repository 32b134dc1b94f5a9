// An HTML page -> Article (placeholder: metadata and body extraction being written).
import type { Article } from "../types.js";

export interface HtmlOptions {
  /** URL the page was fetched from, when known. */
  url?: string | null;
  /** HTTP response headers (lower-case names), when known. */
  headers?: Record<string, string>;
}

export function parseHtml(html: string, source: string, opts: HtmlOptions = {}): Article {
  const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  return { source, text, bodyStart: 0, title: null, url: opts.url ?? null, published: null, outlet: null, author: null, format: "html", raw: html };
}
