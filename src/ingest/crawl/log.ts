// What the crawl tells the operator: JSON lines on stderr for logs (cron, systemd), or a single
// progress line redrawn in place when stderr is a terminal.

export type LogEvent = { event: string; [k: string]: unknown };
export type Logger = (e: LogEvent) => void;

export const silent: Logger = () => {};

export function jsonLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  return (e) => { stream.write(JSON.stringify({ t: new Date().toISOString(), ...e }) + "\n"); };
}

export interface Progress { fetched: number; notModified: number; newArticles: number; failed: number }

/** A terminal progress line, redrawn at most every 200 ms; problems still printed on their own line. */
export function terminalLogger(stream: NodeJS.WriteStream, progress: () => Progress): { log: Logger; done: () => void } {
  let last = 0;
  let shown = false;
  const draw = () => {
    const p = progress();
    const line = `crawl: ${p.fetched} fetched, ${p.notModified} not modified, ${p.newArticles} new articles, ${p.failed} failed`;
    stream.write(`\r${line.slice(0, (stream.columns || 120) - 1)}\x1b[K`);
    shown = true;
  };
  return {
    log(e) {
      if (e.event === "failed" || e.event === "warning") {
        if (shown) stream.write("\r\x1b[K");
        stream.write(`thidua crawl: ${String(e.url ?? "")}: ${String(e.reason ?? e.message ?? "")}\n`);
        shown = false;
      }
      const now = Date.now();
      if (now - last > 200) { last = now; draw(); }
    },
    done() { if (shown) stream.write("\r\x1b[K"); },
  };
}
