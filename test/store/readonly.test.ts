// Readers while a writer holds the database: they wait (bounded) instead of failing.
// The writer runs in a child process, since a waiting reader blocks this thread.
import { afterEach, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { openReadOnly, DatabaseMissingError } from "../../src/store/db.js";
import { migrate } from "../../src/store/migrate.js";
import { CORE_MIGRATIONS } from "../../src/store/schema.js";

const DB_JS = resolve("dist/store/db.js");
let dir: string;
let child: ChildProcess | null = null;
afterEach(() => { child?.kill(); child = null; rmSync(dir, { recursive: true, force: true }); });

/** Runs `code` (ES module, `openDb` and `Database` in scope, `path` the database) in a child; resolves when it prints `line`. */
function writer(path: string, code: string, line: string): Promise<void> {
  const src = `import Database from "better-sqlite3"; const { openDb } = await import(${JSON.stringify(DB_JS)}); const path = ${JSON.stringify(path)};\n${code}`;
  child = spawn(process.execPath, ["--input-type=module", "-e", src], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((ok, fail) => {
    let out = "";
    child!.stdout!.on("data", (d: Buffer) => { out += d.toString(); if (out.includes(line)) ok(); });
    child!.on("exit", (c) => fail(new Error(`writer exited (${c}) before "${line}"`)));
  });
}

const latest = Math.max(...CORE_MIGRATIONS.map((m) => m.version));

describe("openReadOnly while a writer holds the database", () => {
  it("waits while the writer holds an exclusive lock, then reads", async () => {
    dir = mkdtempSync(join(tmpdir(), "thidua-ro-"));
    const path = join(dir, "t.sqlite");
    await writer(path, `openDb(path).close(); const db = new Database(path); db.pragma("locking_mode = EXCLUSIVE");
      db.exec("BEGIN EXCLUSIVE; INSERT INTO resolve_state VALUES ('x', 1); COMMIT"); console.log("locked"); setTimeout(() => db.close(), 600);`, "locked");
    // the lock outlasts a tiny wait: a clear error naming the file and the knob
    expect(() => openReadOnly(path, 0)).toThrow(/t\.sqlite: cannot open the database: database is locked \(still busy after 0 s; set THIDUA_BUSY_TIMEOUT_MS/);
    const db = openReadOnly(path, 10_000);
    expect(db.prepare("SELECT count(*) FROM articles").pluck().get()).toBe(0);
    db.close();
  });

  it("waits for a database the writer is creating (an empty file for now), instead of calling it foreign", async () => {
    dir = mkdtempSync(join(tmpdir(), "thidua-ro-"));
    const path = join(dir, "t.sqlite");
    closeSync(openSync(path, "w"));
    await writer(path, `console.log("started"); setTimeout(() => openDb(path).close(), 400);`, "started");
    const db = openReadOnly(path, 10_000);
    expect(db.prepare("SELECT max(version) FROM schema_migrations").pluck().get()).toBe(latest);
    db.close();
  });

  it("waits for a migration the writer is running, so the views a query names exist", async () => {
    dir = mkdtempSync(join(tmpdir(), "thidua-ro-"));
    const path = join(dir, "t.sqlite");
    const old = new Database(path);
    migrate(old, "core", CORE_MIGRATIONS.slice(0, 1)); // tables, no views yet
    old.close();
    await writer(path, `console.log("started"); setTimeout(() => openDb(path).close(), 400);`, "started");
    const db = openReadOnly(path, 10_000);
    expect(db.prepare("SELECT count(*) FROM v_cluster_members").pluck().get()).toBe(0);
    db.close();
  });

  it("reads an old database as it is when no writer is about, and refuses a foreign one at once", () => {
    dir = mkdtempSync(join(tmpdir(), "thidua-ro-"));
    const path = join(dir, "old.sqlite");
    const old = new Database(path);
    migrate(old, "core", CORE_MIGRATIONS.slice(0, 1));
    old.close();
    const past = new Date(Date.now() - 60_000);
    utimesSync(path, past, past);
    const db = openReadOnly(path, 60_000);
    expect(db.prepare("SELECT count(*) FROM articles").pluck().get()).toBe(0);
    db.close();
    const foreign = join(dir, "foreign.sqlite");
    const f = new Database(foreign);
    f.exec("CREATE TABLE t (x)");
    f.close();
    utimesSync(foreign, past, past);
    expect(() => openReadOnly(foreign, 60_000)).toThrow(DatabaseMissingError);
    expect(() => openReadOnly(foreign, 60_000)).toThrow(/foreign\.sqlite: not a thidua database/);
    writeFileSync(join(dir, "text.sqlite"), "not a database at all, just some text that is long enough to have a header");
    expect(() => openReadOnly(join(dir, "text.sqlite"), 60_000)).toThrow(/text\.sqlite: cannot open the database: file is not a database/);
  });
});
