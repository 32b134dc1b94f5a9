import { describe, it, expect, afterEach } from "vitest";
import { storeArticle } from "../../src/store/write.js";
import { resolve } from "../../src/store/resolve.js";
import { reextract } from "../../src/store/reextract.js";
import type { Article, ExtractionRecord } from "../../src/types.js";
import { article, at, cluster, filler, record, tempDb } from "./helpers.js";

let cleanups: Array<() => void> = [];
afterEach(() => { for (const c of cleanups) c(); cleanups = []; });

// Two versions of a tiny "extractor": v2 stands for a rule change (a second member rule, and a new cluster rule
// that also recognises "Khối" written without "thi đua").
function extractorV1(a: Article): ExtractionRecord {
  const r = record(a, {}, "v1");
  const name = /Cụm thi đua số (\d+)/.exec(a.text);
  if (name) r.clusters.push(cluster(a, name[0], Number(name[1])));
  for (const m of a.text.matchAll(/quận [A-ZĐ]\p{Ll}+ [A-ZĐ]\p{Ll}+/gu)) r.members.push({ cluster: 0, unit: m[0], prov: at(a, m[0]) });
  return r;
}
function extractorV2(a: Article): ExtractionRecord {
  const r = extractorV1(a);
  r.extractor.version = "v2";
  if (!r.clusters.length && /Khối Nội chính/.test(a.text)) r.clusters.push({ ...cluster(a, "Khối Nội chính", null), kind: "khối" });
  for (const m of a.text.matchAll(/huyện [A-ZĐ]\p{Ll}+ [A-ZĐ]\p{Ll}+/gu)) r.members.push({ cluster: 0, unit: m[0], prov: at(a, m[0]) });
  r.members = r.members.filter((m) => m.unit !== "quận Hoàng Mai");
  return r;
}

describe("reextract", () => {
  it("rebuilds facts from stored text with another extractor and reports what was added and removed per kind", async () => {
    const t = tempDb(); cleanups.push(t.cleanup);
    const texts = [
      article("r1", "Cụm thi đua số 3", `Cụm thi đua số 3 gồm quận Hoàng Mai, quận Long Biên và huyện Gia Lâm Hà. ${filler("r1")}`),
      article("r2", "Khối Nội chính họp", `Khối Nội chính tỉnh tổ chức hội nghị. ${filler("r2")}`),
    ];
    for (const a of texts) storeArticle(t.db, a, extractorV1(a));
    resolve(t.db);
    expect(t.db.prepare("SELECT status FROM articles ORDER BY id").pluck().all()).toEqual(["stored", "skipped"]);
    const rep = await reextract(t.db, { extract: extractorV2 });
    expect(rep.articles).toBe(2);
    expect(rep.byKind.members).toMatchObject({ before: 2, after: 2, added: 1, removed: 1 });
    expect(rep.byKind.clusters).toMatchObject({ before: 1, after: 2, added: 1, removed: 0 });
    expect(rep.nowStored).toBe(1);
    expect(t.db.prepare("SELECT status FROM articles ORDER BY id").pluck().all()).toEqual(["stored", "stored"]);
    expect(t.db.prepare("SELECT DISTINCT extractor_version FROM facts").pluck().all()).toEqual(["v2"]);
    expect(t.db.prepare("SELECT unit FROM v_cluster_members ORDER BY unit").pluck().all()).toEqual(["huyện Gia Lâm", "quận Long Biên"]);
    // entities were resolved again: every member has its canonical unit
    expect(t.db.prepare("SELECT count(*) FROM v_cluster_members WHERE unit_id IS NULL OR cluster_id IS NULL").pluck().get()).toBe(0);
    // the same extractor again changes nothing
    const again = await reextract(t.db, { extract: extractorV2 });
    for (const k of Object.values(again.byKind)) expect([k.added, k.removed]).toEqual([0, 0]);
  });
});
