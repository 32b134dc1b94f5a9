// The crawl's sources: a JSON file listing outlets, their entry points and what to follow.
// Every mistake is reported with the file, the outlet and the field, all at once.
import { readFileSync } from "node:fs";
import { parseDuration } from "./duration.js";
import type { FetchSettings } from "./fetch.js";

export interface OutletConfig {
  name: string;
  /** Home or section pages: fetched every run, their links followed. */
  start: string[];
  /** RSS 2.0 or Atom feeds: their items are articles. */
  feeds: string[];
  /** Sitemaps, news sitemaps or sitemap indexes. */
  sitemaps: string[];
  /** Also follow the Sitemap: lines of robots.txt on the outlet's hosts (default true). */
  robotsSitemaps: boolean;
  /** URLs of articles (any one matches). Empty: every same-site link found in a feed or sitemap is an article, none found on a page is. */
  articlePatterns: RegExp[];
  /** URLs of listing pages (sections, tags, pagination) whose links are followed. */
  listingPatterns: RegExp[];
  /** Hosts that belong to the outlet (the hosts of its start pages, feeds and sitemaps are always included). */
  hosts: string[];
  /** Links followed from a start page: 1 = its articles and listings, 2 = also theirs… */
  maxDepth: number;
  /** Requests for this outlet in one run. */
  maxPages: number;
  /** Only articles whose URL, link text or title match (tested on the text and on its accent-free form). */
  keywords: RegExp | null;
  /** For this long after it was first found, an article is fetched again (conditionally) in every new run, to catch corrections. */
  revisitForMs: number;
  /** Override of the global per-host delay. */
  delayMs: number | null;
}

/** The fetch settings (user agent, timeouts, caps, retries) and the crawl's own. */
export interface CrawlConfig extends FetchSettings {
  file: string;
  /** Put in the User-Agent so site owners can reach the operator. */
  contact: string;
  concurrency: number;
  perHostConcurrency: number;
  delayMs: number;
  /** Upper bound on a robots.txt Crawl-delay (a site asking for an hour between pages is skipped for the night, not obeyed at that pace). */
  maxCrawlDelayMs: number;
  outlets: OutletConfig[];
}

