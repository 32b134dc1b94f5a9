import { describe, it, expect, afterEach } from "vitest";
import { storeArticle, countFacts, reviseArticle } from "../../src/store/write.js";
import { resolve } from "../../src/store/resolve.js";
import { article, at, cluster, filler, record, tempDb } from "./helpers.js";

let cleanups: Array<() => void> = [];
afterEach(() => { for (const c of cleanups) c(); cleanups = []; });
function db() { const t = tempDb(); cleanups.push(t.cleanup); return t.db; }

const tableCounts = (d: ReturnType<typeof db>) => Object.fromEntries(["articles", "article_sources", "facts", "fact_members", "lsh_buckets", "minhash", "search_index"].map((t) => [t, (d.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number)]));

function story(source: string, extraText = "", meta = {}) {
  const body = `Chiều 5/2, Cụm thi đua số 1 của Ủy ban MTTQ thành phố Hà Nội gồm 06 quận: Đống Đa, Hoàn Kiếm, Ba Đình, Hai Bà Trưng, Hoàng Mai và Long Biên đã ký giao ước thi đua năm 2020. ${filler("story-1")} ${extraText}`;
  const a = article(source, "Ký giao ước thi đua Cụm số 1", body, meta);
  const rec = record(a, {
    clusters: [cluster(a, "Cụm thi đua số 1 của Ủy ban MTTQ thành phố Hà Nội", 1, { locality: "Hà Nội", system: "MTTQ" })],
    members: [{ cluster: 0, unit: "quận Đống Đa", prov: at(a, "Đống Đa") }, { cluster: 0, unit: "quận Hoàn Kiếm", prov: at(a, "Hoàn Kiếm") }],
  });
  return { a, rec };
}

