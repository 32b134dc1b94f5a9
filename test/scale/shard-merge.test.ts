// Scale-out: --shard i/n splits the inputs into disjoint, complete parts; merge combines the shard
// databases into one that says what a single run says, and merging again adds nothing.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { dump, runCli, tempDir, writeCorpus } from "./helpers.js";

describe("--shard and merge", () => {
  it("three shards merged equal one run; a second merge stores nothing twice", () => {
    const corpus = writeCorpus(60, 5);
    const work = tempDir("shard");
    const whole = join(work, "whole.sqlite");
    expect(runCli(["ingest", corpus, "--db", whole, "-q"]).status).toBe(0);
    const shards = [0, 1, 2].map((i) => join(work, `shard${i}.sqlite`));
    shards.forEach((db, i) => expect(runCli(["ingest", corpus, "--shard", `${i}/3`, "--db", db, "-q"]).status).toBe(0));
    const parts = shards.map((db) => dump(db).articles);
    expect(parts.flat().sort()).toEqual(dump(whole).articles); // disjoint and complete
    parts.forEach((p) => expect(p.length).toBeGreaterThan(0));

    const merged = join(work, "merged.sqlite");
    expect(runCli(["merge", "--db", merged, ...shards]).status).toBe(0);
    const again = runCli(["merge", "--db", merged, ...shards]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/ 0 stored/);
    const m = dump(merged), w = dump(whole);
    expect(m.integrity).toBe("ok");
    expect(m.articles).toEqual(w.articles);
    // same facts, same provenance (fact ids differ, contents do not)
    expect(m.facts).toEqual(w.facts);
  });

  it("rejects a malformed --shard with a usage message", () => {
    const r = runCli(["ingest", "corpus/seeds", "--shard", "3/2", "--db", join(tempDir("bad"), "x.sqlite")]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/shard/);
  });
});
