// The sample corpus end to end: real articles through the real extractor into the store, and the same
// articles with the hand-made gold records (so resolution is checked whatever the extractor finds today).
import { describe, it, expect, afterAll } from "vitest";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { readArticles } from "../../src/ingest/read.js";
import { extract } from "../../src/extract/extract.js";
import { storeArticle } from "../../src/store/write.js";
import { resolve } from "../../src/store/resolve.js";
import type { Article, ExtractionRecord, Provenance } from "../../src/types.js";
import { record, tempDb } from "./helpers.js";

const dbs: Array<ReturnType<typeof tempDb>> = [];
afterAll(() => { for (const t of dbs) t.cleanup(); });

async function corpus(): Promise<Article[]> {
  const out: Article[] = [];
  for await (const it of readArticles(["corpus/seeds", "corpus/dev"])) if ("article" in it) out.push(it.article);
  return out;
}

/** The gold record of an article as an extraction record: provenance is where the surface first occurs. */
function goldRecord(a: Article): ExtractionRecord {
  const g = JSON.parse(readFileSync(`corpus/gold/${basename(a.source).replace(/\.txt$/, ".json")}`, "utf8")) as Record<string, Array<Record<string, unknown>>>;
  const prov = (s: unknown): Provenance => { const i = Math.max(0, a.text.indexOf(String(s ?? ""))); return { start: i, end: i + String(s ?? "").length, sentence: 0, rule: "gold", confidence: 1 }; };
  const n = g.clusters?.length ?? 0;
  const idx = (c: unknown) => (typeof c === "number" ? (c >= n ? c - 1 : c) : null); // the gold files count clusters from 1 or 0
  return record(a, {
    clusters: (g.clusters ?? []).map((c) => ({ kind: c.kind as "cụm", number: (c.number as number) ?? null, name: String(c.name), locality: (c.locality as string) ?? null, prov: prov(c.name) })),
    members: (g.members ?? []).map((m) => ({ cluster: idx(m.cluster), unit: String(m.unit), prov: prov(m.unit) })),
    roles: (g.roles ?? []).map((r) => ({ cluster: idx(r.cluster), unit: String(r.unit), role: r.role as "trưởng", year: (r.year as number) ?? null, prov: prov(r.unit) })),
    officials: (g.officials ?? []).map((o) => ({ name: String(o.name), rank: null, titles: o.titles as string[], prov: prov(o.name) })),
  }, "gold");
}

const clusterIdsOf = (t: ReturnType<typeof tempDb>, prefix: string) =>
  t.db.prepare("SELECT DISTINCT cluster_id FROM v_clusters WHERE source LIKE ? AND cluster_number = 1").pluck().all(`%${prefix}%`) as number[];

describe("sample corpus", () => {
  it("seeds 002 and 003 (one story's cluster, written two ways) resolve to one canonical cluster with both articles as sources", async () => {
    const t = tempDb(); dbs.push(t);
    const arts = await corpus();
    expect(arts.length).toBeGreaterThanOrEqual(13);
    for (const a of arts) storeArticle(t.db, a, extract(a));
    resolve(t.db);
    const [c2] = clusterIdsOf(t, "002_"), [c3] = clusterIdsOf(t, "003_");
    expect(c2).toBeDefined();
    expect(c2).toBe(c3);
    const sources = JSON.parse(t.db.prepare("SELECT json_group_array(DISTINCT source) FROM v_clusters WHERE cluster_id = ?").pluck().get(c2) as string) as string[];
    expect(sources.map((s) => basename(s)).sort()).toEqual(["002_8b7ceb56e8e44919.txt", "003_63485aa65f3afac5.txt"]);
    // Lâm Đồng's "Cụm thi đua số 1" (dev_08) is another cluster
    const [lamDong] = clusterIdsOf(t, "dev_08");
    expect(lamDong).toBeDefined();
    expect(lamDong).not.toBe(c2);
  });

  it("with the gold records: one Nguyễn Lan Hương with all her titles in three articles, one cluster for 002/003", async () => {
    const t = tempDb(); dbs.push(t);
    for (const a of await corpus()) storeArticle(t.db, a, goldRecord(a));
    resolve(t.db);
    const persons = t.db.prepare("SELECT DISTINCT person_id FROM v_officials WHERE name = 'Nguyễn Lan Hương'").pluck().all();
    expect(persons).toHaveLength(1);
    const titles = t.db.prepare("SELECT title, articles FROM v_person_titles WHERE person_id = ?").all(persons[0]) as Array<{ title: string; articles: number }>;
    expect(t.db.prepare("SELECT count(DISTINCT article_id) FROM v_officials WHERE person_id = ?").pluck().get(persons[0])).toBe(3);
    // "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội", "… Ủy ban MTTQ …", "… UB MTTQ …" are one post
    expect(titles.find((x) => x.title.startsWith("Chủ tịch"))?.articles).toBe(3);
    const all = t.db.prepare("SELECT DISTINCT title FROM v_officials WHERE person_id = ?").pluck().all(persons[0]);
    expect(all).toHaveLength(6);
    const [c2] = clusterIdsOf(t, "002_"), [c3] = clusterIdsOf(t, "003_");
    expect(c2).toBe(c3);
  });
});
