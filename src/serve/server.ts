// The HTTP server of `thidua serve`: GET/HEAD only, server-rendered pages, one read-only connection.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { errorPage, notFound } from "./layout.js";
import { idParam, missingRelations, openReadOnly, type DB } from "./data.js";
import type { Html } from "./html.js";
import { clustersPage } from "./pages/clusters.js";
import { clusterView } from "./pages/cluster.js";
import { unitView } from "./pages/unit.js";
import { personView } from "./pages/person.js";
import { articleView } from "./pages/article.js";
import { searchView } from "./pages/search.js";
import { sqlView } from "./pages/sql.js";
import { runReadOnlySql, toCsv } from "./sql.js";

// No script is ever needed: forbid it outright, so even a missed escape could not run code.
const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

interface Reply { status: number; type: string; body: string; headers?: Record<string, string> }

const htmlReply = (status: number, body: Html): Reply => ({ status, type: "text/html; charset=utf-8", body: body.value });

type Route = (db: DB, dbPath: string, params: URLSearchParams, id: number | string) => Html | null | Promise<Html | null>;

const ENTITY_ROUTES: Record<string, { view: Route; what: string }> = {
  cluster: { view: (db, _p, _q, id) => clusterView(db, id), what: "cluster" },
  unit: { view: (db, _p, _q, id) => unitView(db, id), what: "unit" },
  person: { view: (db, _p, _q, id) => personView(db, id), what: "person" },
  article: { view: (db, _p, _q, id) => articleView(db, id), what: "article" },
};

async function route(db: DB, dbPath: string, url: URL): Promise<Reply> {
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const params = url.searchParams;
  if (path === "/" || path === "/clusters") return htmlReply(200, clustersPage(db, params));
  if (path === "/search") return htmlReply(200, searchView(db, params));
  if (path === "/sql") return htmlReply(200, await sqlView(db, dbPath, params));
  if (path === "/sql.csv") {
    const out = await runReadOnlySql(dbPath, params.get("q") ?? "", { maxRows: 100_000 });
    if ("error" in out) return { status: 400, type: "text/plain; charset=utf-8", body: `${out.error}\n` };
    return { status: 200, type: "text/csv; charset=utf-8", body: toCsv(out), headers: { "Content-Disposition": 'attachment; filename="thidua-query.csv"' } };
  }
  const m = /^\/(cluster|unit|person|article)\/([^/]+)$/.exec(path);
  if (m) {
    const r = ENTITY_ROUTES[m[1]!]!;
    let raw: string;
    try { raw = decodeURIComponent(m[2]!); } catch { raw = ""; }
    const id = idParam(raw);
    const page = id === null ? null : await r.view(db, dbPath, params, id);
    return page ? htmlReply(200, page) : htmlReply(404, notFound(`There is no ${r.what} with id “${raw}” in this database.`));
  }
  return htmlReply(404, notFound(`There is no page at ${url.pathname}.`));
}

export interface ServeHandle { server: Server; url: string; close(): Promise<void> }

export function makeHandler(db: DB, dbPath: string, log: (line: string) => void = () => {}) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let reply: Reply;
    if (req.method !== "GET" && req.method !== "HEAD") {
      reply = { status: 405, type: "text/plain; charset=utf-8", body: `${req.method} is not allowed: this server is read-only (GET and HEAD only).\n`, headers: { Allow: "GET, HEAD" } };
    } else {
      try {
        reply = await route(db, dbPath, new URL(req.url ?? "/", "http://localhost"));
      } catch (e) {
        const msg = (e as Error).message;
        log(`thidua serve: ${req.url}: ${msg}`);
        // a database without the views is the usual cause; say so rather than show internals
        const hint = /no such (table|column)/.test(msg) ? ` The database does not have what this page needs (${msg}); was it made by "thidua ingest"?` : "";
        reply = htmlReply(500, errorPage("Something went wrong", `This page could not be made.${hint}`));
      }
    }
    const buf = Buffer.from(reply.body, "utf8");
    res.writeHead(reply.status, { ...SECURITY_HEADERS, "Content-Type": reply.type, "Content-Length": String(buf.length), "Cache-Control": "no-store", ...reply.headers });
    res.end(req.method === "HEAD" ? undefined : buf);
  };
}

/** Opens the database read-only and listens; port 0 picks a free port. */
export async function startServer(opts: { db: string; port?: number; host?: string; log?: (line: string) => void }): Promise<ServeHandle> {
  const db = openReadOnly(opts.db);
  const missing = missingRelations(db);
  if (missing.length) opts.log?.(`thidua serve: warning: ${opts.db} lacks ${missing.join(", ")}; pages that need them will say so`);
  const handle = makeHandler(db, opts.db, opts.log);
  const server = createServer((req, res) => { void handle(req, res); });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 8080, opts.host ?? "127.0.0.1", () => { server.off("error", reject); resolve(); });
  }).catch((e) => { db.close(); throw e; });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return {
    server,
    url: `http://${host}:${addr.port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => { db.close(); resolve(); }); }),
  };
}
