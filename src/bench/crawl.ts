// Benchmark of the crawler's own overhead: a local site (in a child process, so its work is not
// counted) serving N generated Vietnamese cluster articles through a sitemap index, crawled with
// no per-host delay, extraction and storage on, into a temporary database.
// Run alone: node dist/bench/crawl.js [N]   (the site: node dist/bench/crawl.js --serve N)
import { createServer } from "node:http";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";

const PROVINCES = ["Nghệ An", "Thanh Hóa", "Hà Tĩnh", "Quảng Bình", "Bắc Ninh", "Lào Cai", "Đắk Lắk", "Cà Mau", "Sơn La", "Phú Thọ", "Nam Định", "Kiên Giang"];
const UNITS = ["Sở Tài chính", "Sở Xây dựng", "Sở Y tế", "Sở Nội vụ", "Sở Tư pháp", "Sở Công Thương", "Ban Dân tộc", "Thanh tra tỉnh", "Sở Giao thông vận tải", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội", "Văn phòng UBND tỉnh", "Sở Ngoại vụ"];
const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
const GIVEN = ["Văn Hùng", "Thị Lan", "Minh Tuấn", "Quốc Bảo", "Thị Hương", "Đức Thắng", "Thanh Hà", "Hữu Nghĩa"];
const OPENERS = [
  (c: number, p: string, d: string) => `Ngày ${d}, Cụm thi đua số ${c} tỉnh ${p} tổ chức hội nghị ký kết giao ước thi đua năm 2024.`,
  (c: number, p: string, d: string) => `Sáng ${d}, Khối thi đua các sở, ban, ngành tỉnh ${p} (Khối ${c}) tổng kết công tác thi đua, khen thưởng năm 2023.`,
  (c: number, p: string, d: string) => `Chiều ${d}, tại Hội trường UBND tỉnh ${p}, Cụm thi đua số ${c} triển khai phong trào thi đua năm 2024.`,
];
const CLOSERS = [
  "Các đơn vị thống nhất đẩy mạnh cải cách hành chính, ứng dụng công nghệ thông tin trong chỉ đạo, điều hành.",
  "Hội nghị đã bỏ phiếu suy tôn đơn vị dẫn đầu đề nghị Thủ tướng Chính phủ tặng Cờ thi đua.",
  "Dịp này, nhiều tập thể và cá nhân được tặng Bằng khen vì có thành tích xuất sắc trong phong trào thi đua.",
  "Các thành viên cam kết hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ được giao trong năm.",
  "Đại biểu đề nghị đổi mới nội dung, hình thức tổ chức phong trào thi đua, tránh hình thức.",
];

function pick<T>(xs: T[], n: number): T { return xs[n % xs.length]!; }

/** A generated article page: a title, a dateline and a few paragraphs that vary with n. */
export function benchArticle(n: number): string {
  const p = pick(PROVINCES, n), c = (n % 12) + 1;
  const d = `${(n % 28) + 1}/${(n % 12) + 1}/2024`;
  const units = [0, 3, 5, 7, 11].map((k) => pick(UNITS, n + k * (1 + (n % 5))));
  const uniq = [...new Set(units)];
  const person = `${pick(SURNAMES, n)} ${pick(GIVEN, n >> 3)}`;
  const paras = [
    pick(OPENERS, n)(c, p, d),
    `Cụm thi đua số ${c} gồm ${uniq.length} đơn vị: ${uniq.join(", ")}.`,
    `Năm 2024, ${uniq[0]} được bầu làm Cụm trưởng, ${uniq[1] ?? uniq[0]} làm Cụm phó.`,
    `Phát biểu tại hội nghị, ông ${person}, Phó Chủ tịch UBND tỉnh ${p} ghi nhận kết quả mà các đơn vị đạt được (bài số ${n}).`,
    pick(CLOSERS, n), pick(CLOSERS, n >> 2), pick(CLOSERS, n >> 4),
  ];
  const title = `${pick(OPENERS, n)(c, p, d).split(",")[1]?.trim() ?? "Thi đua"} — ${p} ${n}`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><header><a href="/">Trang chủ</a></header><h1>${title}</h1><article>${paras.map((x) => `<p>${x}</p>`).join("")}</article><footer>Báo thử nghiệm</footer></body></html>`;
}

/** Serves the site until killed: /robots.txt, /sitemap-index.xml, /sitemap-K.xml (1000 URLs each), /bai/N.html. */
function serve(pages: number): void {
  const per = 1000;
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    const base = `http://${req.headers.host}`;
    let m: RegExpExecArray | null;
    if (path === "/robots.txt") { res.writeHead(200, { "content-type": "text/plain" }); res.end("User-agent: *\nAllow: /\n"); }
    else if (path === "/sitemap-index.xml") {
      const maps = Array.from({ length: Math.ceil(pages / per) }, (_, k) => `<sitemap><loc>${base}/sitemap-${k}.xml</loc></sitemap>`);
      res.writeHead(200, { "content-type": "application/xml" }); res.end(`<?xml version="1.0"?><sitemapindex>${maps.join("")}</sitemapindex>`);
    } else if ((m = /^\/sitemap-(\d+)\.xml$/.exec(path))) {
      const k = Number(m[1]);
      const urls = [];
      for (let i = k * per; i < Math.min(pages, (k + 1) * per); i++) urls.push(`<url><loc>${base}/bai/${i}.html</loc></url>`);
      res.writeHead(200, { "content-type": "application/xml" }); res.end(`<?xml version="1.0"?><urlset>${urls.join("")}</urlset>`);
    } else if ((m = /^\/bai\/(\d+)\.html$/.exec(path))) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }); res.end(benchArticle(Number(m[1])));
    } else { res.writeHead(404); res.end(); }
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, "127.0.0.1", () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
}

