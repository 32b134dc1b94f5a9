import { describe, it, expect, afterEach } from "vitest";
import { storeArticle } from "../../src/store/write.js";
import { resolve, unitKey, oneTypoApart } from "../../src/store/resolve.js";
import { explain } from "../../src/store/explain.js";
import type { Article, ExtractionRecord } from "../../src/types.js";
import { article, at, cluster, filler, record, tempDb } from "./helpers.js";

let cleanups: Array<() => void> = [];
afterEach(() => { for (const c of cleanups) c(); cleanups = []; });
function db() { const t = tempDb(); cleanups.push(t.cleanup); return t.db; }
type D = ReturnType<typeof db>;

function put(d: D, a: Article, parts: Partial<ExtractionRecord>) {
  const r = storeArticle(d, a, record(a, parts));
  expect(r.status).toBe("stored");
  return r.articleId!;
}
const clusterOf = (d: D, articleId: number) => d.prepare("SELECT c.cluster_id FROM facts f JOIN fact_clusters c ON c.fact_id = f.id WHERE f.article_id = ?").pluck().all(articleId) as number[];

describe("clusters", () => {
  it("merges 'số 01 Ủy ban MTTQ Việt Nam thành phố Hà Nội' and 'số 1 của MTTQ Thành phố Hà Nội', keeps Lâm Đồng's 'Cụm thi đua số 1' apart", () => {
    const d = db();
    const a1 = article("a1", "Cụm thi đua số 01 ký kết", `Cụm thi đua số 01 Ủy ban MTTQ Việt Nam thành phố Hà Nội tổ chức ký kết. ${filler("a1")}`);
    const a2 = article("a2", "Ký giao ước", `Cụm thi đua số 1 của MTTQ Thành phố Hà Nội ký giao ước. ${filler("a2")}`);
    const a3 = article("a3", "Lâm Đồng: tổng kết cụm", `Tại Đà Lạt, tỉnh Lâm Đồng, Cụm thi đua số 1 tổng kết năm. Các huyện của Lâm Đồng dự. ${filler("a3")}`);
    const id1 = put(d, a1, { clusters: [cluster(a1, "Cụm thi đua số 01 Ủy ban MTTQ Việt Nam thành phố Hà Nội", 1)] });
    const id2 = put(d, a2, { clusters: [cluster(a2, "Cụm thi đua số 1 của MTTQ Thành phố Hà Nội", 1)] });
    const id3 = put(d, a3, { clusters: [cluster(a3, "Cụm thi đua số 1", 1)] });
    resolve(d);
    expect(clusterOf(d, id1)).toEqual(clusterOf(d, id2));
    expect(clusterOf(d, id3)[0]).not.toBe(clusterOf(d, id1)[0]);
    const hn = explain(d, "cluster", clusterOf(d, id1)[0]!)!;
    expect(hn.aliases.map((x) => x.rule).sort()).toEqual(["first-seen", "same-key"]);
    expect(hn.articles).toBe(2);
    const ld = explain(d, "cluster", clusterOf(d, id3)[0]!)!;
    expect(ld.row.locality).toBe("Lâm Đồng");
    expect(ld.aliases[0]!.evidence).toMatch(/the province the article names most/);
  });

  it("a cluster of a ministry is national: stories from two provinces name the same cluster", () => {
    const d = db();
    const a1 = article("n1", "Công an Thái Nguyên", `Công an tỉnh Thái Nguyên, thành viên Cụm thi đua số 3 – Bộ Công an, tổng kết. ${filler("n1")}`);
    const a2 = article("n2", "Công an Phú Thọ", `Công an tỉnh Phú Thọ đăng cai hội nghị Cụm thi đua số 3 Bộ Công an. ${filler("n2")}`);
    const i1 = put(d, a1, { clusters: [cluster(a1, "Cụm thi đua số 3 – Bộ Công an", 3, { system: "Công an" })] });
    const i2 = put(d, a2, { clusters: [cluster(a2, "Cụm thi đua số 3 Bộ Công an", 3)] });
    resolve(d);
    expect(clusterOf(d, i1)).toEqual(clusterOf(d, i2));
    expect(d.prepare("SELECT locality FROM clusters").pluck().all()).toEqual(["toàn quốc"]);
  });

  it("a cluster of several provinces takes no province from the article", () => {
    const d = db();
    const a = article("m1", "Đồng Nai đăng cai", `Tại Đồng Nai, tỉnh Đồng Nai đăng cai hội nghị Cụm thi đua các tỉnh miền Đông Nam bộ. ${filler("m1")}`);
    put(d, a, { clusters: [cluster(a, "Cụm thi đua các tỉnh miền Đông Nam bộ", null)] });
    const b = article("m2", "Phát triển bền vững", `Tỉnh Đồng Nai: Khối thi đua các doanh nghiệp phát triển bền vững tổng kết. ${filler("m2")}`);
    put(d, b, { clusters: [{ ...cluster(b, "Khối thi đua các doanh nghiệp phát triển bền vững", null), kind: "khối" }] });
    resolve(d);
    expect(d.prepare("SELECT locality FROM clusters ORDER BY id").pluck().all()).toEqual(["liên tỉnh", "Đồng Nai"]);
  });

  it("keeps clusters of two systems in one province apart", () => {
    const d = db();
    const a1 = article("b1", "Cụm 2 Công an", `Cụm thi đua số 2 Công an tỉnh Nghệ An họp. ${filler("b1")}`);
    const a2 = article("b2", "Cụm 2 MTTQ", `Cụm thi đua số 2 MTTQ tỉnh Nghệ An họp. ${filler("b2")}`);
    const i1 = put(d, a1, { clusters: [cluster(a1, "Cụm thi đua số 2 Công an tỉnh Nghệ An", 2)] });
    const i2 = put(d, a2, { clusters: [cluster(a2, "Cụm thi đua số 2 MTTQ tỉnh Nghệ An", 2)] });
    resolve(d);
    expect(clusterOf(d, i1)[0]).not.toBe(clusterOf(d, i2)[0]);
  });

  it("merges unnumbered blocs whose names differ by a word, not ones with other names", () => {
    const d = db();
    const mk = (src: string, name: string) => { const a = article(src, name, `${name} tổng kết năm 2022 tại tỉnh Quảng Nam. ${filler(src)}`); return put(d, a, { clusters: [cluster(a, name, null, { kind: "khối" })] }); };
    const x = mk("k1", "Khối thi đua các cơ quan Văn hóa – Xã hội tỉnh");
    const y = mk("k2", "Khối thi đua Văn hóa - Xã hội tỉnh");
    const z = mk("k3", "Khối thi đua các cơ quan Nội chính tỉnh");
    resolve(d);
    expect(clusterOf(d, x)).toEqual(clusterOf(d, y));
    expect(clusterOf(d, z)[0]).not.toBe(clusterOf(d, x)[0]);
  });
});

