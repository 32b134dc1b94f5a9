// Article body from a news page (placeholder: the block-scoring extractor is being written).
import * as cheerio from "cheerio";

export type BlockKind = "heading" | "paragraph" | "list-item" | "caption" | "quote" | "pre";
export interface BodyBlock { kind: BlockKind; text: string }
export interface BodyResult {
  blocks: BodyBlock[];
  /** Blocks joined: "\n\n" between blocks, "\n" between consecutive list items. */
  text: string;
  /** True for a listing or index page (teasers, not an article): blocks is then empty. */
  isListing: boolean;
  /** Why no body was found, when it was not. */
  reason?: string;
}

export function extractBody(input: string | cheerio.CheerioAPI): BodyResult {
  const $ = typeof input === "string" ? cheerio.load(input) : input;
  $("script, style, nav, header, footer, noscript").remove();
  const blocks: BodyBlock[] = $("p").toArray().map((p) => ({ kind: "paragraph" as const, text: $(p).text().trim() })).filter((b) => b.text);
  return { blocks, text: blocks.map((b) => b.text).join("\n\n"), isListing: false };
}
