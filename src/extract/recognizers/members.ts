// Recogniser for members (placeholder: being written).
import type { MemberFact, RecordNote } from "../../types.js";
import type { Context } from "./context.js";

export function recognizeMembers(_ctx: Context): { members: MemberFact[]; notes: RecordNote[] } {
  return { members: [], notes: [] };
}
