// Recogniser for events (placeholder: being written).
import type { EventFact } from "../../types.js";
import type { Context } from "./context.js";

export function recognizeEvents(_ctx: Context): EventFact[] {
  return [];
}
