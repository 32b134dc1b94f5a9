// One measured ingest run in its own process, so its peak RSS is its own: prints a JSON line.
//   node dist/bench/ingest-child.js DB WORKERS PATH...
import { ingest } from "../commands/ingest.js";

const [db, workers, ...paths] = process.argv.slice(2);
const samples: Array<[number, number]> = [];
const t0 = process.hrtime.bigint();
const s = await ingest(paths, {
  db: db!, workers: Number(workers), quiet: true, progress: false,
  onArticle: (n) => { if (n % 5000 === 0) samples.push([n, process.memoryUsage().rss]); },
});
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ seconds, peakRssMb, read: s.read, stored: s.byStatus.stored, failed: s.failed, facts: s.facts, samples }));
