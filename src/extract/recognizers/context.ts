// What recognisers share: the document and the facts found by earlier recognisers.
import type { ClusterFact } from "../../types.js";
import type { Doc } from "../doc.js";

/** A place in the text where a cluster is named ("Cụm thi đua số 4") or referred to ("trong Cụm"). */
export interface ClusterMention {
  start: number; // norm offsets
  end: number;
  /** Index into Context.clusters, or null for a bare reference that was not resolved. */
  cluster: number | null;
}

export interface Context {
  doc: Doc;
  /** Clusters found so far (the clusters recogniser runs first); facts refer to them by index. */
  clusters: ClusterFact[];
  /** Every mention of a cluster, in text order (filled by the clusters recogniser). */
  mentions?: ClusterMention[];
}

/** Every rule is a named record: its name travels with each fact it makes (Provenance.rule). */
export interface Rule<P = RegExp> {
  name: string;
  pattern: P;
  /** What the rule produces, in words, for the reader of the rule table. */
  produces: string;
  confidence: number;
}

/**
 * The cluster a fact at norm offset n belongs to: the nearest cluster named before it in the same
 * sentence, else the nearest named before it in the story, else the only cluster, else null.
 */
export function clusterAt(ctx: Context, n: number): number | null {
  if (ctx.clusters.length === 1) return 0;
  const mentions = ctx.mentions ?? [];
  // last mention starting at or before n (mentions are in text order), then back to one that names a cluster
  let lo = 0, hi = mentions.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (mentions[mid]!.start <= n) lo = mid + 1; else hi = mid; }
  for (let k = lo - 1; k >= 0; k--) if (mentions[k]!.cluster !== null) return mentions[k]!.cluster;
  return mentions.find((m) => m.cluster !== null)?.cluster ?? null;
}
