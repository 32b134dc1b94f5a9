// Is an article about emulation clusters or blocs at all? Irrelevant articles are kept (status 'skipped',
// with the reason) so a later extractor can reconsider them, but they appear in no fact view.
import { fold } from "../extract/normalize.js";
import type { ExtractionRecord } from "../types.js";

const MENTION = /(?<![a-z0-9])(cum|khoi) thi dua(?![a-z0-9])/;

/** `norm`: the article's text, normalised (normalize(text).norm). */
export function skipReason(norm: string, record: ExtractionRecord): string | null {
  if (record.clusters.length) return null;
  if (MENTION.test(fold(norm).replace(/\s+/g, " "))) return null;
  const mojibake = record.notes.find((n) => n.kind === "skipped");
  if (mojibake) return mojibake.message;
  return "not about emulation clusters or blocs: no cluster found and no \"cụm/khối thi đua\" in the text";
}