export class ConfigError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: bad crawl config:\n  ${problems.join("\n  ")}`);
    this.name = "ConfigError";
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const GLOBAL_KEYS = new Set(["contact", "userAgent", "concurrency", "perHostConcurrency", "delay", "maxCrawlDelay", "connectTimeout", "bodyTimeout", "maxBodyBytes", "maxRedirects", "retries", "backoff", "maxRetryAfter", "outlets", "$comment"]);
const OUTLET_KEYS = new Set(["name", "start", "feeds", "sitemaps", "articlePatterns", "listingPatterns", "hosts", "maxDepth", "maxPages", "keywords", "revisitFor", "delay", "robotsSitemaps", "$comment"]);

/** Reads and validates a config file; throws ConfigError naming every mistake. */
export function loadConfig(file: string): CrawlConfig {
  let text: string;
  try { text = readFileSync(file, "utf8"); } catch (e) { throw new ConfigError(file, [`cannot read: ${(e as Error).message}`]); }
  let json: unknown;
  try { json = JSON.parse(text); } catch (e) { throw new ConfigError(file, [`not valid JSON: ${(e as Error).message}`]); }
  return parseConfig(json, file);
}

export function parseConfig(json: unknown, file = "<config>"): CrawlConfig {
  const problems: string[] = [];
  if (!isObj(json)) throw new ConfigError(file, ["the top level must be an object with an \"outlets\" array"]);
  const at = (where: string, msg: string) => problems.push(`${where}: ${msg}`);

  for (const k of Object.keys(json)) if (!GLOBAL_KEYS.has(k)) at(`field "${k}"`, "unknown field");
  const num = (o: Obj, key: string, where: string, def: number, min: number): number => {
    const v = o[key];
    if (v === undefined) return def;
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || !Number.isInteger(v)) { at(`${where}field "${key}"`, `must be an integer ≥ ${min}, got ${JSON.stringify(v)}`); return def; }
    return v;
  };
  const dur = (o: Obj, key: string, where: string, def: number): number => {
    const v = o[key];
    if (v === undefined) return def;
    const ms = typeof v === "number" && v >= 0 ? v : typeof v === "string" ? parseDuration(v) : null;
    if (ms === null) { at(`${where}field "${key}"`, `must be a duration like "500ms", "2s", "24h" or a number of milliseconds, got ${JSON.stringify(v)}`); return def; }
    return ms;
  };

  let contact = "";
  if (typeof json.contact !== "string" || !/^(https?:\/\/|mailto:)\S+$/.test(json.contact)) at(`field "contact"`, "required: a URL (or mailto:) where site owners can reach you, put in the User-Agent");
  else contact = json.contact;
  const userAgent = typeof json.userAgent === "string" ? json.userAgent : `thidua/0.1 (+${contact})`;
  if (json.userAgent !== undefined && typeof json.userAgent !== "string") at(`field "userAgent"`, "must be a string");

  const cfg: CrawlConfig = {
    file, contact, userAgent,
    concurrency: num(json, "concurrency", "", 8, 1),
    perHostConcurrency: num(json, "perHostConcurrency", "", 1, 1),
    delayMs: dur(json, "delay", "", 1000),
    maxCrawlDelayMs: dur(json, "maxCrawlDelay", "", 30_000),
    connectTimeoutMs: dur(json, "connectTimeout", "", 10_000),
    bodyTimeoutMs: dur(json, "bodyTimeout", "", 30_000),
    maxBodyBytes: num(json, "maxBodyBytes", "", 5 * 1024 * 1024, 1024),
    maxRedirects: num(json, "maxRedirects", "", 5, 0),
    retries: num(json, "retries", "", 3, 0),
    backoffMs: dur(json, "backoff", "", 1000),
    maxRetryAfterMs: dur(json, "maxRetryAfter", "", 120_000),
    outlets: [],
  };

  if (!Array.isArray(json.outlets) || json.outlets.length === 0) at(`field "outlets"`, "required: a non-empty array of outlets");
  else {
    const names = new Set<string>();
    json.outlets.forEach((o: unknown, i: number) => {
      const label = isObj(o) && typeof o.name === "string" && o.name ? `outlet "${o.name}"` : `outlet #${i + 1}`;
      const where = `${label}: `;
      if (!isObj(o)) { at(label, "must be an object"); return; }
      for (const k of Object.keys(o)) if (!OUTLET_KEYS.has(k)) at(`${where}field "${k}"`, "unknown field");
      if (typeof o.name !== "string" || !o.name.trim()) at(`${where}field "name"`, "required: a non-empty string");
      else if (names.has(o.name)) at(`${where}field "name"`, "used by another outlet");
      else names.add(o.name);
      const urls = (key: string): string[] => {
        const v = o[key];
        if (v === undefined) return [];
        const list = typeof v === "string" ? [v] : v;
        if (!Array.isArray(list)) { at(`${where}field "${key}"`, "must be a URL or an array of URLs"); return []; }
        const out: string[] = [];
        list.forEach((u: unknown, j: number) => {
          let ok = false;
          if (typeof u === "string") { try { const p = new URL(u); ok = p.protocol === "http:" || p.protocol === "https:"; } catch { /* reported below */ } }
          if (!ok) at(`${where}field "${key}[${j}]"`, `not an absolute http(s) URL: ${JSON.stringify(u)}`);
          else out.push(new URL(u as string).href);
        });
        return out;
      };
      const regexes = (key: string): RegExp[] => {
        const v = o[key];
        if (v === undefined) return [];
        const list = typeof v === "string" ? [v] : v;
        if (!Array.isArray(list)) { at(`${where}field "${key}"`, "must be a regular expression or an array of them"); return []; }
        const out: RegExp[] = [];
        list.forEach((r: unknown, j: number) => {
          if (typeof r !== "string") { at(`${where}field "${key}[${j}]"`, "must be a string"); return; }
          try { out.push(new RegExp(r, "iu")); } catch (e) { at(`${where}field "${key}[${j}]"`, `bad regular expression: ${(e as Error).message}`); }
        });
        return out;
      };
      const start = urls("start"), feeds = urls("feeds"), sitemaps = urls("sitemaps");
      const empty = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);
      if (empty(o.start) && empty(o.feeds) && empty(o.sitemaps)) at(`${where}fields "start", "feeds", "sitemaps"`, "at least one entry point is required");
      let hosts: string[] = [];
      if (o.hosts !== undefined) {
        if (!Array.isArray(o.hosts) || o.hosts.some((h) => typeof h !== "string" || !/^[a-z0-9.-]+(:\d+)?$/i.test(h))) at(`${where}field "hosts"`, "must be an array of host names (\"www.example.vn\")");
        else hosts = (o.hosts as string[]).map((h) => h.toLowerCase());
      }
      for (const u of [...start, ...feeds, ...sitemaps]) { const h = new URL(u).host; if (!hosts.includes(h)) hosts.push(h); }
      let keywords: RegExp | null = null;
      if (o.keywords !== undefined) {
        if (typeof o.keywords !== "string" || !o.keywords) at(`${where}field "keywords"`, "must be a regular expression as a string, e.g. \"thi-dua|thi đua\"");
        else { try { keywords = new RegExp(o.keywords, "iu"); } catch (e) { at(`${where}field "keywords"`, `bad regular expression: ${(e as Error).message}`); } }
      }
      const delayMs = o.delay === undefined ? null : dur(o, "delay", where, cfg.delayMs);
      if (o.robotsSitemaps !== undefined && typeof o.robotsSitemaps !== "boolean") at(`${where}field "robotsSitemaps"`, "must be true or false");
      cfg.outlets.push({
        name: typeof o.name === "string" ? o.name : `#${i + 1}`,
        start, feeds, sitemaps, hosts, keywords, delayMs,
        robotsSitemaps: o.robotsSitemaps !== false,
        articlePatterns: regexes("articlePatterns"),
        listingPatterns: regexes("listingPatterns"),
        maxDepth: num(o, "maxDepth", where, 2, 0),
        maxPages: num(o, "maxPages", where, 1000, 1),
        revisitForMs: dur(o, "revisitFor", where, 2 * 86_400_000),
      });
    });
  }
  if (problems.length) throw new ConfigError(file, problems);
  return cfg;
}
