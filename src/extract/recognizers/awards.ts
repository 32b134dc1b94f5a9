// Recogniser for awards (placeholder: being written).
import type { AwardFact } from "../../types.js";
import type { Context } from "./context.js";

export function recognizeAwards(_ctx: Context): AwardFact[] {
  return [];
}
