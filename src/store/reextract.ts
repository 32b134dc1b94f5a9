// Re-extraction: rebuilds every fact from the stored text with the current extractor (nothing is fetched),
// re-decides relevance, then resolves entities again from scratch. Reports facts added and removed per kind,
// comparing facts by their content (not their ids).
import type { Article, ExtractionRecord, FactKind } from "../types.js";
import { FACT_KINDS } from "../types.js";
import type { DB } from "./db.js";
import { deleteFacts, writeFacts } from "./write.js";
import { skipReason } from "./relevance.js";
import { resolve } from "./resolve.js";
import { normalize } from "../extract/normalize.js";
import type { PoolIn } from "../extract/pool.js";

export type Extractor = (a: Article) => ExtractionRecord;

export interface ReextractReport {
  articles: number;
  byKind: Record<FactKind, { before: number; after: number; added: number; removed: number }>;
  nowStored: number; // skipped before, about clusters now
  nowSkipped: number;
}

interface ArticleRow { id: number; source: string; url: string | null; title: string | null; published: string | null; outlet: string | null; author: string | null; format: string | null; text: string; body_start: number; raw: string | null; extra: string | null; flags: string | null; status: string }

function toArticle(r: ArticleRow): Article {
  return {
    source: r.source, url: r.url, title: r.title, published: r.published, outlet: r.outlet, author: r.author,
    text: r.text, bodyStart: r.body_start, format: (r.format ?? "txt") as Article["format"], raw: r.raw,
    extra: { ...(r.extra ? (JSON.parse(r.extra) as Record<string, unknown>) : {}), storeArticleId: r.id },
    ...(r.flags ? { flags: JSON.parse(r.flags) as string[] } : {}),
  };
}

/** Content of one fact, for comparing two extractions. */
function recordSignatures(rec: ExtractionRecord): Map<FactKind, string[]> {
  const m = new Map<FactKind, string[]>();
  m.set("clusters", rec.clusters.map((c) => `${c.kind}|${c.number}|${c.name}`));
  m.set("members", rec.members.map((x) => `${x.cluster}|${x.unit}`));
  m.set("roles", rec.roles.map((x) => `${x.unit}|${x.role}|${x.year}`));
  m.set("officials", rec.officials.map((x) => `${x.name}|${x.titles.join(";")}`));
  m.set("commitments", rec.commitments.map((x) => x.text));
  m.set("awards", rec.awards.map((x) => `${x.award}|${x.recipient}|${x.year}|${x.status}`));
  m.set("events", rec.events.map((x) => `${x.type}|${x.date}`));
  m.set("documents", rec.documents.map((x) => x.number));
  return m;
}

function storedSignatures(db: DB, articleId: number): Map<FactKind, string[]> {
  const all = (sql: string) => db.prepare(sql).pluck().all(articleId) as string[];
  const m = new Map<FactKind, string[]>();
  const by = `JOIN facts f ON f.id = d.fact_id WHERE f.article_id = ?`;
  m.set("clusters", all(`SELECT d.kind || '|' || coalesce(d.number, 'null') || '|' || d.name FROM fact_clusters d ${by}`));
  m.set("members", all(`SELECT coalesce(d.cluster_idx, 'null') || '|' || d.unit FROM fact_members d ${by}`));
  m.set("roles", all(`SELECT d.unit || '|' || d.role || '|' || coalesce(d.year, 'null') FROM fact_roles d ${by}`));
  m.set("officials", all(`SELECT d.name || '|' || coalesce((SELECT group_concat(title, ';') FROM (SELECT title FROM fact_titles t WHERE t.fact_id = d.fact_id ORDER BY idx)), '') FROM fact_officials d ${by}`));
  m.set("commitments", all(`SELECT d.text FROM fact_commitments d ${by}`));
  m.set("awards", all(`SELECT d.award || '|' || d.recipient || '|' || coalesce(d.year, 'null') || '|' || d.status FROM fact_awards d ${by}`));
  m.set("events", all(`SELECT d.type || '|' || coalesce(d.date, 'null') FROM fact_events d ${by}`));
  m.set("documents", all(`SELECT d.number FROM fact_documents d ${by}`));
  return m;
}

