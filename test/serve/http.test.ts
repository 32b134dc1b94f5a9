// HTTP-level tests of `thidua serve` on a small contract-shaped database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import Database from "better-sqlite3";
import { startServer, type ServeHandle } from "../../src/serve/server.js";
import { buildContractDb } from "./contract-db.js";
import { fixtureItems } from "./fixtures.js";

let dir: string;
let dbFile: string;
let srv: ServeHandle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "thidua-serve-"));
  dbFile = join(dir, "kb.sqlite");
  buildContractDb(dbFile, fixtureItems());
  // a fact whose entities are not resolved yet: null ids and canonical names
  const w = new Database(dbFile);
  w.prepare(`INSERT INTO v_cluster_roles (article_id, source, title, published, outlet, fact_id, sentence_index, start, "end", rule, confidence, unit, role, year)
    SELECT id, source, title, published, outlet, 999, 0, 0, 3, 'unresolved', 0.5, 'Cụm', 'phó', NULL FROM articles WHERE source = 'hb-2024.txt'`).run();
  w.close();
  srv = await startServer({ db: dbFile, port: 0 });
});
afterAll(async () => { await srv?.close(); rmSync(dir, { recursive: true, force: true }); });

async function get(path: string): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(srv.url + path);
  return { status: res.status, body: await res.text(), headers: res.headers };
}

function raw(method: string, path: string): Promise<{ status: number; body: string; allow?: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(srv.url + path);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c: string) => { body += c; }).on("end", () => resolve({ status: res.statusCode ?? 0, body, allow: res.headers.allow }));
    });
    req.on("error", reject);
    req.end(method === "POST" ? "q=DELETE FROM articles" : undefined);
  });
}

const articleId = (src: string) => new Database(dbFile, { readonly: true }).prepare("SELECT id FROM articles WHERE source = ?").pluck().get(src) as number;
const clusterId = (n: number) => new Database(dbFile, { readonly: true }).prepare("SELECT id FROM clusters WHERE number = ?").pluck().get(n) as number;

