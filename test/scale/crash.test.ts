// Crash safety: kill `thidua ingest` with SIGKILL at random points, run it again, and the database is
// intact, holds every article exactly once and the same facts as an uninterrupted run.
// THIDUA_CRASH_N (articles, default 240) and THIDUA_CRASH_KILLS (default 3) make it longer.
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { dump, runCli, startCli, tempDir, writeCorpus } from "./helpers.js";

const N = Number(process.env.THIDUA_CRASH_N ?? 240);
const KILLS = Number(process.env.THIDUA_CRASH_KILLS ?? 3);

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe("ingest survives kill -9", () => {
  it(`${N} articles, ${KILLS} kills at random points, then a full run: same database as an uninterrupted run`, async () => {
    const corpus = writeCorpus(N);
    const work = tempDir("crash");
    const reference = join(work, "reference.sqlite");
    const crashed = join(work, "crashed.sqlite");
    expect(runCli(["ingest", corpus, "--db", reference, "-q", "--batch", "16"]).status).toBe(0);

    const rand = lcg(Number(process.env.THIDUA_CRASH_SEED ?? Date.now() % 100000));
    let killedMidway = 0;
    for (let k = 0; k < KILLS; k++) {
      const child = startCli(["ingest", corpus, "--db", crashed, "-q", "--batch", "16"]);
      const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
      // wait until the child has started writing (its database exists), then kill it at a random point
      for (let waited = 0; !existsSync(crashed) && child.exitCode === null && waited < 20_000; waited += 25) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 50 + rand() * 900));
      const wasRunning = child.exitCode === null;
      child.kill("SIGKILL");
      await exited;
      if (wasRunning) killedMidway++;
      if (!existsSync(crashed)) continue; // killed before its first write: nothing stored is a valid state
      const mid = dump(crashed);
      expect(mid.integrity).toBe("ok");
      expect(mid.duplicateHashes).toBe(0);
    }
    expect(runCli(["ingest", corpus, "--db", crashed, "-q", "--batch", "16"]).status).toBe(0);

    const ref = dump(reference), got = dump(crashed);
    expect(got.integrity).toBe("ok");
    expect(got.duplicateHashes).toBe(0);
    expect(got.articles).toEqual(ref.articles);
    expect(got.sources).toBe(N); // every input file recorded once, as a story or as a source of one
    expect(got.facts).toEqual(ref.facts);
    expect(killedMidway).toBeGreaterThan(0); // the test really interrupted something
  });
});
