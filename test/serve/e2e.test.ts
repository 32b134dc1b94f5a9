// End-to-end in headless Chromium: the bundled corpus, from a cluster to its leader to the source
// sentence, a search, a SQL query, and a screenshot of the cluster page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startServer, type ServeHandle } from "../../src/serve/server.js";
import { corpusDb } from "./corpus-db.js";

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`e2e tests of thidua serve skipped: ${CHROMIUM} is missing (run scripts/ensure-chromium.sh)`);

let dir: string;
let srv: ServeHandle;
let ctx: BrowserContext;
let page: Page;
let how: string;
let target: { cluster_id: number; cluster: string; unit: string; unit_canonical: string };

describe.skipIf(!haveChromium)("thidua serve in Chromium", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "thidua-e2e-"));
    const db = join(dir, "corpus.sqlite");
    how = await corpusDb(db);
    console.log(`e2e: corpus database built by ${how === "ingest" ? "thidua ingest" : "the reader and extract() (the store has not filled the views)"}`);
    const ro = new Database(db, { readonly: true });
    // the cluster with the most known leaders and deputies
    target = ro.prepare(`SELECT cluster_id, cluster, unit, unit_canonical FROM v_cluster_roles WHERE role = 'trưởng'
      AND cluster_id = (SELECT cluster_id FROM v_cluster_roles GROUP BY cluster_id ORDER BY count(*) DESC, cluster_id LIMIT 1) LIMIT 1`).get() as typeof target;
    ro.close();
    srv = await startServer({ db, port: 0 });
    ctx = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: CHROMIUM, headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
      viewport: { width: 1280, height: 900 },
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
  });
  afterAll(async () => { await ctx?.close(); await srv?.close(); if (dir) rmSync(dir, { recursive: true, force: true }); });

  it("goes from a cluster to its leader to the sentence that says so", async () => {
    expect(target, `the corpus database (${how}) has a cluster with a leader`).toBeTruthy();
    await page.goto(`${srv.url}/clusters`);
    await page.getByRole("link", { name: target.cluster, exact: true }).first().click();
    await expect.poll(() => page.url()).toContain(`/cluster/${target.cluster_id}`);
    expect(await page.locator("h1").textContent()).toBe(target.cluster);
    expect(await page.locator(".timeline svg rect.cell-leader").count()).toBeGreaterThan(0);
    await page.locator('table.roles tr[data-role="trưởng"] a.unit').first().click();
    await expect.poll(() => page.url()).toMatch(/\/unit\/\w+$/);
    expect(await page.locator("h1").textContent()).toBe(target.unit_canonical);
    await page.locator('table.roles tr[data-role="trưởng"] a.src').first().click();
    await expect.poll(() => page.url()).toMatch(/\/article\/\w+#s-\d+$/);
    const sentence = page.locator(".s:target");
    expect(await sentence.count()).toBe(1);
    expect(await sentence.textContent()).toContain(target.unit);
    const title = await sentence.locator("mark.f-roles").first().getAttribute("title");
    expect(title).toMatch(/^roles: .* · rule \S+ · confidence [\d.]+/);
  });

  it("finds articles by words typed without tone marks", async () => {
    await page.goto(`${srv.url}/clusters`);
    await page.fill("header input[name=q]", "cum thi dua");
    await page.press("header input[name=q]", "Enter");
    await expect.poll(() => page.url()).toContain("/search?q=cum+thi+dua");
    const hits = page.locator("li.hit");
    expect(await hits.count()).toBeGreaterThan(1);
    expect((await hits.first().locator(".snippet b").first().textContent())?.toLowerCase()).toMatch(/^cụm thi đua/);
    await hits.first().locator("a.src").click();
    await expect.poll(() => page.url()).toMatch(/#s-\d+$/);
    expect((await page.locator(".s:target").textContent())?.toLowerCase()).toContain("cụm thi đua");
  });

  it("runs a SQL query and refuses a write", async () => {
    await page.goto(`${srv.url}/sql`);
    await page.fill("textarea[name=q]", "SELECT cluster, count(*) AS n FROM v_cluster_members GROUP BY cluster ORDER BY n DESC");
    await page.click("form.sql button");
    expect(await page.locator("table.result th").allTextContents()).toEqual(["cluster", "n"]);
    expect(await page.locator("table.result tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("a.csv").getAttribute("href")).toMatch(/^\/sql\.csv\?q=/);
    await page.fill("textarea[name=q]", "DELETE FROM articles");
    await page.click("form.sql button");
    expect(await page.locator("[role=alert]").textContent()).toContain("refused");
  });

  it("takes a screenshot of the cluster page", async () => {
    await page.goto(`${srv.url}/cluster/${target.cluster_id}`);
    const shot = join(dir, "cluster.png");
    await page.screenshot({ path: shot, fullPage: false });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    // THIDUA_SCREENSHOT=docs/cluster.png refreshes the picture in the docs
    const keep = process.env.THIDUA_SCREENSHOT;
    if (keep) { mkdirSync(dirname(keep), { recursive: true }); copyFileSync(shot, keep); }
  });
});
