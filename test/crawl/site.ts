// A small fake Vietnamese news site on 127.0.0.1 for the crawl tests: home and section pages,
// articles about cụm/khối thi đua (with ETag/Last-Modified and 304s), an RSS feed, a sitemap index
// with a news sitemap, robots.txt, and the faults a crawler meets at night.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash } from "node:crypto";

export interface Hit { path: string; at: number; headers: IncomingMessage["headers"] }

export interface SiteOptions {
  /** Number of ordinary articles (listed on the section pages). */
  articles?: number;
  /** Crawl-delay line in robots.txt, in seconds (none when undefined). */
  crawlDelay?: number;
  /** Serve ordinary articles this many ms after the request (so a crawl can be killed midway). */
  articleDelayMs?: number;
  /** robots.txt lists a sitemap (/sitemap-robots.xml) that nothing else links to. */
  robotsSitemap?: boolean;
  /** Turn on the fault pages (flaky, busy, hang, loop, huge, latin1 header). */
  faults?: boolean;
  /** Called on each request (tests use it to kill a crawler at a given point). */
  onHit?: (h: Hit, hits: Hit[]) => void;
}

export interface Site { base: string; hits: Hit[]; hugeBytesSent: () => number; edit: (n: number) => void; close: () => Promise<void> }

const UNITS = ["Sở Tài chính", "Sở Xây dựng", "Sở Y tế", "Sở Nội vụ", "Sở Tư pháp", "Sở Công Thương", "Ban Dân tộc", "Thanh tra tỉnh"];
const PLACES = ["Nghệ An", "Thanh Hóa", "Hà Tĩnh", "Quảng Bình", "Bắc Ninh", "Lào Cai"];

// what each article reports besides the template, so that two articles are not near-duplicates of each other
const NEWS = [
  "Trong năm qua, các đơn vị đã hoàn thành kế hoạch giải ngân vốn đầu tư công trước thời hạn hai tháng.",
  "Nhiều mô hình hay như chuyển đổi số trong giải quyết thủ tục hành chính được nhân rộng ở cơ sở.",
  "Công tác cải cách hành chính có chuyển biến rõ nét, chỉ số hài lòng của người dân tăng mạnh.",
  "Phong trào xây dựng nông thôn mới nâng cao huy động được hàng trăm tỷ đồng đóng góp của nhân dân.",
  "Việc phòng, chống tham nhũng, lãng phí được thực hiện nghiêm túc, không để xảy ra sai phạm lớn.",
  "Đội ngũ cán bộ trẻ được bồi dưỡng kỹ năng số, ứng dụng trí tuệ nhân tạo vào công việc hằng ngày.",
  "Hội nghị cũng biểu dương những tập thể tiêu biểu trong phong trào thi đua đặc biệt vì người nghèo.",
  "Tỷ lệ hồ sơ trực tuyến toàn trình đạt trên chín mươi phần trăm, cao nhất từ trước tới nay.",
];

export function articleText(n: number, revision = 0): { title: string; body: string } {
  const place = PLACES[n % PLACES.length]!;
  const cum = (n % 9) + 1;
  const members = [0, 1, 2, 3].map((k) => UNITS[(n + k) % UNITS.length]!);
  const title = `Cụm thi đua số ${cum} tỉnh ${place} ký kết giao ước thi đua năm 2024 (bài ${n})`;
  const body = [
    `Ngày 15/3/2024, tại thành phố Vinh, Cụm thi đua số ${cum} tỉnh ${place} tổ chức hội nghị ký kết giao ước thi đua năm 2024.`,
    `Cụm thi đua số ${cum} gồm ${members.length} đơn vị: ${members.join(", ")}.`,
    // an edited version hands the lead to another member, so its facts differ
    `${members[revision ? 2 : 0]} là Cụm trưởng, ${members[1]} là Cụm phó năm 2024.`,
    `${NEWS[n % NEWS.length]} ${NEWS[(n + 3) % NEWS.length]} ${NEWS[(n + 5) % NEWS.length]}`,
    `Các đơn vị cam kết hoàn thành xuất sắc nhiệm vụ chính trị được giao.${revision ? ` (Cập nhật lần ${revision}: bổ sung danh sách.)` : ""}`,
  ];
  return { title, body: body.join("\n") };
}

