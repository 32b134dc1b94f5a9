// Hand-made articles and records for the serve tests: facts placed with the extractor's own span helpers.
import { emptyRecord } from "../../src/extract/extract.js";
import { makeDoc, prov } from "../../src/extract/doc.js";
import type { Article, ExtractionRecord, Provenance } from "../../src/types.js";
import type { Stored } from "./contract-db.js";

function article(source: string, title: string, body: string, meta: Partial<Article>): Article {
  const text = `${title}\n\n${body}`;
  return { source, text, bodyStart: title.length + 2, title, url: null, published: null, outlet: null, author: null, format: "txt", ...meta };
}

/** Provenance of the n-th occurrence of `surface` in the article. */
function at(a: Article, surface: string, rule: string, confidence = 0.9, nth = 0): Provenance {
  const doc = makeDoc(a);
  let p = -1;
  for (let k = 0; k <= nth; k++) p = doc.norm.indexOf(surface, p + 1);
  if (p < 0) throw new Error(`fixture: "${surface}" not in ${a.source}`);
  return prov(doc, p, p + surface.length, rule, confidence);
}

export function fixtureItems(): Stored[] {
  const a1 = article("hb-2023.txt", "Cụm thi đua số 3 tỉnh Hòa Bình ký kết giao ước thi đua năm 2023",
    "Ngày 10/3, Cụm thi đua số 3 tỉnh Hòa Bình gồm 4 đơn vị: Sở Tư pháp, Sở Nội vụ, Sở Y tế và Thanh tra tỉnh đã ký kết giao ước thi đua năm 2023. " +
    "Sở Tư pháp được bầu làm Cụm trưởng, Sở Nội vụ làm Cụm phó năm 2023.\n\nÔng Nguyễn Văn An, Giám đốc Sở Tư pháp, phát biểu tại hội nghị. " +
    "Các đơn vị cam kết hoàn thành xuất sắc nhiệm vụ chính trị được giao.",
    { published: "2023-03-10", outlet: "Báo Hòa Bình", url: "https://baohoabinh.example/a1" });
  const r1: ExtractionRecord = emptyRecord(a1);
  r1.clusters = [{ kind: "cụm", number: 3, name: "Cụm thi đua số 3 tỉnh Hòa Bình", locality: "Hòa Bình", prov: at(a1, "Cụm thi đua số 3 tỉnh Hòa Bình", "cluster-numbered", 0.95, 1) }];
  for (const u of ["Sở Tư pháp", "Sở Nội vụ", "Sở Y tế", "Thanh tra tỉnh"]) r1.members.push({ cluster: 0, unit: u, prov: at(a1, u, "member-list") });
  r1.roles = [
    { cluster: 0, unit: "Sở Tư pháp", role: "trưởng", year: 2023, prov: at(a1, "Sở Tư pháp được bầu làm Cụm trưởng", "role-elected", 0.85) },
    { cluster: 0, unit: "Sở Nội vụ", role: "phó", year: 2023, prov: at(a1, "Sở Nội vụ làm Cụm phó", "role-elected", 0.8) },
  ];
  r1.officials = [{ name: "Nguyễn Văn An", rank: null, titles: ["Giám đốc Sở Tư pháp"], prov: at(a1, "Nguyễn Văn An", "official-apposition"), titleProv: [at(a1, "Giám đốc Sở Tư pháp", "official-apposition")] }];
  r1.commitments = [{ cluster: 0, year: 2023, text: "hoàn thành xuất sắc nhiệm vụ chính trị được giao", prov: at(a1, "hoàn thành xuất sắc nhiệm vụ chính trị được giao", "commitment-verb", 0.7) }];
  r1.events = [{ type: "signing", date: "2023-03-10", location: null, prov: at(a1, "đã ký kết giao ước thi đua năm 2023", "event-signing") }];

  const a2 = article("hb-2024.txt", "Tổng kết Cụm thi đua số 3 tỉnh Hòa Bình năm 2024",
    "Năm 2024, Sở Nội vụ giữ vai trò Cụm trưởng Cụm thi đua số 3 tỉnh Hòa Bình, Sở Y tế là Cụm phó. " +
    "Đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh dự và phát biểu. Sở Y tế được đề nghị tặng Cờ thi đua của UBND tỉnh.",
    { published: "2024-12-20", outlet: "Cổng TTĐT tỉnh Hòa Bình" });
  const r2 = emptyRecord(a2);
  r2.clusters = [{ kind: "cụm", number: 3, name: "Cụm thi đua số 3 tỉnh Hòa Bình", locality: "Hòa Bình", prov: at(a2, "Cụm thi đua số 3 tỉnh Hòa Bình", "cluster-numbered", 0.95, 1) }];
  r2.roles = [
    { cluster: 0, unit: "Sở Nội vụ", role: "trưởng", year: 2024, prov: at(a2, "Sở Nội vụ giữ vai trò Cụm trưởng", "role-holds", 0.85) },
    { cluster: 0, unit: "Sở Y tế", role: "phó", year: 2024, prov: at(a2, "Sở Y tế là Cụm phó", "role-copula", 0.8) },
  ];
  r2.officials = [{ name: "Nguyễn Văn An", rank: null, titles: ["Phó Chủ tịch UBND tỉnh"], prov: at(a2, "Nguyễn Văn An", "official-apposition"), titleProv: [at(a2, "Phó Chủ tịch UBND tỉnh", "official-apposition")] }];
  r2.awards = [{ award: "Cờ thi đua của UBND tỉnh", recipient: "Sở Y tế", year: 2024, status: "proposed", prov: at(a2, "Sở Y tế được đề nghị tặng Cờ thi đua của UBND tỉnh", "award-proposed", 0.75) }];

  // an article whose every field tries to inject markup
  const evil = "<script>alert('x')</script>";
  const a3 = article("evil.html", `Khối thi đua ${evil} số 9`,
    `Khối thi đua số 9 gồm Hội <b>Nông dân</b> và Đoàn <img src=x onerror=alert(2)> Thanh niên. Trang có ${evil} trong thân bài.`,
    { published: "2022-05-01", outlet: `"><script>alert(3)</script>`, url: "javascript:alert(4)" });
  const r3 = emptyRecord(a3);
  r3.clusters = [{ kind: "khối", number: 9, name: `Khối thi đua ${evil} số 9`, locality: null, prov: at(a3, "Khối thi đua số 9", "cluster-numbered") }];
  r3.members = [{ cluster: 0, unit: "Hội <b>Nông dân</b>", prov: at(a3, "Hội <b>Nông dân</b>", "member-list") }];

  const a4 = article("sport.txt", "Giải bóng đá thiếu niên", "Đội bóng xã Hòa Bình thắng 2-1 trong trận chung kết.", { published: "2023-06-01", outlet: "Báo Thể thao" });
  // the first story again, reprinted by another outlet
  const a5: Article = { ...a1, source: "hb-2023-copy.html", outlet: "Báo Tin tức", url: "https://tintuc.example/b5", published: "2023-03-11" };
  return [
    { article: a1, record: r1 }, { article: a2, record: r2 }, { article: a3, record: r3 }, { article: a4, record: emptyRecord(a4), status: "skipped" },
    { article: a5, record: emptyRecord(a5), status: "duplicate", duplicateOf: "hb-2023.txt" },
  ];
}
