// Reading an article and its extraction record back out of a database (for merging shard databases).
import type { Article, ExtractionRecord, Provenance } from "../types.js";
import type { DB } from "./db.js";

interface FactRow { id: number; kind: string; idx: number; sentence_index: number | null; start: number | null; end: number | null; rule: string | null; confidence: number | null; extractor_version: string }
type Row = Record<string, unknown>;

const provOf = (r: { sentence_index: unknown; start: unknown; end: unknown; rule: unknown; confidence: unknown }): Provenance => ({
  start: Number(r.start ?? 0), end: Number(r.end ?? 0), sentence: Number(r.sentence_index ?? -1), rule: String(r.rule ?? ""), confidence: Number(r.confidence ?? 0),
});
const parse = (s: unknown): unknown => (typeof s === "string" && s ? JSON.parse(s) : undefined);

export function loadArticle(row: Row): Article {
  const extra = parse(row.extra) as Record<string, unknown> | undefined;
  const flags = parse(row.flags) as string[] | undefined;
  return {
    source: String(row.source), text: String(row.text), bodyStart: Number(row.body_start ?? 0),
    title: (row.title as string | null) ?? null, url: (row.url as string | null) ?? null, published: (row.published as string | null) ?? null,
    outlet: (row.outlet as string | null) ?? null, author: (row.author as string | null) ?? null,
    format: (row.format as Article["format"]) ?? "txt", raw: (row.raw as string | null) ?? null,
    ...(extra ? { extra } : {}), ...(flags ? { flags } : {}),
  };
}

/** The record as it was stored (facts in their original order, provenance kept). */
export function loadRecord(db: DB, articleId: number, article: Article): ExtractionRecord {
  const facts = db.prepare(`SELECT id, kind, idx, sentence_index, start, "end", rule, confidence, extractor_version FROM facts WHERE article_id = ? ORDER BY kind, idx`).all(articleId) as FactRow[];
  const detail = (table: string, id: number) => db.prepare(`SELECT * FROM ${table} WHERE fact_id = ?`).get(id) as Row;
  const rec: ExtractionRecord = {
    source: article.source,
    article: { title: article.title, url: article.url, published: article.published, outlet: article.outlet, author: article.author },
    clusters: [], members: [], roles: [], officials: [], commitments: [], awards: [], events: [], documents: [], notes: [],
    extractor: { version: facts[0]?.extractor_version ?? (db.prepare("SELECT extractor_version v FROM articles WHERE id = ?").get(articleId) as { v: string | null } | undefined)?.v ?? "unknown" },
  };
  const idx = (v: unknown) => (v == null ? null : Number(v));
  for (const f of facts) {
    const prov = provOf(f);
    switch (f.kind) {
      case "clusters": { const d = detail("fact_clusters", f.id); rec.clusters.push({ kind: d.kind as "cụm", number: idx(d.number), name: String(d.name), locality: (d.locality as string | null) ?? null, system: (d.system as string | null) ?? null, declaredMembers: idx(d.declared_members), listedMembers: idx(d.listed_members), prov }); break; }
      case "members": { const d = detail("fact_members", f.id); rec.members.push({ cluster: idx(d.cluster_idx), unit: String(d.unit), prov }); break; }
      case "roles": { const d = detail("fact_roles", f.id); rec.roles.push({ cluster: idx(d.cluster_idx), unit: String(d.unit), role: d.role as "trưởng", year: idx(d.year), prov }); break; }
      case "officials": {
        const d = detail("fact_officials", f.id);
        const titles = db.prepare(`SELECT title, sentence_index, start, "end", rule, confidence FROM fact_titles WHERE fact_id = ? ORDER BY idx`).all(f.id) as Row[];
        rec.officials.push({ name: String(d.name), rank: (d.rank as string | null) ?? null, titles: titles.map((t) => String(t.title)), prov, titleProv: titles.map((t) => provOf(t as never)) });
        break;
      }
      case "commitments": { const d = detail("fact_commitments", f.id); rec.commitments.push({ cluster: idx(d.cluster_idx), year: idx(d.year), text: String(d.text), prov }); break; }
      case "awards": { const d = detail("fact_awards", f.id); rec.awards.push({ award: String(d.award), recipient: String(d.recipient), year: idx(d.year), status: d.status as "proposed", prov }); break; }
      case "events": { const d = detail("fact_events", f.id); rec.events.push({ type: d.type as "other", date: (d.date as string | null) ?? null, location: (d.location as string | null) ?? null, prov }); break; }
      case "documents": { const d = detail("fact_documents", f.id); rec.documents.push({ kind: String(d.kind), number: String(d.number), date: (d.date as string | null) ?? null, issuer: (d.issuer as string | null) ?? null, prov }); break; }
    }
  }
  return rec;
}
