// Recogniser for roles (placeholder: being written).
import type { RoleFact } from "../../types.js";
import type { Context } from "./context.js";

export function recognizeRoles(_ctx: Context): RoleFact[] {
  return [];
}