/** Multiset difference sizes: how many of `after` are new, how many of `before` are gone. */
function diff(before: string[], after: string[]): { added: number; removed: number } {
  const left = new Map<string, number>();
  for (const b of before) left.set(b, (left.get(b) ?? 0) + 1);
  let added = 0;
  for (const a of after) { const n = left.get(a) ?? 0; if (n > 0) left.set(a, n - 1); else added++; }
  let removed = 0;
  for (const n of left.values()) removed += n;
  return { added, removed };
}

/**
 * Re-extracts every stored or skipped article. With `extract` given, runs it in this thread (tests pass a
 * different extractor to stand for a rule change); otherwise uses the extraction worker pool.
 */
export async function reextract(db: DB, opts: { extract?: Extractor; workers?: number; onArticle?: (n: number) => void } = {}): Promise<ReextractReport> {
  const report: ReextractReport = {
    articles: 0, nowStored: 0, nowSkipped: 0,
    byKind: Object.fromEntries(FACT_KINDS.map((k) => [k, { before: 0, after: 0, added: 0, removed: 0 }])) as ReextractReport["byKind"],
  };
  const ids = db.prepare("SELECT id, status FROM articles WHERE status IN ('stored', 'skipped') ORDER BY id").all() as Array<{ id: number; status: string }>;
  const row = db.prepare("SELECT * FROM articles WHERE id = ?");
  const load = (id: number) => toArticle(row.get(id) as ArticleRow);
  const status = new Map<number, string>();
  const setStatus = db.prepare("UPDATE articles SET status = ?, skip_reason = ?, extractor_version = ? WHERE id = ?");
  let pending = 0;
  const apply = (id: number, rec: ExtractionRecord) => {
    if (!db.inTransaction) db.exec("BEGIN");
    const before = storedSignatures(db, id);
    const after = recordSignatures(rec);
    deleteFacts(db, id);
    const art = db.prepare("SELECT text FROM articles WHERE id = ?").pluck().get(id) as string;
    const reason = skipReason(normalize(art).norm, rec);
    const was = status.get(id);
    setStatus.run(reason ? "skipped" : "stored", reason, rec.extractor.version, id);
    if (!reason) writeFacts(db, id, rec);
    if (was === "skipped" && !reason) report.nowStored++;
    if (was === "stored" && reason) report.nowSkipped++;
    for (const k of FACT_KINDS) {
      const b = was === "stored" ? before.get(k)! : [];
      const a = reason ? [] : after.get(k)!;
      const d = diff(b, a);
      const r = report.byKind[k];
      r.before += b.length; r.after += a.length; r.added += d.added; r.removed += d.removed;
    }
    report.articles++;
    opts.onArticle?.(report.articles);
    if (++pending >= 200) { db.exec("COMMIT"); pending = 0; }
  };
  try {
    // ids first (the connection cannot write while a statement iterates); texts are read one at a time
    for (const r of ids) status.set(r.id, r.status);
    if (opts.extract) {
      for (const r of ids) apply(r.id, opts.extract(load(r.id)));
    } else {
      const { extractAll } = await import("../extract/pool.js");
      async function* items(): AsyncGenerator<PoolIn> { for (const r of ids) yield { article: load(r.id) }; }
      for await (const out of extractAll(items(), opts.workers)) {
        if ("error" in out) continue;
        apply(Number(out.article.extra?.storeArticleId), out.record);
      }
    }
    if (db.inTransaction) db.exec("COMMIT");
  } finally {
    if (db.inTransaction) db.exec("ROLLBACK");
  }
  resolve(db, { rebuild: true });
  return report;
}
