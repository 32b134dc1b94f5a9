// robots.txt per origin: fetched once a day (cached in the database), read with robots-parser.
// 4xx means no rules; a server error or no answer means keep out for this run.
import robotsParserModule from "robots-parser";

interface Robot { isAllowed(url: string, ua?: string): boolean | undefined; getCrawlDelay(ua?: string): number | undefined; getSitemaps(): string[] }
// a CommonJS module whose export is the function itself; its typings describe it as an ES default export
const robotsParser = robotsParserModule as unknown as (url: string, body: string) => Robot;
import type { DB } from "../../store/db.js";

export interface RobotsRules {
  allowed(url: string): boolean;
  /** Crawl-delay for our agent in milliseconds, when the site sets one. */
  crawlDelayMs: number | null;
  /** Why everything is refused (robots.txt unreachable), when it is. */
  refused: string | null;
  /** Absolute URLs of the Sitemap: lines (any agent's section; the line is global). */
  sitemaps: string[];
}

export type RobotsFetch = (url: string) => Promise<{ status: number; body: string } | { error: string }>;

const DAY = 86_400_000;

export function rulesFrom(origin: string, status: number, body: string, agent: string): RobotsRules {
  if (status >= 400 && status < 500) return { allowed: () => true, crawlDelayMs: null, refused: null, sitemaps: [] };
  if (status >= 500) return { allowed: () => false, crawlDelayMs: null, refused: `robots.txt answered HTTP ${status}`, sitemaps: [] };
  const r = robotsParser(`${origin}/robots.txt`, body);
  const delay = r.getCrawlDelay(agent);
  return {
    allowed: (url) => r.isAllowed(url, agent) !== false, crawlDelayMs: delay === undefined ? null : Math.round(delay * 1000), refused: null,
    sitemaps: absoluteUrls(origin, r.getSitemaps()),
  };
}

// Sitemap lines may be relative or junk; keep the http(s) ones, resolved against the site.
function absoluteUrls(origin: string, list: string[]): string[] {
  const out = new Set<string>();
  for (const u of list) {
    try { const p = new URL(u.trim(), `${origin}/`); if (p.protocol === "http:" || p.protocol === "https:") out.add(p.href); } catch { /* not a URL */ }
  }
  return [...out];
}

/** Rules for every origin, fetched at most once per process and once a day across runs. */
export function makeRobots(db: DB, agent: string, fetch: RobotsFetch) {
  const get = db.prepare("SELECT fetched_at, status, body FROM crawl_robots WHERE origin = ?");
  const put = db.prepare("INSERT INTO crawl_robots (origin, fetched_at, status, body) VALUES (?, ?, ?, ?) ON CONFLICT (origin) DO UPDATE SET fetched_at = excluded.fetched_at, status = excluded.status, body = excluded.body");
  const cache = new Map<string, Promise<RobotsRules>>();
  const load = async (origin: string): Promise<RobotsRules> => {
    const row = get.get(origin) as { fetched_at: string; status: number; body: string } | undefined;
    if (row && Date.now() - Date.parse(row.fetched_at) < DAY && row.status < 500) return rulesFrom(origin, row.status, row.body ?? "", agent);
    const res = await fetch(`${origin}/robots.txt`);
    if ("error" in res) return { allowed: () => false, crawlDelayMs: null, refused: `robots.txt unreachable: ${res.error}`, sitemaps: [] };
    put.run(origin, new Date().toISOString(), res.status, res.body);
    return rulesFrom(origin, res.status, res.body, agent);
  };
  return {
    rules(url: string): Promise<RobotsRules> {
      const origin = new URL(url).origin;
      let p = cache.get(origin);
      if (!p) { p = load(origin); cache.set(origin, p); }
      return p;
    },
  };
}