export interface BenchCrawlOptions { pages: number; concurrency?: number; workers?: number }
export interface BenchCrawlResult { pages: number; seconds: number; pagesPerSecond: number; peakRssMb: number; rssAt: number[] }

export async function benchCrawl(opts: BenchCrawlOptions): Promise<BenchCrawlResult> {
  const { crawl } = await import("../ingest/crawl/crawl.js");
  const { parseConfig } = await import("../ingest/crawl/config.js");
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--serve", String(opts.pages)], { stdio: ["ignore", "pipe", "inherit"] });
  const dir = mkdtempSync(join(tmpdir(), "thidua-bench-crawl-"));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.once("data", (d: Buffer) => resolve(Number(d.toString().trim())));
      child.once("exit", (code) => reject(new Error(`bench site exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const cfg = parseConfig({
      contact: "https://example.org/thidua-bench", delay: 0, concurrency: opts.concurrency ?? 16, perHostConcurrency: opts.concurrency ?? 16, retries: 1,
      outlets: [{ name: "bench", sitemaps: [`${base}/sitemap-index.xml`], articlePatterns: ["/bai/\\d+\\.html$"], maxDepth: 1, maxPages: opts.pages + 100 }],
    }, "bench");
    const rssAt: number[] = [];
    let peak = process.memoryUsage.rss();
    const every = Math.max(1, Math.floor(opts.pages / 10));
    const t0 = performance.now();
    const s = await crawl(cfg, {
      db: join(dir, "bench.sqlite"),
      workers: opts.workers ?? Math.max(0, availableParallelism() - 1),
      onPage: (n) => {
        if (n % 100 === 0) peak = Math.max(peak, process.memoryUsage.rss());
        if (n % every === 0) rssAt.push(process.memoryUsage.rss() / 2 ** 20);
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const pages = s.fetched + s.notModified;
    if (s.newArticles < opts.pages) throw new Error(`only ${s.newArticles} of ${opts.pages} articles stored (${JSON.stringify(s.failedBy)})`);
    return { pages, seconds, pagesPerSecond: pages / seconds, peakRssMb: Math.max(peak, process.memoryUsage.rss()) / 2 ** 20, rssAt };
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const self = process.argv[1] === fileURLToPath(import.meta.url);
if (self && process.argv[2] === "--serve") serve(Number(process.argv[3] ?? 1000));
else if (self) {
  const r = await benchCrawl({ pages: Number(process.argv[2] ?? 1000) });
  console.log(`${r.pages} pages in ${r.seconds.toFixed(1)} s: ${r.pagesPerSecond.toFixed(0)} pages/s, peak RSS ${r.peakRssMb.toFixed(0)} MB; RSS ${r.rssAt.map((x) => x.toFixed(0)).join(" → ")} MB`);
}
