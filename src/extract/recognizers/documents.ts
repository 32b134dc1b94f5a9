// Recogniser for documents (placeholder: being written).
import type { DocumentFact } from "../../types.js";
import type { Context } from "./context.js";

export function recognizeDocuments(_ctx: Context): DocumentFact[] {
  return [];
}
