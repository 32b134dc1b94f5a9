// One page over HTTP with undici: conditional headers, redirects (limited, loops detected), a body
// size cap that aborts the transfer, timeouts, and retries with backoff for network errors, 429 and 5xx.
import { Agent, request } from "undici";
import { backoffMs, isRetryableStatus, parseRetryAfter } from "./retry.js";

export interface FetchSettings {
  userAgent: string;
  connectTimeoutMs: number;
  /** Headers must arrive and the body must keep flowing within this; the whole body within 4 times this. */
  bodyTimeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  retries: number;
  backoffMs: number;
  maxRetryAfterMs: number;
}

/** One request and its response, as sent and received (archived to WARC). */
export interface Exchange {
  url: string;
  date: Date;
  requestHeaders: Record<string, string>;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Buffer;
}

export type FailureKind = "network" | "timeout" | "too-large" | "redirect-loop" | "too-many-redirects" | "http" | "robots" | "retry-after-too-long" | "stopped";

export type FetchResult =
  | { ok: true; url: string; status: number; headers: Record<string, string>; body: Buffer; notModified: boolean; attempts: number; exchanges: Exchange[] }
  | { ok: false; url: string; kind: FailureKind; reason: string; status?: number; retryable: boolean; attempts: number; exchanges: Exchange[] };

export interface FetchHooks {
  /** May the crawler request this URL (robots.txt)? Asked for every redirect target. */
  allowed?: (url: string) => Promise<boolean> | boolean;
  /** Called before each request, so the caller can keep hosts polite (waits for the host's turn). */
  beforeRequest?: (url: string) => Promise<void>;
  /** Called when an exchange is over (answered, failed or aborted), so the host's delay counts from there. */
  afterResponse?: (url: string) => void;
  /** The server asked everyone to wait (429/503 with Retry-After): the caller should pause the host. */
  onRetryAfter?: (url: string, ms: number) => void;
  /** Waits (backoff); replaceable in tests. Rejects or returns false when the crawl is stopping. */
  sleep?: (ms: number) => Promise<void>;
  stopping?: () => boolean;
}

export interface Conditional { etag?: string | null; lastModified?: string | null }

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class TooLarge extends Error {}

export function makeAgent(s: Pick<FetchSettings, "connectTimeoutMs" | "bodyTimeoutMs">, connections = 8): Agent {
  return new Agent({ connect: { timeout: s.connectTimeoutMs }, headersTimeout: s.bodyTimeoutMs, bodyTimeout: s.bodyTimeoutMs, connections, keepAliveTimeout: 4000 });
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function lowerHeaders(raw: Record<string, string | string[] | undefined>): { map: Record<string, string>; pairs: [string, string][] } {
  const map: Record<string, string> = {};
  const pairs: [string, string][] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    const vals = Array.isArray(v) ? v : [v];
    for (const x of vals) pairs.push([k, x]);
    map[k.toLowerCase()] = vals.join(", ");
  }
  return { map, pairs };
}

function errorKind(e: unknown): { kind: FailureKind; reason: string } {
  const err = e as { code?: string; message?: string; name?: string };
  const code = err.code ?? "";
  if (code === "UND_ERR_CONNECT_TIMEOUT") return { kind: "timeout", reason: "connect timeout" };
  if (code === "UND_ERR_HEADERS_TIMEOUT") return { kind: "timeout", reason: "no response headers in time" };
  if (code === "UND_ERR_BODY_TIMEOUT") return { kind: "timeout", reason: "body stalled" };
  if (err.name === "TimeoutError" || err.name === "AbortError") return { kind: "timeout", reason: "body not complete in time" };
  return { kind: "network", reason: `${code ? code + ": " : ""}${err.message ?? String(e)}` };
}

