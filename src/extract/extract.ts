// Extraction: a pure function from an Article to an ExtractionRecord.
import type { Article, ExtractionRecord } from "../types.js";
import { makeDoc } from "./doc.js";
import type { Context } from "./recognizers/context.js";
import { recognizeClusters } from "./recognizers/clusters.js";
import { recognizeMembers } from "./recognizers/members.js";
import { recognizeRoles } from "./recognizers/roles.js";
import { recognizeOfficials } from "./recognizers/officials.js";
import { commitmentsWithNotes } from "./recognizers/commitments.js";
import { recognizeAwards } from "./recognizers/awards.js";
import { recognizeEvents } from "./recognizers/events.js";
import { recognizeDocuments } from "./recognizers/documents.js";
import { EXTRACTOR_VERSION } from "./version.js";

export function emptyRecord(article: Article): ExtractionRecord {
  return {
    source: article.source,
    article: { title: article.title, url: article.url, published: article.published, outlet: article.outlet, author: article.author },
    clusters: [], members: [], roles: [], officials: [], commitments: [], awards: [], events: [], documents: [], notes: [],
    extractor: { version: EXTRACTOR_VERSION },
  };
}

export function extract(article: Article): ExtractionRecord {
  const record = emptyRecord(article);
  if (article.flags?.includes("mojibake")) {
    record.notes.push({ kind: "skipped", message: "text is mojibake (replacement characters); not extracted" });
    return record;
  }
  const doc = makeDoc(article);
  const ctx: Context = { doc, clusters: [] };
  record.clusters = ctx.clusters = recognizeClusters(ctx);
  const members = recognizeMembers(ctx);
  record.members = members.members;
  record.notes.push(...members.notes);
  record.roles = recognizeRoles(ctx);
  record.officials = recognizeOfficials(ctx);
  const commitments = commitmentsWithNotes(ctx);
  record.commitments = commitments.commitments;
  record.notes.push(...commitments.notes);
  record.awards = recognizeAwards(ctx);
  record.events = recognizeEvents(ctx);
  record.documents = recognizeDocuments(ctx);
  return record;
}
