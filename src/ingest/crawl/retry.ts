// When to try a request again: exponential backoff with jitter, or what the server asked for.

/** Milliseconds to wait from a Retry-After value (delay in seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return Math.max(0, t - now);
}

/** Wait before retry number `attempt` (1, 2, 3…): base·2^(attempt-1), scaled by a random factor in [0.5, 1.5). */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  return Math.round(baseMs * 2 ** (attempt - 1) * (0.5 + random()));
}

/** Statuses worth another try: rate limited, or a server error that may pass. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
}