/** Reads the body up to `max` bytes; past it the transfer is destroyed, never buffered. */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(err?: Error): unknown }, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > max) { body.destroy(); throw new TooLarge(`body larger than ${max} bytes`); }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** Fetches `url` (GET), following redirects and retrying as configured. Never throws. */
export async function fetchPage(agent: Agent, url: string, s: FetchSettings, cond: Conditional = {}, hooks: FetchHooks = {}): Promise<FetchResult> {
  const sleep = hooks.sleep ?? defaultSleep;
  const exchanges: Exchange[] = [];
  let attempts = 0;
  const seen = new Set<string>([url]);
  let current = url;
  let redirects = 0;
  const fail = (kind: FailureKind, reason: string, retryable: boolean, status?: number): FetchResult => ({ ok: false, url: current, kind, reason, retryable, attempts, exchanges, ...(status !== undefined ? { status } : {}) });

  for (;;) {
    if (hooks.stopping?.()) return fail("stopped", "crawl stopping", true);
    await hooks.beforeRequest?.(current);
    attempts++;
    const reqHeaders: Record<string, string> = { "user-agent": s.userAgent, accept: "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,*/*;q=0.8", "accept-language": "vi,en;q=0.5" };
    if (current === url) {
      if (cond.etag) reqHeaders["if-none-match"] = cond.etag;
      if (cond.lastModified) reqHeaders["if-modified-since"] = cond.lastModified;
    }
    const date = new Date();
    const requested = current;
    let retryWait: number | null = null;
    let failure: { kind: FailureKind; reason: string; status?: number } | null = null;
    try {
      const res = await request(current, { method: "GET", headers: reqHeaders, dispatcher: agent, signal: AbortSignal.timeout(s.bodyTimeoutMs * 4) });
      const { map, pairs } = lowerHeaders(res.headers);
      const exchange = (body: Buffer): Exchange => ({ url: current, date, requestHeaders: reqHeaders, status: res.statusCode, statusText: "", headers: pairs, body });
      const declared = Number(map["content-length"]);
      if (Number.isFinite(declared) && declared > s.maxBodyBytes) {
        res.body.destroy();
        return fail("too-large", `Content-Length ${declared} over the cap of ${s.maxBodyBytes} bytes`, false, res.statusCode);
      }
      if (REDIRECTS.has(res.statusCode) && map.location) {
        await res.body.dump().catch(() => undefined);
        exchanges.push(exchange(Buffer.alloc(0)));
        let next: string;
        try { next = new URL(map.location, current).href; } catch { return fail("http", `bad redirect Location: ${map.location}`, false, res.statusCode); }
        if (seen.has(next)) return fail("redirect-loop", `redirect loop back to ${next}`, false, res.statusCode);
        if (++redirects > s.maxRedirects) return fail("too-many-redirects", `more than ${s.maxRedirects} redirects`, false, res.statusCode);
        if (hooks.allowed && !(await hooks.allowed(next))) return fail("robots", `redirect to ${next}, disallowed by robots.txt`, false, res.statusCode);
        seen.add(next);
        current = next;
        attempts--; // a redirect is not a new attempt
        continue;
      }
      if (res.statusCode === 304) {
        await res.body.dump().catch(() => undefined);
        exchanges.push(exchange(Buffer.alloc(0)));
        return { ok: true, url: current, status: 304, headers: map, body: Buffer.alloc(0), notModified: true, attempts, exchanges };
      }
      if (res.statusCode >= 200 && res.statusCode < 300) {
        const body = await readCapped(res.body, s.maxBodyBytes);
        exchanges.push(exchange(body));
        return { ok: true, url: current, status: res.statusCode, headers: map, body, notModified: false, attempts, exchanges };
      }
      await res.body.dump().catch(() => undefined);
      exchanges.push(exchange(Buffer.alloc(0)));
      if (!isRetryableStatus(res.statusCode)) return fail("http", `HTTP ${res.statusCode}`, res.statusCode === 408, res.statusCode);
      failure = { kind: "http", reason: `HTTP ${res.statusCode}`, status: res.statusCode };
      retryWait = parseRetryAfter(map["retry-after"]);
      if (retryWait !== null) {
        if (retryWait > s.maxRetryAfterMs) return fail("retry-after-too-long", `HTTP ${res.statusCode}, Retry-After ${Math.round(retryWait / 1000)} s is over the limit of ${Math.round(s.maxRetryAfterMs / 1000)} s`, true, res.statusCode);
        hooks.onRetryAfter?.(current, retryWait);
      }
    } catch (e) {
      if (e instanceof TooLarge) return fail("too-large", e.message, false);
      failure = errorKind(e);
    } finally {
      hooks.afterResponse?.(requested);
    }
    if (attempts > s.retries) return fail(failure!.kind, `${failure!.reason} (after ${attempts} attempts)`, true, failure!.status);
    await sleep(retryWait ?? backoffMs(attempts, s.backoffMs));
  }
}