describe("storeArticle", () => {
  it("stores the article, its raw page, and every fact with its provenance and the extractor version", () => {
    const d = db();
    const { a, rec } = story("a.html", "", { raw: "<html>…</html>", format: "html" });
    const r = storeArticle(d, a, rec);
    expect(r.status).toBe("stored");
    const row = d.prepare("SELECT text, raw, status, body_hash FROM articles WHERE id = ?").get(r.articleId) as Record<string, string>;
    expect(row.text).toBe(a.text);
    expect(row.raw).toBe("<html>…</html>");
    expect(row.body_hash).toMatch(/^[0-9a-f]{64}$/);
    const facts = d.prepare(`SELECT kind, start, "end", rule, extractor_version FROM facts ORDER BY id`).all() as Array<Record<string, unknown>>;
    expect(facts).toHaveLength(3);
    for (const f of facts) expect(f.extractor_version).toBe("test-1");
    const m = facts.find((f) => f.kind === "members")!;
    expect(a.text.slice(m.start as number, m.end as number)).toBe("Đống Đa");
    expect(countFacts(d)).toMatchObject({ clusters: 1, members: 2, roles: 0 });
  });

  it("changes nothing when the same article is ingested again", () => {
    const d = db();
    const { a, rec } = story("a.txt");
    storeArticle(d, a, rec);
    resolve(d);
    const before = tableCounts(d);
    const again = storeArticle(d, a, rec);
    resolve(d);
    expect(again.status).toBe("duplicate");
    expect(tableCounts(d)).toEqual(before);
  });

  it("treats the same body (tone placement and spacing aside) from another source as one story with two sources", () => {
    const d = db();
    const { a, rec } = story("site-a.txt", "Đại diện xã Hòa Lạc dự.", { outlet: "A" });
    const first = storeArticle(d, a, rec);
    const copyText = a.text.replace("Hòa", "Hoà").replace(/ /g, "  ");
    expect(copyText).toContain("Hoà  Lạc");
    const b = { ...a, source: "site-b.txt", outlet: "B", text: copyText, bodyStart: copyText.indexOf("\n\n") + 2 };
    const second = storeArticle(d, b, rec);
    expect(second).toMatchObject({ status: "duplicate", articleId: first.articleId });
    expect(d.prepare("SELECT count(*) FROM articles").pluck().get()).toBe(1);
    expect(d.prepare("SELECT source FROM article_sources ORDER BY id").pluck().all()).toEqual(["site-a.txt", "site-b.txt"]);
    resolve(d);
    // counted once, but both outlets support the fact
    const rows = d.prepare("SELECT fact_articles, fact_outlets FROM v_cluster_members").all();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ fact_articles: 1, fact_outlets: 2 });
  });

  it("links a syndicated, lightly edited copy as a near-duplicate: kept as a source, no facts of its own", () => {
    const d = db();
    const { a, rec } = story("site-a.txt");
    storeArticle(d, a, rec);
    const edited = a.text.replace("đã ký giao ước", "vừa ký kết giao ước") + " Tin: Phương Anh.";
    const b = { ...a, source: "site-b.txt", text: edited, title: "Cụm thi đua số 1 ký giao ước" };
    const r = storeArticle(d, b, { ...rec, source: "site-b.txt" });
    expect(r.status).toBe("near-duplicate");
    expect(d.prepare("SELECT status, duplicate_of FROM articles WHERE source = 'site-b.txt'").get()).toEqual({ status: "duplicate", duplicate_of: 1 });
    expect(d.prepare("SELECT how FROM article_sources WHERE article_id = 1 ORDER BY id").pluck().all()).toEqual(["primary", "near-duplicate"]);
    resolve(d);
    expect(d.prepare("SELECT count(*) FROM v_cluster_members").pluck().get()).toBe(2);
  });

  it("keeps a different story about the same cluster as its own article", () => {
    const d = db();
    const { a, rec } = story("a.txt");
    storeArticle(d, a, rec);
    const other = article("b.txt", "Tổng kết Cụm thi đua số 1", `Cụm thi đua số 1 tổng kết năm 2020. ${filler("another story entirely")}`);
    expect(storeArticle(d, other, record(other, { clusters: [cluster(other, "Cụm thi đua số 1", 1)] })).status).toBe("stored");
  });

  it("revises a story when its canonical URL comes back with another body: one article, the new facts, the old text kept", () => {
    const d = db();
    const { a, rec } = story("x1.html", "", { url: "https://example.vn/tin/cum-1.html?utm_source=fb" });
    const first = storeArticle(d, a, rec);
    resolve(d);
    const text = `${a.text} Cập nhật: quận Ba Đình là Cụm trưởng năm 2020. ${filler("update", 200)}`;
    const b = { ...a, source: "x2.html", url: "https://EXAMPLE.vn/tin/cum-1.html#top", text, published: "2020-02-07" };
    const newRec = record(b, {
      clusters: [cluster(b, "Cụm thi đua số 1 của Ủy ban MTTQ thành phố Hà Nội", 1, { locality: "Hà Nội", system: "MTTQ" })],
      members: [{ cluster: 0, unit: "quận Ba Đình", prov: at(b, "Ba Đình") }],
      roles: [{ cluster: 0, unit: "quận Ba Đình", role: "trưởng", year: 2020, prov: at(b, "quận Ba Đình là Cụm trưởng") }],
    }, "test-2");
    const r = storeArticle(d, b, newRec);
    expect(r).toMatchObject({ status: "stored", articleId: first.articleId, revised: true });
    expect(r.counts).toMatchObject({ clusters: 1, members: 1, roles: 1 });
    expect(d.prepare("SELECT count(*) FROM articles").pluck().get()).toBe(1);
    const row = d.prepare("SELECT text, published, extractor_version, source FROM articles").get();
    expect(row).toEqual({ text, published: "2020-02-07", extractor_version: "test-2", source: "x2.html" });
    expect(d.prepare("SELECT article_id, text, extractor_version FROM article_revisions").all()).toEqual([{ article_id: first.articleId, text: a.text, extractor_version: "test-1" }]);
    // the new facts, waiting for resolution, then resolved; the old ones gone
    expect(d.prepare("SELECT count(*) FROM facts WHERE resolved = 0").pluck().get()).toBe(3);
    resolve(d);
    expect(d.prepare("SELECT unit FROM v_cluster_members").pluck().all()).toEqual(["quận Ba Đình"]);
    expect(d.prepare("SELECT unit, role FROM v_cluster_roles").all()).toEqual([{ unit: "quận Ba Đình", role: "trưởng" }]);
    // the index and the near-duplicate signature follow the new text
    expect(d.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH 'body_folded : \"cap nhat\"'").pluck().get()).toBe(1);
    expect(tableCounts(d)).toMatchObject({ articles: 1, minhash: 1, lsh_buckets: 16, search_index: 2 });
    expect(d.prepare("SELECT how FROM article_sources ORDER BY id").pluck().all()).toEqual(["primary", "same-url"]);
    // the old file read again changes nothing (it is an earlier text, not a newer one)
    expect(storeArticle(d, a, rec)).toMatchObject({ status: "duplicate", articleId: first.articleId });
    expect(d.prepare("SELECT text FROM articles").pluck().get()).toBe(text);
  });

  it("keeps a same-URL body from an earlier publication as a copy of the story, not a revision", () => {
    const d = db();
    const { a, rec } = story("new.html", "Bản cập nhật.", { url: "https://example.vn/tin/cum-1.html", published: "2020-03-01" });
    storeArticle(d, a, rec);
    const older = { ...a, source: "old.html", text: a.text.replace(" Bản cập nhật.", ""), published: "2020-02-06" };
    expect(storeArticle(d, older, rec)).toMatchObject({ status: "duplicate", articleId: 1 });
    expect(d.prepare("SELECT count(*) FROM article_revisions").pluck().get()).toBe(0);
    expect(d.prepare("SELECT text FROM articles WHERE id = 1").pluck().get()).toBe(a.text);
    expect(d.prepare("SELECT how FROM article_sources ORDER BY id").pluck().all()).toEqual(["primary", "same-url"]);
  });

  it("reviseArticle replaces a story by id; the same body changes nothing; a copy cannot be revised", () => {
    const d = db();
    const { a, rec } = story("a.txt");
    const id = storeArticle(d, a, rec).articleId!;
    expect(reviseArticle(d, id, a, rec).status).toBe("duplicate");
    const weather = article("a.txt", "Dự báo thời tiết", `Hà Nội có mưa rào. ${filler("weather")}`);
    // an edit that leaves nothing about clusters: the story becomes skipped, with no facts
    expect(reviseArticle(d, id, weather, record(weather))).toMatchObject({ status: "skipped", revised: true, articleId: id });
    expect(countFacts(d)).toMatchObject({ clusters: 0, members: 0 });
    expect(d.prepare("SELECT count(*) FROM article_revisions").pluck().get()).toBe(1);
    expect(() => reviseArticle(d, 99, a, rec)).toThrow(/article 99 is not in the database/);
  });

  it("stores an article about something else as skipped, with its reason, and shows none of its facts", () => {
    const d = db();
    const a = article("weather.txt", "Dự báo thời tiết", `Hà Nội có mưa rào. ${filler("weather")}`);
    const r = storeArticle(d, a, record(a, { documents: [{ kind: "Quyết định", number: "12/QĐ-UBND", date: null, prov: at(a, "mưa") }] }));
    expect(r.status).toBe("skipped");
    expect(r.reason).toMatch(/not about emulation clusters/);
    expect(d.prepare("SELECT status FROM articles").pluck().get()).toBe("skipped");
    expect(d.prepare("SELECT count(*) FROM v_documents").pluck().get()).toBe(0);
  });

  it("keeps an article that mentions a cụm thi đua (folded: 'CUM THI DUA') even when no cluster fact was found", () => {
    const d = db();
    const a = article("m.txt", "Tin ngắn", `Các đơn vị trong CỤM THI ĐUA đã họp. ${filler("m")}`);
    expect(storeArticle(d, a, record(a)).status).toBe("stored");
  });

  it("joins an outer transaction as a savepoint (batched writes roll back together)", () => {
    const d = db();
    const { a, rec } = story("a.txt");
    d.exec("BEGIN");
    storeArticle(d, a, rec);
    d.exec("ROLLBACK");
    expect(d.prepare("SELECT count(*) FROM articles").pluck().get()).toBe(0);
  });
});
