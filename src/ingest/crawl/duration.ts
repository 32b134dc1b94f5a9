// Durations written by people in configs and on the command line ("24h", "30m", "7d", "1500ms", "90s").

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds of "N<unit>" (unit ms, s, m, h, d or w; a bare number is seconds); null when not a duration. */
export function parseDuration(s: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$/i.exec(s);
  if (!m) return null;
  const unit = UNIT_MS[(m[2] ?? "s").toLowerCase()]!;
  return Math.round(Number(m[1]) * unit);
}
