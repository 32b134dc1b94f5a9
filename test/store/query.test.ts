import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { storeArticle } from "../../src/store/write.js";
import { resolve } from "../../src/store/resolve.js";
import { openReadOnly } from "../../src/store/db.js";
import { prepareReadOnly, RefusedError, registerQueryFunctions } from "../../src/store/readonly.js";
import { loadSavedQueries, bindings } from "../../src/store/saved.js";
import { article, at, cluster, filler, record, tempDb } from "./helpers.js";

let t: ReturnType<typeof tempDb>;
beforeAll(() => {
  t = tempDb();
  const a = article("q1.txt", "Cụm thi đua số 1 ký kết", `Cụm thi đua số 1 MTTQ thành phố Hà Nội (MTTQ quận Đống Đa làm cụm trưởng). ${filler("q1")}`, { outlet: "HNM" });
  storeArticle(t.db, a, record(a, {
    clusters: [cluster(a, "Cụm thi đua số 1 MTTQ thành phố Hà Nội", 1)],
    roles: [{ cluster: 0, unit: "MTTQ quận Đống Đa", role: "trưởng", year: 2020, prov: at(a, "MTTQ quận Đống Đa") }],
  }));
  resolve(t.db);
  t.db.close();
});
afterAll(() => t.cleanup());

const cli = (...args: string[]) => spawnSync(process.execPath, ["bin/thidua.js", ...args], { encoding: "utf8", env: { ...process.env, THIDUA_DB: t.path } });
const built = existsSync("dist/cli.js");

describe("read-only query paths", () => {
  const refused = [
    "INSERT INTO clusters (key, kind, name) VALUES ('x', 'cụm', 'x')",
    "UPDATE articles SET title = 'x'",
    "DELETE FROM facts",
    "DROP TABLE articles",
    "CREATE TABLE x (a)",
    "ATTACH DATABASE '/tmp/other.sqlite' AS other",
    "SELECT load_extension('/tmp/evil.so')",
    "PRAGMA journal_mode = DELETE",
    "PRAGMA writable_schema",
    "VACUUM INTO '/tmp/copy.sqlite'",
    "WITH x AS (SELECT 1) DELETE FROM articles",
  ];
  for (const sql of refused) {
    it(`refuses: ${sql}`, () => {
      const db = openReadOnly(t.path);
      try { expect(() => prepareReadOnly(db, sql)).toThrow(RefusedError); } finally { db.close(); }
    });
  }

  it("refuses a second statement hidden after the first (SQL error, nothing runs)", () => {
    const db = openReadOnly(t.path);
    try { expect(() => prepareReadOnly(db, "SELECT 1; DROP TABLE articles")).toThrow(/more than one statement/); } finally { db.close(); }
  });

  it("allows reads, including read-only pragmas and comments that mention ATTACH in a string", () => {
    const db = openReadOnly(t.path);
    try {
      expect(prepareReadOnly(db, "SELECT count(*) AS n FROM v_cluster_roles").get()).toEqual({ n: 1 });
      expect(prepareReadOnly(db, "PRAGMA table_info(articles)").all().length).toBeGreaterThan(5);
      expect(prepareReadOnly(db, "SELECT 'attach database' AS s").get()).toEqual({ s: "attach database" });
    } finally { db.close(); }
  });

  it("saved queries are data: every one parses and runs read-only", () => {
    const db = openReadOnly(t.path);
    registerQueryFunctions(db);
    try {
      const saved = loadSavedQueries();
      expect(saved.map((q) => q.name)).toEqual(expect.arrayContaining(["roles", "members", "person", "timeline", "awards"]));
      for (const q of saved) expect(() => prepareReadOnly(db, q.sql).all(bindings(q.sql, {}))).not.toThrow();
      const roles = saved.find((q) => q.name === "roles")!;
      expect(prepareReadOnly(db, roles.sql).all(bindings(roles.sql, { cluster: "so 1" }))).toHaveLength(1);
      expect(prepareReadOnly(db, roles.sql).all(bindings(roles.sql, { cluster: "số 9" }))).toHaveLength(0);
    } finally { db.close(); }
  });
});

describe.skipIf(!built)("thidua query (command line)", () => {
  it("refuses a write with exit code 2 and a clear message", () => {
    const r = cli("query", "DELETE FROM articles");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/refused: .*read-only/);
  });
  it("refuses ATTACH and load_extension with exit code 2", () => {
    expect(cli("query", "ATTACH 'x.sqlite' AS x").status).toBe(2);
    expect(cli("query", "SELECT load_extension('x')").status).toBe(2);
  });
  it("a missing database is exit 3", () => {
    const r = spawnSync(process.execPath, ["bin/thidua.js", "query", "SELECT 1", "--db", "/nonexistent/x.sqlite"], { encoding: "utf8" });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no such database/);
  });
  it("prints a table, CSV or JSON lines", () => {
    const table = cli("query", "SELECT role, unit_canonical FROM v_cluster_roles");
    expect(table.stdout).toMatch(/role\s+unit_canonical\n-+\s+-+\ntrưởng\s+Mặt trận Tổ quốc quận Đống Đa/);
    expect(cli("query", "SELECT role, year FROM v_cluster_roles", "--csv").stdout).toBe("role,year\ntrưởng,2020\n");
    expect(JSON.parse(cli("query", "SELECT role, year FROM v_cluster_roles", "--json").stdout)).toEqual({ role: "trưởng", year: 2020 });
  });
  it("runs a saved query by name with its options", () => {
    const r = cli("query", "roles", "--cluster", "số 1", "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout.trim().split("\n")[0]!)).toMatchObject({ role: "trưởng", year: 2020 });
  });
  it("exports a view as CSV or JSON lines, refuses a write, writes Datasette metadata", () => {
    expect(cli("export", "v_cluster_roles", "--csv").stdout.split("\n")[0]).toMatch(/^article_id,source,url,title,published,outlet,fact_id,/);
    expect(JSON.parse(cli("export", "SELECT role FROM v_cluster_roles", "--jsonl").stdout)).toEqual({ role: "trưởng" });
    expect(cli("export", "DELETE FROM facts").status).toBe(2);
    expect(cli("export", "no_such_view").status).toBe(2);
    const meta = JSON.parse(cli("export", "--datasette-metadata").stdout) as { databases: Record<string, { tables: Record<string, { description: string; columns?: Record<string, string> }> }> };
    const tables = Object.values(meta.databases)[0]!.tables;
    expect(tables.v_cluster_members!.columns!.unit_canonical).toMatch(/Canonical unit/);
    expect(tables.articles!.description).toMatch(/skipped/);
  });
});