describe("thidua serve pages", () => {
  it("binds to 127.0.0.1 by default", () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("lists clusters with their years and support, and filters them", async () => {
    const all = await get("/clusters");
    expect(all.status).toBe(200);
    expect(all.body).toContain("Cụm thi đua số 3 tỉnh Hòa Bình");
    expect(all.body).toMatch(/data-articles="3" data-outlets="3"/);
    const y2024 = await get("/clusters?year=2024");
    expect(y2024.body).toContain("Cụm thi đua số 3 tỉnh Hòa Bình");
    expect(y2024.body).not.toContain("Khối thi đua &lt;script&gt;");
    const khoi = await get(`/clusters?kind=${encodeURIComponent("khối")}`);
    expect(khoi.body).not.toContain("Cụm thi đua số 3 tỉnh Hòa Bình");
    expect(khoi.body).toContain("Khối thi đua &lt;script&gt;");
    const none = await get(`/clusters?locality=${encodeURIComponent("Hà Giang")}`);
    expect(none.body).toContain("No cluster matches");
  });

  it("shows a cluster: timeline picture, leader and deputy by year, members, commitments, events, support", async () => {
    const { status, body } = await get(`/cluster/${clusterId(3)}`);
    expect(status).toBe(200);
    expect(body).toMatch(/data-articles="2" data-outlets="2"/);
    expect(body).toContain("<svg");
    expect(body.match(/class="cell-leader"/g)).toHaveLength(2); // Sở Tư pháp 2023, Sở Nội vụ 2024
    const roles = body.slice(body.indexOf('class="roles"'), body.indexOf("<h2>Members"));
    expect(roles.indexOf("Sở Tư pháp")).toBeLessThan(roles.indexOf("Sở Y tế"));
    expect(roles).toMatch(/<td>2024<\/td><td>cụm trưởng<\/td><td><a class="unit" href="\/unit\/\d+">Sở Nội vụ<\/a>/);
    expect(body).toContain("hoàn thành xuất sắc nhiệm vụ chính trị được giao");
    expect(body).toContain("signing");
    expect(body).toMatch(new RegExp(`href="/article/${articleId("hb-2023.txt")}#s-\\d+"`));
  });

  it("links every fact to the sentence it came from, and that sentence holds the fact", async () => {
    const cluster = await get(`/cluster/${clusterId(3)}`);
    const link = /<td><a class="unit" href="\/unit\/\d+">Sở Tư pháp<\/a><\/td><td>Sở Tư pháp<\/td><td><a class="src" href="(\/article\/\d+)#s-(\d+)"/.exec(cluster.body);
    expect(link).not.toBeNull();
    const art = await get(link![1]!);
    const sentence = new RegExp(`<span class="s" id="s-${link![2]}"[^>]*>([\\s\\S]*?)</span>`).exec(art.body);
    expect(sentence?.[1]?.replace(/<[^>]+>/g, "")).toContain("Sở Tư pháp được bầu làm Cụm trưởng");
  });

  it("highlights facts in place with kind, rule and confidence on hover", async () => {
    const { body } = await get(`/article/${articleId("hb-2023.txt")}`);
    expect(body).toMatch(/<mark class="f f-roles"[^>]*title="roles: trưởng of Cụm thi đua số 3 tỉnh Hòa Bình \(2023\): Sở Tư pháp · rule role-elected · confidence 0.85[^"]*">/);
    expect(body).toMatch(/<mark class="f f-commitments"[^>]*>hoàn thành xuất sắc nhiệm vụ chính trị được giao<\/mark>/);
    // the text between the marks is the article text, unchanged
    expect(body.replace(/<[^>]+>/g, "")).toContain("Ông Nguyễn Văn An, Giám đốc Sở Tư pháp, phát biểu tại hội nghị.");
    expect(body).toMatch(/data-articles="1" data-outlets="1"/);
  });

  it("shows a unit's clusters, roles and awards, and a person's titles over time", async () => {
    const cl = await get(`/cluster/${clusterId(3)}`);
    const yte = /href="(\/unit\/\d+)">Sở Y tế</.exec(cl.body)![1]!;
    const unit = await get(yte);
    expect(unit.body).toContain("Cờ thi đua của UBND tỉnh");
    expect(unit.body).toMatch(/<td>2024<\/td><td>phó<\/td>/);
    expect(unit.body).toMatch(/Cụm thi đua số 3 tỉnh Hòa Bình<\/a><\/td><td>member, phó<\/td><td>2023, 2024<\/td>/);
    expect(unit.body).toMatch(/data-articles="2" data-outlets="2"/);
    const art = await get(`/article/${articleId("hb-2024.txt")}`);
    const person = /href="(\/person\/\d+)">Nguyễn Văn An</.exec(art.body)![1]!;
    const p = await get(person);
    expect(p.body.indexOf("Giám đốc Sở Tư pháp")).toBeLessThan(p.body.indexOf("Phó Chủ tịch UBND tỉnh"));
    expect(p.body).toMatch(/data-articles="2" data-outlets="2"/);
  });

  it("escapes everything that comes from articles", async () => {
    const id = articleId("evil.html");
    for (const path of [`/article/${id}`, "/clusters", `/cluster/${clusterId(9)}`, `/search?q=${encodeURIComponent("Nông dân")}`]) {
      const { body, status } = await get(path);
      expect(status).toBe(200);
      expect(body).not.toMatch(/<script/i);
      expect(body).not.toContain("<img src=x");
      expect(body).not.toContain("Hội <b>Nông dân</b>");
      if (!path.startsWith("/clusters")) expect(body).toContain("Hội &lt;b&gt;");
    }
    const { body, headers } = await get(`/article/${id}`);
    expect(body).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(body).not.toContain('href="javascript:');
    expect(headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("shows facts whose entities are not resolved yet, as written and unlinked", async () => {
    const { body, status } = await get(`/article/${articleId("hb-2024.txt")}`);
    expect(status).toBe(200);
    expect(body).toContain("phó of a cluster: Cụm · rule unresolved");
    expect(body).not.toMatch(/\/(unit|cluster)\/(null|undefined)/);
    expect(body).not.toContain("null");
  });

  it("links a copy of a story to its primary article, and the primary to its copies", async () => {
    const copy = await get(`/article/${articleId("hb-2023-copy.html")}`);
    expect(copy.body).toContain(`marked <b>duplicate</b>`);
    expect(copy.body).toContain(`<a href="/article/${articleId("hb-2023.txt")}">primary article</a>`);
    expect(copy.body).toContain("No fact was extracted");
    const primary = await get(`/article/${articleId("hb-2023.txt")}`);
    expect(primary.body).toMatch(new RegExp(`also seen as: <a href="/article/${articleId("hb-2023-copy.html")}">[^<]+</a> \\(Báo Tin tức\\) <span class="pill">near-duplicate 92%</span>`));
  });

  it("marks skipped articles and shows no facts for them", async () => {
    const { body } = await get(`/article/${articleId("sport.txt")}`);
    expect(body).toContain("marked <b>skipped</b>");
    expect(body).toContain("No fact was extracted");
  });

  it("answers bad ids and unknown paths with 404 pages", async () => {
    for (const p of ["/cluster/999999", "/unit/abc%ZZ", "/person/0", "/article/1;DROP", "/nowhere", "/cluster/"]) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.body).toContain("Not found");
    }
  });

  it("serves only GET and HEAD", async () => {
    for (const m of ["POST", "PUT", "DELETE", "PATCH"]) {
      const r = await raw(m, "/sql");
      expect(r.status).toBe(405);
      expect(r.allow).toBe("GET, HEAD");
    }
    const head = await raw("HEAD", "/clusters");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });
});

describe("search", () => {
  it("matches without tone marks, with them, and in the old tone placement", async () => {
    const id1 = articleId("hb-2023.txt");
    for (const q of ["hoa binh", "Hòa Bình", "hoà bình", "HOA BINH"]) {
      const r = await get(`/search?q=${encodeURIComponent(q)}`);
      expect(r.body, q).toContain(`href="/article/${id1}"`);
    }
    const toned = await get(`/search?q=${encodeURIComponent("hóa bình")}`); // a different tone: no match
    expect(toned.body).toContain("No article contains");
  });

  it("shows a snippet with the match in bold and a link to the sentence", async () => {
    const r = await get(`/search?q=${encodeURIComponent("giu vai tro")}`);
    expect(r.body).toContain("<b>giữ vai trò</b>");
    expect(r.body).toMatch(new RegExp(`href="/article/${articleId("hb-2024.txt")}#s-\\d+">sentence`));
    expect(r.body).toContain("1 article matches");
  });

  it("shows the sentence that holds most of the words, not just the first match", async () => {
    // "Cụm" is first found in the title; "Cụm phó" only in a later sentence
    const r = await get(`/search?q=${encodeURIComponent("cum pho")}`);
    expect(r.body).toContain("Sở Nội vụ làm <b>Cụm phó</b> năm 2023.");
  });
});

describe("SQL box", () => {
  it("runs a query over the views and offers CSV", async () => {
    const q = "SELECT unit, role, year FROM v_cluster_roles WHERE unit_id IS NOT NULL ORDER BY year, role DESC";
    const r = await get(`/sql?q=${encodeURIComponent(q)}`);
    expect(r.body).toContain("4 rows");
    expect(r.body).toMatch(/<td>Sở Tư pháp<\/td><td>trưởng<\/td><td>2023<\/td>/);
    const csv = await get(`/sql.csv?q=${encodeURIComponent(q)}`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.body.replace(/^\ufeff/, "").split("\r\n").slice(0, 2)).toEqual(["unit,role,year", "Sở Tư pháp,trưởng,2023"]);
  });

  it("refuses writes, ATTACH, PRAGMA and extensions, and changes nothing", async () => {
    const before = new Database(dbFile, { readonly: true }).prepare("SELECT count(*) FROM articles").pluck().get();
    const cases: Array<[string, RegExp]> = [
      ["DELETE FROM articles", /refused/],
      ["WITH x AS (SELECT 1) DELETE FROM articles", /refused/],
      ["UPDATE articles SET title = 'x'", /refused/],
      ["DROP VIEW v_awards", /refused/],
      [`ATTACH DATABASE '${join(dir, "other.sqlite")}' AS o`, /ATTACH/],
      ["PRAGMA writable_schema = ON", /PRAGMA/],
      ["SELECT load_extension('x')", /extension/],
    ];
    for (const [q, msg] of cases) {
      const r = await get(`/sql?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(r.body, q).toMatch(/class="error"/);
      expect(r.body, q).toMatch(msg);
      const csv = await get(`/sql.csv?q=${encodeURIComponent(q)}`);
      expect(csv.status).toBe(400);
    }
    expect(new Database(dbFile, { readonly: true }).prepare("SELECT count(*) FROM articles").pluck().get()).toBe(before);
  });

  it("reports bad SQL as a message, without internals", async () => {
    const r = await get(`/sql?q=${encodeURIComponent("SELEC * FROM nowhere")}`);
    expect(r.body).toMatch(/class="error" role="alert">[^<]*syntax error/);
    expect(r.body).not.toMatch(/\bat .*\.(js|ts):\d+/);
    const missing = await get(`/sql?q=${encodeURIComponent("SELECT * FROM no_such_view")}`);
    expect(missing.body).toContain("no such table: no_such_view");
  });
});

describe("search through the store's full-text index", () => {
  let fts: ServeHandle;
  beforeAll(async () => {
    const file = join(dir, "fts.sqlite");
    buildContractDb(file, fixtureItems(), { fts: true });
    fts = await startServer({ db: file, port: 0 });
  });
  afterAll(async () => { await fts?.close(); });

  it("finds the same articles tone-aware, with a sentence link", async () => {
    const plain = await (await fetch(`${fts.url}/search?q=${encodeURIComponent("giu vai tro")}`)).text();
    expect(plain).not.toContain("no search index");
    expect(plain).toContain("<b>giữ vai trò</b>");
    expect(plain).toMatch(/href="\/article\/\d+#s-\d+">sentence/);
    const toned = await (await fetch(`${fts.url}/search?q=${encodeURIComponent("hóa bình")}`)).text();
    expect(toned).toContain("No article contains");
    const evil = await (await fetch(`${fts.url}/search?q=${encodeURIComponent("script")}`)).text();
    expect(evil).toContain("1 article matches");
    expect(evil).not.toMatch(/<script/i);
  });
});
