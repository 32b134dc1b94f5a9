// Counts for `thidua stats`: articles by status, facts by kind, entities and merges.
import type { DB } from "./db.js";
import { countFacts } from "./write.js";

export interface Stats {
  articles: Record<string, number>;
  sources: number;
  facts: Record<string, number>;
  entities: Record<string, number>;
  merges: Record<string, number>;
  extractorVersions: string[];
}

export function stats(db: DB): Stats {
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  const articles: Record<string, number> = { stored: 0, skipped: 0, duplicate: 0 };
  for (const r of db.prepare("SELECT status, count(*) AS n FROM articles GROUP BY status").all() as Array<{ status: string; n: number }>) articles[r.status] = r.n;
  articles["exact copies (sources only)"] = one("SELECT count(*) FROM article_sources WHERE how = 'same-body'");
  const merges: Record<string, number> = {};
  for (const t of ["cluster", "unit", "person"]) for (const r of db.prepare(`SELECT rule, count(*) AS n FROM ${t}_aliases WHERE rule NOT IN ('first-seen', 'same-name-conflicting-posts') GROUP BY rule`).all() as Array<{ rule: string; n: number }>) merges[`${t}: ${r.rule}`] = r.n;
  const apart = one("SELECT count(*) FROM person_aliases WHERE rule = 'same-name-conflicting-posts'");
  if (apart) merges["person: kept apart (same name, posts elsewhere)"] = apart;
  return {
    articles,
    sources: one("SELECT count(*) FROM article_sources"),
    facts: countFacts(db),
    entities: { clusters: one("SELECT count(*) FROM clusters"), units: one("SELECT count(*) FROM units"), persons: one("SELECT count(*) FROM persons") },
    merges,
    extractorVersions: db.prepare("SELECT DISTINCT extractor_version FROM facts ORDER BY 1").pluck().all() as string[],
  };
}
