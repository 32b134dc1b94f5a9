// `thidua serve` as a command: listens on 127.0.0.1, refuses a missing database and a bad port.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { buildContractDb } from "./contract-db.js";
import { fixtureItems } from "./fixtures.js";

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), "thidua-serve-cli-")); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("thidua serve (command line)", () => {
  it("serves a database on 127.0.0.1 and stops on SIGTERM", async () => {
    const db = join(dir, "kb.sqlite");
    buildContractDb(db, fixtureItems());
    const child = spawn(process.execPath, ["bin/thidua.js", "serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (c: string) => { out += c; const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out); if (m) resolve(m[1]!); });
      child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const res = await fetch(`${url}/clusters`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Cụm thi đua số 3 tỉnh Hòa Bình");
    const code = await new Promise<number | null>((resolve) => { child.on("exit", resolve); child.kill("SIGTERM"); });
    expect(code).toBe(0);
  });

  it("exits 3 naming a database that does not exist", () => {
    const missing = join(dir, "nope.sqlite");
    const r = spawnSync(process.execPath, ["bin/thidua.js", "serve", "--db", missing, "--port", "0"], { encoding: "utf8" });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`${missing}: no such database`);
  });

  it("exits 2 on a bad port", () => {
    const r = spawnSync(process.execPath, ["bin/thidua.js", "serve", "--port", "http"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--port http: not a port number");
  });

  it("says which views a database lacks instead of failing", async () => {
    const db = join(dir, "bare.sqlite");
    new Database(db).exec("CREATE TABLE articles (id INTEGER PRIMARY KEY, text TEXT)");
    const child = spawn(process.execPath, ["bin/thidua.js", "serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (c: string) => { err += c; });
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (c: string) => { out += c; const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out); if (m) resolve(m[1]!); });
      child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const res = await fetch(`${url}/clusters`);
    const body = await res.text();
    child.kill("SIGTERM");
    expect(res.status).toBe(500);
    expect(body).toContain("no such table: clusters");
    expect(body).not.toMatch(/\.js:\d+/);
    expect(err).toContain("lacks clusters, units, persons");
  });
});
