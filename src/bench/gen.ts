// npm run gen -- N [--out DIR] [--format txt|html|jsonl|mixed] [--seed S] [--size BYTES]
// Writes N synthetic articles of the genre, built from bench/templates.json, and beside them the gold
// record of the facts each contains (DIR/gold/<name>.json), so extraction at scale can be scored with
// `node dist/eval/run.js DIR` as well as timed. Deterministic for a given seed.
import { mkdirSync, readFileSync, writeFileSync, createWriteStream } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface Templates {
  provinces: string[]; districts: string[]; communes: string[]; departments: string[]; unions: string[]; blocs: string[];
  surnames: string[]; middles: string[]; givens: string[]; ranks: string[]; titles: string[];
  outlets: string[]; authors: string[]; commitments: string[]; filler: string[]; models: string[];
}
const T = JSON.parse(readFileSync(new URL("../../bench/templates.json", import.meta.url), "utf8")) as Templates;

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedArticle { name: string; format: "txt" | "html"; content: string; text: string; gold: Record<string, unknown>; meta: { title: string; published: string; outlet: string; author: string; url: string } }

const pad2 = (n: number) => String(n).padStart(2, "0");

export function generateArticle(i: number, seed = 1, size = 5000, format: "txt" | "html" = "txt"): GeneratedArticle {
  const r = rng(seed * 1_000_003 + i);
  const pick = <X>(xs: X[]): X => xs[Math.floor(r() * xs.length)]!;
  const sample = <X>(xs: X[], k: number): X[] => { const c = [...xs]; const out: X[] = []; while (out.length < k && c.length) out.push(c.splice(Math.floor(r() * c.length), 1)[0]!); return out; };
  const year = 2016 + Math.floor(r() * 9);
  const month = 1 + Math.floor(r() * 4), dayN = 1 + Math.floor(r() * 27);
  const published = `${year}-${pad2(month)}-${pad2(dayN)}`;
  const province = pick(T.provinces);
  const isBloc = r() < 0.3;
  const number = isBloc ? null : 1 + Math.floor(r() * 12);
  // members: districts of a city, communes, departments of a province, or the city's unions
  const shape = isBloc ? "departments" : pick(["districts", "communes", "unions"] as const);
  let head = "", units: string[] = [], memberSurface: string[] = [];
  if (shape === "districts") { head = "huyện"; units = sample(T.districts, 4 + Math.floor(r() * 4)); memberSurface = units.map((u) => `huyện ${u}`); }
  else if (shape === "communes") { head = "xã"; units = sample(T.communes, 4 + Math.floor(r() * 4)); memberSurface = units.map((u) => `xã ${u}`); }
  else if (shape === "unions") { units = sample(T.unions, 4 + Math.floor(r() * 2)).map((u) => `${u} tỉnh ${province}`); memberSurface = units; }
  else { units = sample(T.departments, 4 + Math.floor(r() * 5)); memberSurface = units; }
  const blocName = pick(T.blocs);
  const clusterName = isBloc ? `Khối thi đua ${blocName} tỉnh ${province}` : `Cụm thi đua số ${number} tỉnh ${province}`;
  const short = isBloc ? `Khối thi đua ${blocName}` : `Cụm thi đua số ${number}`;
  const roleWord = isBloc ? "Khối" : "Cụm";
  const [leader, deputy] = sample(memberSurface, 2) as [string, string];
  const person = () => `${pick(T.surnames)} ${pick(T.middles)} ${pick(T.givens)}`;
  const p1 = person(), p2 = person();
  const [t1, t2] = sample(T.titles, 2).map((t) => t.replace("{province}", province)) as [string, string];
  const commitments = sample(T.commitments, 3 + Math.floor(r() * 3));
  const docNo = `${1 + Math.floor(r() * 200)}/KH-UBND`;
  const docDate = `${year}-01-${pad2(5 + Math.floor(r() * 20))}`;
  const [awardA, awardB] = sample(memberSurface, 2) as [string, string];
  const outlet = pick(T.outlets), author = pick(T.authors);
  const daypart = pick(["Sáng", "Chiều"]);
  const title = `${short} ký kết giao ước thi đua năm ${year}`;
  const paras: string[] = [];
  paras.push(`(${outlet}) - ${daypart} ${dayN}/${month}, ${clusterName} tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm ${year - 1} và ký kết giao ước thi đua năm ${year}.`);
  paras.push(`${short} gồm ${memberSurface.length} đơn vị: ${memberSurface.slice(0, -1).join("; ")} và ${memberSurface.at(-1)}.`);
  paras.push(`Dự hội nghị có đồng chí ${p1}, ${t1}; đồng chí ${p2}, ${t2}.`);
  paras.push(`Năm ${year}, ${short} do ${leader} làm ${roleWord} trưởng, ${deputy} làm ${roleWord} phó.`);
  paras.push(`Thực hiện Kế hoạch số ${docNo} ngày ${Number(docDate.slice(8))}/1/${year} của UBND tỉnh ${province} về công tác thi đua, khen thưởng năm ${year}, các đơn vị đã ký giao ước thi đua với ${commitments.length} nội dung. Cụ thể:`);
  commitments.forEach((c, k) => paras.push(`${k + 1}. ${c}.`));
  paras.push(`Hội nghị thống nhất đề nghị tặng Cờ thi đua của UBND tỉnh cho ${awardA} và Bằng khen của Chủ tịch UBND tỉnh cho ${awardB} vì đã có thành tích xuất sắc trong phong trào thi đua năm ${year - 1}.`);
  let body = paras.join("\n\n");
  // filler paragraphs with their own numbers, units and campaigns, so that articles do not look alike
  const fill = () => pick(T.filler).replace(/\{(\w+)\}/g, (_, k: string) =>
    k === "unit" ? pick(memberSurface) : k === "model" ? pick(T.models) : k === "prev" ? String(year - 1) : k === "prev2" ? String(year - 3)
      : k === "year" ? String(year) : k === "pct" ? String(80 + Math.floor(r() * 20)) : k === "m" ? String(10 + Math.floor(r() * 990)) : String(2 + Math.floor(r() * 20)));
  while (Buffer.byteLength(body) < size - 400) body += `\n\n${fill()} ${fill()}`;
  const text = `${title}\n\n${body}`;
  const name = `gen_${String(i).padStart(6, "0")}`;
  const url = `https://tin.example.vn/${year}/${pad2(month)}/${name}.html`;
  const gold = {
    source: `${name}.${format}`,
    article: { title, published, outlet, author, url: format === "html" ? url : null },
    clusters: [{ kind: isBloc ? "khối" : "cụm", number, name: clusterName, locality: province }],
    members: memberSurface.map((unit) => ({ cluster: 0, unit })),
    roles: [{ cluster: 0, unit: leader, role: "trưởng", year }, { cluster: 0, unit: deputy, role: "phó", year }],
    officials: [{ name: p1, rank: null, titles: [t1] }, { name: p2, rank: null, titles: [t2] }].filter((o, k, all) => all.findIndex((x) => x.name === o.name) === k),
    commitments: commitments.map((c) => ({ cluster: 0, year, text: `${c}.` })),
    awards: [
      { award: "Cờ thi đua của UBND tỉnh", recipient: awardA, year: year - 1, status: "proposed" },
      { award: "Bằng khen của Chủ tịch UBND tỉnh", recipient: awardB, year: year - 1, status: "proposed" },
    ],
    events: [{ type: "review", date: published, location: null }, { type: "signing", date: published, location: null }],
    documents: [{ kind: "Kế hoạch", number: docNo, date: docDate }],
  };
  const dateLine = `Ngày đăng ${pad2(dayN)}/${pad2(month)}/${year} | ${pad2(7 + Math.floor(r() * 12))}:${pad2(Math.floor(r() * 60))}`;
  const content = format === "txt"
    ? `${title}\n${dateLine}\n\n${body}\n\n${author}\n`
    : htmlPage(title, body, { url, outlet, author, published });
  return { name, format, content, text, gold, meta: { title, published, outlet, author, url } };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function htmlPage(title: string, body: string, m: { url: string; outlet: string; author: string; published: string }): string {
  const ps = body.split("\n\n").map((p) => `<p>${esc(p)}</p>`).join("\n");
  const ld = JSON.stringify({ "@context": "https://schema.org", "@type": "NewsArticle", headline: title, datePublished: `${m.published}T08:00:00+07:00`, author: { "@type": "Person", name: m.author }, publisher: { "@type": "Organization", name: m.outlet } });
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(title)} | ${esc(m.outlet)}</title>
<link rel="canonical" href="${m.url}"><meta property="og:title" content="${esc(title)}"><meta property="og:site_name" content="${esc(m.outlet)}">
<script type="application/ld+json">${ld}</script></head><body>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li><li><a href="/xa-hoi">Xã hội</a></li></ul></nav></header>
<main><article><h1>${esc(title)}</h1><div class="meta"><time datetime="${m.published}T08:00:00+07:00">${m.published}</time></div>
<div class="content">${ps}<p class="author"><strong>${esc(m.author)}</strong></p></div></article>
<aside class="related"><h3>Tin liên quan</h3><ul><li><a href="/a">Cụm thi đua số 9 tổng kết năm</a></li><li><a href="/b">Khối thi đua Nội chính ký giao ước</a></li></ul></aside></main>
<footer><p>© Báo điện tử. Giấy phép số 123/GP-BTTTT.</p></footer></body></html>`;
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const n = Number(args.find((a, i) => /^\d+$/.test(a) && !["--seed", "--size"].includes(args[i - 1] ?? "")) ?? 1000);
  const format = (opt("--format") ?? "mixed") as "txt" | "html" | "jsonl" | "mixed";
  const seed = Number(opt("--seed") ?? 1), size = Number(opt("--size") ?? 5000);
  const out = opt("--out") ?? join("bench", "out", `gen-${n}`);
  mkdirSync(join(out, "gold"), { recursive: true });
  const jsonl = format === "jsonl" ? createWriteStream(join(out, "articles.jsonl")) : null;
  for (let i = 0; i < n; i++) {
    const f = format === "mixed" ? (i % 4 === 3 ? "html" : "txt") : format === "html" ? "html" : "txt";
    const a = generateArticle(i, seed, size, f);
    if (jsonl) {
      a.gold.source = `${a.name}.jsonl`;
      jsonl.write(JSON.stringify({ id: a.name, url: a.meta.url, title: a.meta.title, published: a.meta.published, outlet: a.meta.outlet, author: a.meta.author, text: a.text.slice(a.meta.title.length + 2) }) + "\n");
    } else {
      const dir = join(out, "articles", String(Math.floor(i / 1000)).padStart(3, "0"));
      if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${a.name}.${f}`), a.content);
    }
    writeFileSync(join(out, "gold", `${a.name}.json`), JSON.stringify(a.gold));
  }
  jsonl?.end();
  console.log(`gen: ${n} articles (${format}, ~${size} bytes, seed ${seed}) in ${out}; gold records in ${join(out, "gold")}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