describe("units", () => {
  it("expands abbreviations: 'TP Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'TPHCM' and 'TP.HCM' are one key", () => {
    const keys = ["TP Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TPHCM", "TP.HCM", "Hồ Chí Minh"].map(unitKey);
    expect(new Set(keys).size).toBe(1);
    expect(unitKey("UBND tỉnh Thanh Hoá")).toBe(unitKey("Ủy ban nhân dân tỉnh Thanh Hóa"));
    expect(unitKey("LĐLĐ tỉnh Lâm Đồng")).toBe(unitKey("Liên đoàn Lao động tỉnh Lâm Đồng"));
    expect(unitKey("UBND tỉnh Thanh Hóa")).not.toBe(unitKey("HĐND tỉnh Thanh Hóa"));
  });

  it("one-letter typos only in a word that is not a number", () => {
    expect(oneTypoApart("quận hoàn kiến", "quận hoàn kiếm")).toBe(true);
    expect(oneTypoApart("quận đông đa", "quận đống đa")).toBe(true);
    expect(oneTypoApart("phường 11", "phường 12")).toBe(false);
    expect(oneTypoApart("hội nông dân", "hội phụ nữ")).toBe(false);
  });

  it("merges 'Hoàn Kiến' into 'Hoàn Kiếm' when both are named in the same cluster, with the evidence", () => {
    const d = db();
    const a1 = article("u1", "Cụm 1", `Cụm thi đua số 1 MTTQ thành phố Hà Nội gồm MTTQ quận Hoàn Kiếm, MTTQ quận Đống Đa. ${filler("u1")}`);
    const a2 = article("u2", "Cụm 1 ký kết", `Cụm thi đua số 1 MTTQ thành phố Hà Nội (Ủy ban MTTQ Việt Nam quận Hoàn Kiến làm cụm phó). ${filler("u2")}`);
    put(d, a1, { clusters: [cluster(a1, "Cụm thi đua số 1 MTTQ thành phố Hà Nội", 1)], members: [
      { cluster: 0, unit: "MTTQ quận Hoàn Kiếm", prov: at(a1, "MTTQ quận Hoàn Kiếm") }, { cluster: 0, unit: "MTTQ quận Đống Đa", prov: at(a1, "MTTQ quận Đống Đa") }] });
    put(d, a2, { clusters: [cluster(a2, "Cụm thi đua số 1 MTTQ thành phố Hà Nội", 1)], roles: [
      { cluster: 0, unit: "Ủy ban MTTQ Việt Nam quận Hoàn Kiến", role: "phó", year: 2020, prov: at(a2, "Ủy ban MTTQ Việt Nam quận Hoàn Kiến") }] });
    resolve(d);
    const role = d.prepare("SELECT unit_id, unit_canonical FROM v_cluster_roles").get() as { unit_id: number; unit_canonical: string };
    const member = d.prepare("SELECT unit_id FROM v_cluster_members WHERE unit = 'MTTQ quận Hoàn Kiếm'").pluck().get();
    expect(role.unit_id).toBe(member);
    expect(role.unit_canonical).toBe("Mặt trận Tổ quốc quận Hoàn Kiếm");
    const e = explain(d, "unit", role.unit_id)!;
    const typo = e.aliases.find((x) => x.alias.includes("Kiến"))!;
    expect(typo.rule).toBe("typo-same-cluster");
    expect(typo.evidence).toMatch(/one letter from/);
  });

  it("does not merge a one-letter difference without evidence (other clusters, short name)", () => {
    const d = db();
    const a1 = article("v1", "Cụm 3", `Cụm thi đua số 3 gồm xã Tân An. ${filler("v1")}`);
    const a2 = article("v2", "Cụm 5", `Cụm thi đua số 5 gồm xã Tân Ân. ${filler("v2")}`);
    put(d, a1, { clusters: [cluster(a1, "Cụm thi đua số 3", 3)], members: [{ cluster: 0, unit: "xã Tân An", prov: at(a1, "xã Tân An") }] });
    put(d, a2, { clusters: [cluster(a2, "Cụm thi đua số 5", 5)], members: [{ cluster: 0, unit: "xã Tân Ân", prov: at(a2, "xã Tân Ân") }] });
    resolve(d);
    expect(d.prepare("SELECT count(DISTINCT unit_id) FROM v_cluster_members").pluck().get()).toBe(2);
  });

  it("does not merge two entries of one list that are one letter apart", () => {
    const d = db();
    const a1 = article("w1", "Cụm 4", `Cụm thi đua số 4 tỉnh Long An gồm xã Tân Hòa, xã Tân Hòa. ${filler("w1")}`);
    const a2 = article("w2", "Cụm 4", `Cụm thi đua số 4 tỉnh Long An gồm xã Thạnh Hòa, xã Thạnh Hóa. ${filler("w2")}`);
    put(d, a1, { clusters: [cluster(a1, "Cụm thi đua số 4 tỉnh Long An", 4)], members: [{ cluster: 0, unit: "xã Thạnh Hòa", prov: at(a1, "xã Tân Hòa") }] });
    put(d, a2, { clusters: [cluster(a2, "Cụm thi đua số 4 tỉnh Long An", 4)], members: [
      { cluster: 0, unit: "xã Thạnh Hòa", prov: at(a2, "xã Thạnh Hòa") }, { cluster: 0, unit: "xã Thạnh Hóa", prov: at(a2, "xã Thạnh Hóa") }] });
    resolve(d);
    expect(d.prepare("SELECT count(DISTINCT unit_id) FROM v_cluster_members").pluck().get()).toBe(2);
  });

  it("merges a typo on a long name with a shared parent province, outside any cluster", () => {
    const d = db();
    const a1 = article("x1", "Khen thưởng", `Cụm thi đua khen thưởng Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi. ${filler("x1")}`);
    const a2 = article("x2", "Khen thưởng", `Cụm thi đua khen thưởng Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi. ${filler("x2")}`);
    put(d, a1, { awards: [{ award: "Bằng khen", recipient: "Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi", year: 2020, status: "conferred", prov: at(a1, "Sở Giáo dục") }] });
    put(d, a2, { awards: [{ award: "Bằng khen", recipient: "Sở Giáo dục và Đạo tạo tỉnh Quảng Ngãi", year: 2020, status: "conferred", prov: at(a2, "Sở Giáo dục") }] });
    resolve(d);
    expect(d.prepare("SELECT count(DISTINCT recipient_unit_id) FROM v_awards").pluck().get()).toBe(1);
    expect(d.prepare("SELECT rule FROM unit_aliases WHERE alias LIKE '%Đạo%'").pluck().get()).toBe("typo-shared-parent");
  });
});

