// Recogniser for officials (placeholder: being written).
import type { OfficialFact } from "../../types.js";
import type { Context } from "./context.js";

export function recognizeOfficials(_ctx: Context): OfficialFact[] {
  return [];
}
