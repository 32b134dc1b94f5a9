// Builds an Article from a snippet, as the examples convention does, for the recogniser tests.
import { extract } from "../../src/extract/extract.js";
import type { Article, ExtractionRecord } from "../../src/types.js";

export function article(text: string, opts: { title?: string; published?: string } = {}): Article {
  const title = opts.title ?? null;
  const full = title ? `${title}\n\n${text}` : text;
  return { source: "test", title, url: null, published: opts.published ?? null, outlet: null, author: null, text: full, bodyStart: title ? title.length + 2 : 0, format: "txt" };
}

export function run(text: string, opts: { title?: string; published?: string } = {}): ExtractionRecord {
  return extract(article(text, opts));
}
