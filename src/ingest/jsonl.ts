// JSON lines: one article per line ({url, title, text | html, published, outlet, author, …}).
// Given fields win over what the text or page says; unknown fields are kept in `extra`.
// A line that is not a JSON object with a text or html field is an error naming file:line.
import type { Article } from "../types.js";
import { parseTextDump } from "./textdump.js";
import { parseHtml } from "./html.js";
import { findDates, toIso } from "./vndate.js";

const KNOWN = new Set(["url", "title", "text", "html", "content", "body", "published", "date", "outlet", "author", "source"]);

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v : null;
}

/** One JSONL line -> Article, or the reason it is not one. */
export function parseJsonlLine(line: string, source: string): { article: Article } | { reason: string } {
  let obj: unknown;
  try { obj = JSON.parse(line); } catch (e) { return { reason: `not JSON (${(e as Error).message})` }; }
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return { reason: "not a JSON object" };
  const o = obj as Record<string, unknown>;
  const url = str(o.url);
  const title = str(o.title);
  const html = str(o.html);
  const text = str(o.text) ?? str(o.content) ?? str(o.body);
  if (!html && !text) return { reason: 'no "text" or "html" field' };
  const article = html
    ? parseHtml(html, source, { url, format: "jsonl" })
    : parseTextDump(text!, source, { url, title, format: "jsonl" });
  if (title && !article.title) article.title = title; // the page's own headline stays first in the text
  const published = str(o.published) ?? str(o.date);
  if (published) {
    const f = findDates(published)[0];
    if (f) article.published = toIso(f);
  }
  if (str(o.outlet)) article.outlet = str(o.outlet);
  if (str(o.author)) article.author = str(o.author);
  const extra: Record<string, unknown> = { ...(article.extra ?? {}) };
  for (const [k, v] of Object.entries(o)) if (!KNOWN.has(k)) extra[k] = v;
  if (str(o.source)) extra.originalSource = o.source;
  article.extra = extra;
  return { article };
}
