// What recognisers share: the document and the facts found by earlier recognisers.
import type { ClusterFact } from "../../types.js";
import type { Doc } from "../doc.js";

export interface Context {
  doc: Doc;
  /** Clusters found so far (the clusters recogniser runs first); facts refer to them by index. */
  clusters: ClusterFact[];
}

/** Every rule is a named record: its name travels with each fact it makes (Provenance.rule). */
export interface Rule<P = RegExp> {
  name: string;
  pattern: P;
  /** What the rule produces, in words, for the reader of the rule table. */
  produces: string;
  confidence: number;
}
