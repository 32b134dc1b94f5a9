// Why an entity is what it is: its aliases with counts, and for each the rule that merged it and the evidence.
import type { DB } from "./db.js";

export type EntityKind = "unit" | "cluster" | "person";

export interface Explanation {
  entity: EntityKind;
  row: Record<string, unknown>;
  aliases: Array<{ alias: string; count: number; rule: string; evidence: string | null }>;
  facts: number;
  articles: number;
  /** Persons: each mention joined to the person after the first, with its rule and evidence. */
  merges?: Array<{ article_id: number; alias: string; rule: string; evidence: string | null }>;
}

const TABLE: Record<EntityKind, { table: string; aliases: string; key: string; facts: string }> = {
  cluster: { table: "clusters", aliases: "cluster_aliases", key: "cluster_id", facts: "SELECT f.article_id FROM fact_clusters d JOIN facts f ON f.id = d.fact_id WHERE d.cluster_id = @id" },
  unit: { table: "units", aliases: "unit_aliases", key: "unit_id", facts: "SELECT f.article_id FROM fact_members d JOIN facts f ON f.id = d.fact_id WHERE d.unit_id = @id UNION ALL SELECT f.article_id FROM fact_roles d JOIN facts f ON f.id = d.fact_id WHERE d.unit_id = @id UNION ALL SELECT f.article_id FROM fact_awards d JOIN facts f ON f.id = d.fact_id WHERE d.recipient_unit_id = @id" },
  person: { table: "persons", aliases: "person_aliases", key: "person_id", facts: "SELECT f.article_id FROM fact_officials d JOIN facts f ON f.id = d.fact_id WHERE d.person_id = @id" },
};

/** Finds an entity by id, or by name (canonical or alias, diacritics optional) when `ref` is not a number. */
export function findEntity(db: DB, entity: EntityKind, ref: string): number[] {
  const t = TABLE[entity];
  if (/^\d+$/.test(ref.trim())) return db.prepare(`SELECT id FROM ${t.table} WHERE id = ?`).pluck().all(Number(ref)) as number[];
  return db.prepare(`SELECT DISTINCT e.id FROM ${t.table} e LEFT JOIN ${t.aliases} a ON a.${t.key} = e.id
    WHERE thidua_fold(e.name) = thidua_fold(@id) OR thidua_fold(a.alias) = thidua_fold(@id) ORDER BY e.id`).pluck().all({ id: ref }) as number[];
}

export function explain(db: DB, entity: EntityKind, id: number): Explanation | null {
  const t = TABLE[entity];
  const row = db.prepare(`SELECT * FROM ${t.table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const aliases = db.prepare(`SELECT alias, count, rule, evidence FROM ${t.aliases} WHERE ${t.key} = ? ORDER BY count DESC, rowid`).all(id) as Explanation["aliases"];
  const arts = db.prepare(t.facts).pluck().all({ id }) as number[];
  const merges = entity === "person"
    ? db.prepare("SELECT f.article_id, m.alias, m.rule, m.evidence FROM person_merges m JOIN facts f ON f.id = m.fact_id WHERE m.person_id = ? ORDER BY f.article_id").all(id) as Explanation["merges"]
    : undefined;
  return { entity, row, aliases, facts: arts.length, articles: new Set(arts).size, ...(merges ? { merges } : {}) };
}

export function formatExplanation(e: Explanation): string {
  const r = e.row;
  const lines = [`${e.entity} #${r.id}: ${r.name}`];
  for (const k of Object.keys(r)) if (!["id", "name", "core"].includes(k) && r[k] != null) lines.push(`  ${k}: ${String(r[k])}`);
  lines.push(`  ${e.facts} fact(s) in ${e.articles} article(s)`, `  aliases (${e.aliases.length}):`);
  for (const a of e.aliases) {
    lines.push(`    "${a.alias}" ×${a.count} — ${a.rule}`);
    if (a.evidence) lines.push(`        evidence: ${a.evidence}`);
  }
  if (e.merges?.length) {
    lines.push(`  mentions joined to this person (${e.merges.length}):`);
    for (const m of e.merges) lines.push(`    article ${m.article_id}: "${m.alias}" — ${m.rule}${m.evidence ? `: ${m.evidence}` : ""}`);
  }
  return lines.join("\n") + "\n";
}
