// The read-only SQL box on its own: refusals, results, a runaway query stopped, CSV.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { refusal, runReadOnlySql, toCsv } from "../../src/serve/sql.js";

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "thidua-sql-"));
  db = join(dir, "t.sqlite");
  const d = new Database(db);
  d.exec("CREATE TABLE t (a TEXT, b INTEGER); INSERT INTO t VALUES ('Sở Y tế, \"Hòa Bình\"', 1), ('x', NULL)");
  d.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("read-only SQL", () => {
  it("refuses what is not a read, but not words inside strings or reading pragmas", async () => {
    expect(refusal("")).toMatch(/type a query/);
    expect(refusal("-- nothing\n")).toMatch(/type a query/);
    const refused: Array<[string, RegExp]> = [
      [`attach '${join(dir, "x.sqlite")}' as y`, /ATTACH/], ["detach y", /DETACH/], ["pragma writable_schema = 1", /PRAGMA writable_schema/],
      ["insert into t values (1, 2)", /would change the database/], ["vacuum", /VACUUM/], ["SELECT load_extension('x')", /load_extension/],
      ["BEGIN", /returns no rows/],
    ];
    for (const [q, msg] of refused) expect(await runReadOnlySql(db, q), q).toEqual({ error: expect.stringMatching(msg) });
    expect(await runReadOnlySql(db, "SELECT 'attach detach pragma' AS x -- attach\n")).toEqual({ columns: ["x"], rows: [["attach detach pragma"]], truncated: false });
    expect(await runReadOnlySql(db, "pragma table_info(t)")).toMatchObject({ columns: expect.arrayContaining(["name", "type"]) });
  });

  it("returns columns and rows, limited", async () => {
    const r = await runReadOnlySql(db, "SELECT a, b FROM t ORDER BY b IS NULL, b", { maxRows: 1 });
    expect(r).toEqual({ columns: ["a", "b"], rows: [['Sở Y tế, "Hòa Bình"', 1]], truncated: true });
  });

  it("refuses writes hidden behind WITH, and leaves the file unchanged", async () => {
    const r = await runReadOnlySql(db, "WITH x AS (SELECT 1) DELETE FROM t");
    expect(r).toEqual({ error: expect.stringMatching(/^refused: the statement would change the database/) });
    expect(new Database(db, { readonly: true }).prepare("SELECT count(*) FROM t").pluck().get()).toBe(2);
  });

  it("stops a query that would run for ever", async () => {
    const r = await runReadOnlySql(db, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c", { timeoutMs: 300 });
    expect(r).toEqual({ error: "the query ran longer than 0.3 s and was stopped" });
  });

  it("writes CSV that quotes commas, quotes and line breaks", () => {
    expect(toCsv({ columns: ["a", "b"], rows: [['x, "y"', null], ["l1\nl2", 3]], truncated: false })).toBe('\ufeffa,b\r\n"x, ""y""",\r\n"l1\nl2",3\r\n');
  });
});
