// Every page of the bundled corpus renders: each cluster, unit, person and article of a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { startServer, type ServeHandle } from "../../src/serve/server.js";
import { corpusDb } from "./corpus-db.js";

let dir: string;
let db: string;
let srv: ServeHandle;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "thidua-corpus-"));
  db = join(dir, "corpus.sqlite");
  await corpusDb(db);
  srv = await startServer({ db, port: 0 });
});
afterAll(async () => { await srv?.close(); rmSync(dir, { recursive: true, force: true }); });

describe("the bundled corpus in thidua serve", () => {
  it("renders every entity and article page, with the article counts it claims", async () => {
    const ro = new Database(db, { readonly: true });
    const ids = (t: string) => ro.prepare(`SELECT id FROM ${t}`).pluck().all() as number[];
    const pages = [
      ...ids("clusters").map((i) => `/cluster/${i}`), ...ids("units").map((i) => `/unit/${i}`),
      ...ids("persons").map((i) => `/person/${i}`), ...ids("articles").map((i) => `/article/${i}`),
    ];
    // a cluster page rests on every fact that names the cluster, mentions included when the store has them
    const mentions = ro.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'v_clusters'").get() ? "UNION ALL SELECT cluster_id, article_id FROM v_clusters" : "";
    const clusterArticles = new Map(ro.prepare(`SELECT cluster_id, count(DISTINCT article_id) FROM (
      SELECT cluster_id, article_id FROM v_cluster_members UNION ALL SELECT cluster_id, article_id FROM v_cluster_roles
      UNION ALL SELECT cluster_id, article_id FROM v_commitments UNION ALL SELECT cluster_id, article_id FROM v_events ${mentions})
      WHERE cluster_id IS NOT NULL GROUP BY cluster_id`).raw().all() as Array<[number, number]>);
    ro.close();
    expect(pages.length).toBeGreaterThan(20);
    for (const p of pages) {
      const res = await fetch(srv.url + p);
      const body = await res.text();
      expect(res.status, p).toBe(200);
      expect(body, p).toMatch(/class="support" data-articles="\d+"/);
      expect(body, p).not.toMatch(/href="\/(unit|cluster|person|article)\/(null|undefined)"/);
      const m = /^\/cluster\/(\d+)$/.exec(p);
      if (m) expect(body, p).toContain(`data-articles="${clusterArticles.get(Number(m[1])) ?? 0}"`);
    }
  });

  it("lists the clusters with a total that matches the database", async () => {
    const ro = new Database(db, { readonly: true });
    const n = ro.prepare("SELECT count(*) FROM clusters").pluck().get() as number;
    ro.close();
    const body = await (await fetch(`${srv.url}/clusters`)).text();
    expect(body).toContain(`— ${n} clusters.`);
    expect(body.match(/<a href="\/cluster\/\d+">/g)).toHaveLength(n);
  });
});