function articleHtml(n: number, base: string, revision: number): string {
  const { title, body } = articleText(n, revision);
  const paras = body.split("\n").map((p) => `<p>${p}</p>`).join("\n");
  const related = `<a href="${base}/thi-dua/bai-${(n + 1) % 1000}-cum-thi-dua.html">Bài liên quan</a>`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><article>${paras}</article><aside>${related}</aside></body></html>`;
}

export async function startSite(opts: SiteOptions = {}): Promise<Site> {
  const n = opts.articles ?? 6;
  const hits: Hit[] = [];
  const revisions = new Map<number, number>();
  let hugeSent = 0;
  let flaky = 0;
  let busy = 0;
  const lastModified = new Date(Date.UTC(2024, 2, 15, 8, 0, 0)).toUTCString();
  let base = "";
  const send = (req: IncomingMessage, res: ServerResponse, body: string, type: string) => {
    const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
    if (req.headers["if-none-match"] === etag) { res.writeHead(304, { etag }); res.end(); return; }
    res.writeHead(200, { "content-type": type, etag, "last-modified": lastModified });
    res.end(body);
  };
  const html = (title: string, links: string[]) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><ul>${links.map((l) => `<li>${l}</li>`).join("")}</ul></body></html>`;
  const art = (i: number) => `<a href="/thi-dua/bai-${i}-cum-thi-dua.html">${articleText(i).title}</a>`;

  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    const hit = { path, at: performance.now(), headers: req.headers };
    hits.push(hit);
    opts.onHit?.(hit, hits);
    const m = /^\/thi-dua\/bai-(\d+)-cum-thi-dua\.html$/.exec(path);
    if (path === "/robots.txt") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`User-agent: *\nDisallow: /private/\n${opts.crawlDelay !== undefined ? `Crawl-delay: ${opts.crawlDelay}\n` : ""}${opts.robotsSitemap ? `Sitemap: ${base}/sitemap-robots.xml\nSitemap: /sitemap-robots.xml\n` : ""}`);
    } else if (path === "/") {
      const faults = opts.faults ? ["/loi/flaky-cum-thi-dua.html", "/loi/busy-cum-thi-dua.html", "/loi/hang-cum-thi-dua.html", "/loi/loop-cum-thi-dua.html", "/loi/huge-cum-thi-dua.html", "/loi/latin-cum-thi-dua.html"].map((p) => `<a href="${p}">Khối thi đua ${p}</a>`) : [];
      send(req, res, html("Trang chủ", [`<a href="/thi-dua">Thi đua khen thưởng</a>`, `<a href="/private/thi-dua/bao-cao-thi-dua.html">Nội bộ thi đua</a>`, `<a href="/the-thao/bong-da.html">Bóng đá</a>`, art(0), ...faults]), "text/html; charset=utf-8");
    } else if (path === "/thi-dua" || path === "/thi-dua?page=2") {
      const half = Math.ceil(n / 2);
      const ids = path === "/thi-dua" ? [...Array(half).keys()] : [...Array(n - half).keys()].map((k) => k + half);
      send(req, res, html("Thi đua", [...ids.map(art), `<a href="/thi-dua?page=2">Trang sau</a>`, `<a href="/private/thi-dua/tai-lieu-thi-dua.html">Tài liệu thi đua</a>`]), "text/html; charset=utf-8");
    } else if (m) {
      const i = Number(m[1]);
      const go = () => send(req, res, articleHtml(i, base, revisions.get(i) ?? 0), "text/html; charset=utf-8");
      if (opts.articleDelayMs) setTimeout(go, opts.articleDelayMs); else go();
    } else if (path === "/rss.xml") {
      const items = [...Array(Math.min(n, 3)).keys()].map((i) => `<item><title>${articleText(i).title}</title><link>${base}/thi-dua/bai-${i}-cum-thi-dua.html</link><pubDate>Fri, 15 Mar 2024 08:00:00 +0700</pubDate></item>`);
      items.push(`<item><title>Giá vàng hôm nay</title><link>${base}/kinh-te/gia-vang.html</link></item>`);
      send(req, res, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Thi đua</title>${items.join("")}</channel></rss>`, "application/rss+xml");
    } else if (path === "/sitemap-index.xml") {
      send(req, res, `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${base}/sitemap-news.xml</loc><lastmod>2024-03-15</lastmod></sitemap></sitemapindex>`, "application/xml");
    } else if (path === "/sitemap-robots.xml" && opts.robotsSitemap) {
      const urls = [n + 5].map((i) => `<url><loc>${base}/thi-dua/bai-${i}-cum-thi-dua.html</loc><lastmod>2024-03-16</lastmod></url>`);
      send(req, res, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join("")}</urlset>`, "application/xml");
    } else if (path === "/sitemap-news.xml") {
      const urls = [n - 1, n].map((i) => `<url><loc>${base}/thi-dua/bai-${i}-cum-thi-dua.html</loc><news:news><news:publication><news:name>Báo thử</news:name><news:language>vi</news:language></news:publication><news:publication_date>2024-03-15T08:00:00+07:00</news:publication_date><news:title>${articleText(i).title}</news:title></news:news></url>`);
      send(req, res, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${urls.join("")}</urlset>`, "application/xml");
    } else if (path === "/loi/flaky-cum-thi-dua.html") {
      if (++flaky <= 2) { res.writeHead(500); res.end("lỗi máy chủ"); } else send(req, res, articleHtml(500, base, 0), "text/html; charset=utf-8");
    } else if (path === "/loi/busy-cum-thi-dua.html") {
      if (++busy === 1) { res.writeHead(429, { "retry-after": "1" }); res.end(); } else send(req, res, articleHtml(501, base, 0), "text/html; charset=utf-8");
    } else if (path === "/loi/hang-cum-thi-dua.html") {
      // never answers; the client must give up
    } else if (path === "/loi/loop-cum-thi-dua.html") {
      res.writeHead(302, { location: "/loi/loop2-cum-thi-dua.html" }); res.end();
    } else if (path === "/loi/loop2-cum-thi-dua.html") {
      res.writeHead(301, { location: "/loi/loop-cum-thi-dua.html" }); res.end();
    } else if (path === "/loi/huge-cum-thi-dua.html") {
      // 30 MB streamed without Content-Length, so only the cap on bytes read can stop it
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      const chunk = Buffer.alloc(64 * 1024, "<p>thi đua</p>");
      const total = 30 * 1024 * 1024;
      const pump = () => {
        while (hugeSent < total && !res.destroyed) {
          hugeSent += chunk.length;
          if (!res.write(chunk)) { res.once("drain", pump); return; }
        }
        if (!res.destroyed) res.end();
      };
      res.on("close", () => undefined);
      pump();
    } else if (path === "/loi/latin-cum-thi-dua.html") {
      // the header lies: the bytes are UTF-8
      res.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" });
      res.end(Buffer.from(articleHtml(502, base, 0), "utf8"));
    } else {
      res.writeHead(404, { "content-type": "text/plain" }); res.end("không tìm thấy");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base, hits,
    hugeBytesSent: () => hugeSent,
    edit: (i) => revisions.set(i, (revisions.get(i) ?? 0) + 1),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** A sources config for the site (tiny delays, short timeouts). */
export function siteConfig(base: string, extra: Record<string, unknown> = {}, outlet: Record<string, unknown> = {}) {
  return {
    contact: "https://example.org/thidua-test",
    concurrency: 4, perHostConcurrency: 1, delay: "5ms",
    connectTimeout: "1s", bodyTimeout: "300ms", maxBodyBytes: 1024 * 1024, maxRedirects: 5, retries: 2, backoff: "10ms", maxRetryAfter: "5s",
    ...extra,
    outlets: [{
      name: "Báo thử", start: [`${base}/`], feeds: [`${base}/rss.xml`], sitemaps: [`${base}/sitemap-index.xml`],
      articlePatterns: ["/(thi-dua|loi)/[^/]+\\.html$"], listingPatterns: ["/thi-dua(\\?page=\\d+)?$"],
      maxDepth: 3, maxPages: 200, keywords: "thi-dua|thi đua|cum-thi-dua", revisitFor: "30d",
      ...outlet,
    }],
  };
}
