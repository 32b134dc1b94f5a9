import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { storeArticle } from "../../src/store/write.js";
import { search, parseSearch } from "../../src/store/search.js";
import { article, at, cluster, filler, record, tempDb } from "./helpers.js";

let t: ReturnType<typeof tempDb>;
beforeAll(() => {
  t = tempDb();
  const add = (src: string, title: string, body: string) => {
    const a = article(src, title, `${body} ${filler(src)}`);
    storeArticle(t.db, a, record(a, { clusters: [cluster(a, "Cụm thi đua số 2", 2, { prov: at(a, title) })] }));
  };
  add("the.txt", "Cụm thi đua số 2 thể hiện quyết tâm", "Các đơn vị thể hiện quyết tâm tại Hà Nội.");
  add("thế.txt", "Cụm thi đua số 2 thế mạnh", "Phát huy thế mạnh của thành phố Hồ Chí Minh.");
  add("hoa.txt", "Cụm thi đua số 2 ở Thanh Hoá", "Cụm thi đua họp tại tỉnh Thanh Hoá.");
});
afterAll(() => t.cleanup());

const sources = (q: string) => search(t.db, q).hits.filter((h) => h.kind === "article").map((h) => h.title).sort();

describe("tone-aware search", () => {
  it("a query with tone marks matches those marks exactly", () => {
    expect(sources("thể")).toEqual(["Cụm thi đua số 2 thể hiện quyết tâm"]);
    expect(sources("thế")).toEqual(["Cụm thi đua số 2 thế mạnh"]);
  });
  it("a query without diacritics matches any tones", () => {
    expect(sources("the")).toHaveLength(2);
    expect(sources("ha noi")).toEqual(["Cụm thi đua số 2 thể hiện quyết tâm"]);
    expect(sources("ho chi minh")).toEqual(["Cụm thi đua số 2 thế mạnh"]);
  });
  it("old and new tone placement are one (Thanh Hoá = Thanh Hóa), case aside", () => {
    expect(sources("thanh hóa")).toEqual(["Cụm thi đua số 2 ở Thanh Hoá"]);
    expect(sources("THANH HOÁ")).toEqual(["Cụm thi đua số 2 ở Thanh Hoá"]);
  });
  it("quoted words are a phrase", () => {
    expect(sources('"thế mạnh"')).toHaveLength(1);
    expect(sources('"mạnh thế"')).toHaveLength(0);
  });
  it("finds facts too, and marks the matched words in the snippet", () => {
    const hits = search(t.db, "cum thi dua so 2").hits;
    expect(hits.some((h) => h.kind === "clusters" && h.fact_id != null)).toBe(true);
    const art = search(t.db, "ha noi").hits.find((h) => h.kind === "article")!;
    expect(art.snippet).toContain("[Hà Nội]");
  });
  it("operators typed by the user are words, not FTS syntax", () => {
    expect(parseSearch("Hà Nội OR NEAR(x)").terms).toEqual(["hà", "nội", "or", "near x"]);
    expect(() => search(t.db, 'a" OR "b')).not.toThrow();
  });
});
