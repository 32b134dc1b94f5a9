// Recogniser for clusters (placeholder: being written).
import type { ClusterFact } from "../../types.js";
import type { Context } from "./context.js";

export function recognizeClusters(_ctx: Context): ClusterFact[] {
  return [];
}
