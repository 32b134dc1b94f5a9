// Canonical URLs, so one article reached by several links is recognised as one.

// Query parameters that only track where a reader came from.
const TRACKING = /^(?:utm_\w+|fbclid|gclid|zarsrc|zcid|gidzl|_ga|ref|cmpid|mc_[ce]id|itm_\w+)$/i;

/** Is `s` an absolute http(s) URL? */
export function isHttpUrl(s: string): boolean {
  return /^https?:\/\/[^\s/]+\.[^\s/]+/i.test(s.trim());
}

/**
 * Lower-case scheme and host, no default port, no fragment, no tracking parameters,
 * remaining parameters sorted, no trailing "/" on a non-root path. Null when `s` is not an http(s) URL.
 */
export function canonicalUrl(s: string, base?: string): string | null {
  let u: URL;
  try { u = new URL(s.trim(), base); } catch { return null; }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  u.hash = "";
  const kept = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = "";
  for (const [k, v] of kept) u.searchParams.append(k, v);
  if (u.pathname.length > 1 && u.pathname.endsWith("/")) u.pathname = u.pathname.replace(/\/+$/, "");
  return u.toString();
}

/** The site a URL belongs to, as an outlet name: host without "www." ("laodongthudo.vn"). */
export function hostOutlet(url: string): string | null {
  try {
    const h = new URL(url).hostname.toLowerCase();
    return h.replace(/^www\d?\./, "") || null;
  } catch { return null; }
}
