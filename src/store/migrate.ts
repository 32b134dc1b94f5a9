// Schema versions per component ("core", "crawl", …): each component owns an ordered list of
// migrations and applies the ones its database has not seen, each in its own transaction.
import type { DB } from "./db.js";

export interface Migration {
  version: number; // 1, 2, 3… in order
  name: string;
  sql: string;
}

export function migrate(db: DB, component: string, migrations: Migration[]): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    component TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    PRIMARY KEY (component, version))`);
  const row = db.prepare("SELECT max(version) AS v FROM schema_migrations WHERE component = ?").get(component) as { v: number | null };
  let current = row.v ?? 0;
  const record = db.prepare("INSERT INTO schema_migrations (component, version, name) VALUES (?, ?, ?)");
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => { db.exec(m.sql); record.run(component, m.version, m.name); })();
    current = m.version;
  }
  return current;
}
