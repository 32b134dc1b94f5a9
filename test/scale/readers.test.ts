// Readers while the writer works: `thidua query` during an ingest gets consistent answers (a committed
// snapshot: counts only grow, no fact without its article, no story without its source) and never
// "database is locked".
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { runCli, startCli, tempDir, writeCorpus } from "./helpers.js";

const CHECK = `SELECT
  (SELECT count(*) FROM articles) AS articles,
  (SELECT count(*) FROM facts) AS facts,
  (SELECT count(*) FROM facts f LEFT JOIN articles a ON a.id = f.article_id WHERE a.id IS NULL) AS orphan_facts,
  (SELECT count(*) FROM articles a WHERE a.status = 'stored' AND NOT EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.id)) AS sourceless`;

describe("concurrent readers", () => {
  it("queries during an ingest all succeed with consistent, growing answers", async () => {
    const corpus = writeCorpus(400, 9);
    const db = join(tempDir("readers"), "db.sqlite");
    // create the database first so readers never race its creation
    expect(runCli(["ingest", join(corpus, "gen_000000.txt"), "--db", db, "-q"]).status).toBe(0);
    const writer = startCli(["ingest", corpus, "--db", db, "-q", "--batch", "8"]);
    const done = new Promise<number | null>((res) => writer.on("exit", (c) => res(c)));
    let finished = false;
    void done.then(() => { finished = true; });
    const seen: Array<{ articles: number; facts: number; orphan_facts: number; sourceless: number }> = [];
    while (!finished || seen.length < 3) {
      const r = runCli(["query", CHECK, "--db", db, "--json"]);
      expect(r.stderr).not.toMatch(/locked|busy/i);
      expect(r.status).toBe(0);
      seen.push(JSON.parse(r.stdout.trim()));
      if (finished && seen.length >= 3) break;
      await new Promise((r) => setTimeout(r, 20)); // let the writer's exit event through
    }
    expect(await done).toBe(0);
    for (const s of seen) { expect(s.orphan_facts).toBe(0); expect(s.sourceless).toBe(0); }
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.articles).toBeGreaterThanOrEqual(seen[i - 1]!.articles);
      expect(seen[i]!.facts).toBeGreaterThanOrEqual(seen[i - 1]!.facts);
    }
    expect(seen.at(-1)!.articles).toBe(400);
  });
});
