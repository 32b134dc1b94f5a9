// One crawl per database at a time: two would resume the same run and fetch the same pages.
// A lock file beside the database holds the owner's pid; a lock left by a killed process is taken over.
import { openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";

export class CrawlLockedError extends Error {}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === "EPERM"; }
}

/** Takes the lock for `dbPath` or throws CrawlLockedError naming the process that holds it. Returns the release function. */
export function lockCrawl(dbPath: string): () => void {
  const file = `${dbPath}.crawl-lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => { try { if (readFileSync(file, "utf8") === String(process.pid)) rmSync(file); } catch { /* already gone */ } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(file, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new CrawlLockedError(`${dbPath}: another crawl (pid ${pid}) is running on this database (lock ${file})`);
      rmSync(file, { force: true }); // left by a process that died
    }
  }
  throw new CrawlLockedError(`${dbPath}: could not take the crawl lock ${file}`);
}
