// thidua serve: a read-only local web page over the knowledge base.
import type { Command } from "commander";
import { dbPath } from "../store/db.js";
import { startServer } from "../serve/server.js";
import { EXIT } from "../exit.js";

interface ServeOptions { db?: string; port: number; host: string }

export function register(program: Command): void {
  program
    .command("serve")
    .description("read-only local web page: clusters, units, persons, articles with highlighted facts, search, SQL over the views")
    .option("--db <file>", "database file (default: $THIDUA_DB or data/thidua.sqlite)")
    .option("--port <n>", "port (0 picks a free one)", (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) { console.error(`thidua serve: --port ${v}: not a port number (0-65535)`); process.exit(EXIT.usage); }
      return n;
    }, 8080)
    .option("--host <h>", "address to listen on (127.0.0.1 keeps it on this machine)", "127.0.0.1")
    .action(async (o: ServeOptions) => {
      const path = dbPath(o.db);
      let handle;
      try {
        handle = await startServer({ db: path, port: o.port, host: o.host, log: (l) => console.error(l) });
      } catch (e) {
        console.error(`thidua serve: ${(e as Error).message}`);
        process.exit(EXIT.fatal);
      }
      console.log(`thidua serve: ${path} (read-only) at ${handle.url}/  — Ctrl+C to stop`);
      const stop = () => { void handle.close().then(() => process.exit(EXIT.ok)); };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
