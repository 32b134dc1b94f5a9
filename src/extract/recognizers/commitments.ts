// Recogniser for commitments (placeholder: being written).
import type { CommitmentFact } from "../../types.js";
import type { Context } from "./context.js";

export function recognizeCommitments(_ctx: Context): CommitmentFact[] {
  return [];
}
