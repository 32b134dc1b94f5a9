// Politeness per host: at most N requests at a time, and at least `delay` between two request starts
// and between the end of one request and the start of the next.
// A Retry-After from the server pauses the whole host.

export interface HostGate {
  /** Resolves when a request to `host` may start; the caller must call release(host) when it ends. */
  acquire(host: string): Promise<void>;
  release(host: string): void;
  setDelay(host: string, ms: number): void;
  pause(host: string, ms: number): void;
  /** A request to the host is over: the next one waits the delay from now. */
  ended(host: string): void;
  /** Waits for the host's next turn without taking a slot (a retry or a redirect inside a held slot). */
  turn(host: string): Promise<void>;
}

interface HostState { delay: number; lastStart: number; lastEnd: number; pausedUntil: number; active: number; waiting: (() => void)[] }

export function makeHostGate(defaultDelayMs: number, perHost: number, now = () => Date.now()): HostGate {
  const hosts = new Map<string, HostState>();
  const state = (h: string): HostState => {
    let s = hosts.get(h);
    if (!s) { s = { delay: defaultDelayMs, lastStart: -Infinity, lastEnd: -Infinity, pausedUntil: 0, active: 0, waiting: [] }; hosts.set(h, s); }
    return s;
  };
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  // Reserve the start time synchronously so concurrent callers queue up one delay apart; the delay
  // is read now, so a Crawl-delay learnt from robots.txt applies from the next request on. Counting
  // also from the end of the last request means the server sees the gap, whatever the network adds.
  const turn = async (h: string): Promise<void> => {
    const s = state(h);
    const t = Math.max(now(), s.lastStart + s.delay, s.lastEnd + s.delay, s.pausedUntil);
    s.lastStart = t;
    const wait = t - now();
    if (wait > 0) await sleep(wait);
  };
  return {
    async acquire(h) {
      const s = state(h);
      if (s.active >= perHost) await new Promise<void>((r) => s.waiting.push(r));
      else s.active++;
      await turn(h);
    },
    release(h) {
      const s = state(h);
      s.lastEnd = now();
      const next = s.waiting.shift();
      if (next) next(); // the slot passes straight to the next waiter
      else s.active--;
    },
    ended(h) { state(h).lastEnd = now(); },
    setDelay(h, ms) { state(h).delay = ms; },
    pause(h, ms) { const s = state(h); s.pausedUntil = Math.max(s.pausedUntil, now() + ms); },
    turn,
  };
}
