// The store preparation computed on the workers gives what the store computed itself before:
// normText = normalize().norm, minhashFolded = the former minhash, and storeArticle
// with a prepared StorePrep writes the same rows as without one.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fold, normalize } from "../../src/extract/normalize.js";
import { normText, prepareStore } from "../../src/store/prep.js";
import { minhash, minhashFolded, minhashReference } from "../../src/store/dedup.js";
import { storeArticle } from "../../src/store/write.js";
import { search } from "../../src/store/search.js";
import { generateArticle } from "../../src/bench/gen.js";
import { article, cluster, record, tempDb } from "./helpers.js";

// pieces that exercise every branch of normalize(): combining marks, old tone placement, q + vowel, CRLF,
// zero-width characters, fixed characters, surrogate pairs, upper case
const PIECES = ["hoà", "Hoà", "HOÀ", "quý", "uỷ", "Uỷ", "thuỷ", "hoàn", "e\u0301", "a\u0300\u0323", "\r\n", "\r", "\u200b", "\u00ad", "\u00a0", "\u201c", "\u201d", "\u2013", "\u2014",
  "\u00d0", "\u00f0", "\t", "😀", "\ud83d", "Ω", "\u212b", "Đà Nẵng", "ủy ban", " ", "  ", "\n\n", "x", "Cụm thi đua số 5", "ﬁ", "\u0958"];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 }), fc.string({ unit: "binary", maxLength: 3 })), { maxLength: 30 }).map((a) => a.join(""));

describe("store preparation", () => {
  it("normText is normalize().norm", () => {
    fc.assert(fc.property(text, (s) => {
      expect(normText(s)).toBe(normalize(s).norm);
    }), { numRuns: 3000 });
  });

  it("minhashFolded is the former minhash", () => {
    fc.assert(fc.property(text, (s) => {
      const n = normalize(s).norm;
      expect([...minhashFolded(fold(n))]).toEqual([...minhashReference(n)]);
    }), { numRuns: 500 });
    for (let i = 0; i < 20; i++) {
      const g = generateArticle(i, 5, 3000, "txt");
      const n = normalize(g.text).norm;
      expect([...minhash(n)]).toEqual([...minhashReference(n)]);
      expect(normText(g.text)).toBe(n);
    }
  });

  it("storeArticle with a prepared StorePrep stores what it stores without one", () => {
    const a = article("a.txt", "Hội nghị Cụm thi đua số 5", "Cụm thi đua số 5 tỉnh Lâm Đồng tổ chức hội nghị tại Đà Lạt. Uỷ ban nhân dân “tỉnh” – hoà.");
    const r = record(a, { clusters: [cluster(a, "Cụm thi đua số 5", 5)] });
    const one = tempDb(), two = tempDb();
    try {
      storeArticle(one.db, a, r);
      storeArticle(two.db, a, r, prepareStore(a, r));
      const rows = (d: typeof one.db) => d.prepare("SELECT source, canonical_url, status, skip_reason, body_hash, locality, locality_mentions FROM articles").all();
      expect(rows(two.db)).toEqual(rows(one.db));
      expect(two.db.prepare("SELECT sig FROM minhash").all()).toEqual(one.db.prepare("SELECT sig FROM minhash").all());
      expect(two.db.prepare("SELECT * FROM lsh_buckets ORDER BY 1, 2").all()).toEqual(one.db.prepare("SELECT * FROM lsh_buckets ORDER BY 1, 2").all());
      for (const q of ["hoa", "hòa", "uy ban", "Cụm thi đua"]) expect(search(two.db, q).hits).toEqual(search(one.db, q).hits);
      expect(search(two.db, "hòa").hits.length).toBeGreaterThan(0);
    } finally { one.cleanup(); two.cleanup(); }
  });
});