describe("persons", () => {
  const hương = (d: D, src: string, titles: string[], pub: string) => {
    const a = article(src, "Cụm thi đua số 1", `Cụm thi đua số 1 ký kết. Dự có đồng chí Nguyễn Lan Hương - ${titles.join(", ")}. ${filler(src)}`, { published: pub, outlet: src.toUpperCase() });
    return put(d, a, { officials: [{ name: "Nguyễn Lan Hương", rank: null, titles, prov: at(a, "Nguyễn Lan Hương") }] });
  };
  it("one person with all her titles across three articles", () => {
    const d = db();
    hương(d, "p1", ["Ủy viên Ban Thường vụ Thành ủy Hà Nội", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội"], "2021-03-04");
    hương(d, "p2", ["Thường vụ Thành ủy", "Chủ tịch Ủy ban MTTQ Việt Nam thành phố Hà Nội"], "2020-02-06");
    hương(d, "p3", ["UVTV", "Chủ tịch UB MTTQ Việt Nam thành phố Hà Nội"], "2020-02-06");
    resolve(d);
    expect(d.prepare("SELECT count(*) FROM persons").pluck().get()).toBe(1);
    const rows = d.prepare("SELECT title, articles, first_seen, last_seen FROM v_person_titles").all() as Array<{ articles: number }>;
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(d.prepare("SELECT count(DISTINCT article_id) FROM v_officials").pluck().get()).toBe(3);
    expect(d.prepare("SELECT rule FROM person_aliases").pluck().get()).toBe("first-seen");
    const e = explain(d, "person", d.prepare("SELECT id FROM persons").pluck().get() as number)!;
    expect(e.merges?.map((m) => m.rule)).toEqual(["same-name-same-post", "same-name-same-post"]);
    expect(e.merges?.[0]?.evidence).toMatch(/Dice/);
  });

  it("keeps two people with one name apart when their posts are in different provinces", () => {
    const d = db();
    const mk = (src: string, title: string) => {
      const a = article(src, "Cụm thi đua", `Cụm thi đua họp. Ông Nguyễn Văn Hùng, ${title}, phát biểu. ${filler(src)}`);
      return put(d, a, { officials: [{ name: "Nguyễn Văn Hùng", rank: null, titles: [title], prov: at(a, "Nguyễn Văn Hùng") }] });
    };
    mk("h1", "Chủ tịch UBND tỉnh Lâm Đồng");
    mk("h2", "Giám đốc Công an tỉnh Nghệ An");
    mk("h3", "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng");
    resolve(d);
    const ids = d.prepare("SELECT person_id FROM v_officials ORDER BY article_id").pluck().all();
    expect(ids[0]).toBe(ids[2]);
    expect(ids[1]).not.toBe(ids[0]);
    expect(d.prepare("SELECT evidence FROM person_aliases WHERE rule = 'same-name-conflicting-posts'").pluck().get()).toMatch(/Lâm Đồng/);
  });
});

describe("resolution runs", () => {
  it("is incremental and deterministic: resolving in two batches equals a rebuild", () => {
    const d = db();
    const mk = (src: string, name: string, n: number, unit: string) => {
      const a = article(src, name, `${name} gồm ${unit}. ${filler(src)}`);
      put(d, a, { clusters: [cluster(a, name, n)], members: [{ cluster: 0, unit, prov: at(a, unit) }] });
    };
    mk("r1", "Cụm thi đua số 2 tỉnh Bình Dương", 2, "TP Thủ Dầu Một");
    resolve(d);
    mk("r2", "Cụm thi đua số 2 tỉnh Bình Dương", 2, "thành phố Thủ Dầu Một");
    mk("r3", "Cụm thi đua số 3 tỉnh Bình Dương", 3, "huyện Dầu Tiếng");
    resolve(d);
    const snapshot = () => d.prepare("SELECT cluster_id, unit_id, unit_canonical FROM v_cluster_members ORDER BY fact_id").all();
    const before = snapshot();
    resolve(d, { rebuild: true });
    expect(snapshot()).toEqual(before);
    expect(new Set(before.map((r) => (r as { unit_id: number }).unit_id)).size).toBe(2);
  });
});
