// Test helper: a database shaped like the view contract, filled from (Article, ExtractionRecord) pairs.
// It stands in for the store while the store is being written; canonicalisation here is deliberately naive.
import Database from "better-sqlite3";
import { matchKey } from "../../src/extract/normalize.js";
import type { Article, ExtractionRecord, Provenance } from "../../src/types.js";
import { indexArticle } from "../../src/store/search.js";

const ART = "article_id INTEGER, source TEXT, url TEXT, title TEXT, published TEXT, outlet TEXT";
const PROV = "fact_id INTEGER, sentence_index INTEGER, start INTEGER, end INTEGER, rule TEXT, confidence REAL, extractor_version TEXT";

const SCHEMA = `
CREATE TABLE articles (id INTEGER PRIMARY KEY, source TEXT, url TEXT, title TEXT, published TEXT, outlet TEXT, author TEXT, text TEXT, raw TEXT, status TEXT, skip_reason TEXT, body_hash TEXT, duplicate_of INTEGER);
CREATE TABLE article_sources (article_id INTEGER, source TEXT, url TEXT, title TEXT, outlet TEXT, published TEXT, how TEXT, similarity REAL, copy_id INTEGER);
CREATE TABLE clusters (id INTEGER PRIMARY KEY, kind TEXT, number INTEGER, name TEXT, locality TEXT, system TEXT);
CREATE TABLE units (id INTEGER PRIMARY KEY, name TEXT, kind TEXT);
CREATE TABLE persons (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE unit_aliases (unit_id INTEGER, alias TEXT, count INTEGER);
CREATE TABLE person_aliases (person_id INTEGER, alias TEXT, count INTEGER);
CREATE TABLE v_cluster_members (${ART}, ${PROV}, cluster_id INTEGER, cluster TEXT, cluster_kind TEXT, cluster_number INTEGER, cluster_surface TEXT, unit_id INTEGER, unit TEXT, unit_canonical TEXT);
CREATE TABLE v_cluster_roles (${ART}, ${PROV}, cluster_id INTEGER, cluster TEXT, unit_id INTEGER, unit TEXT, unit_canonical TEXT, role TEXT, year INTEGER);
-- as in the store's view: the official's title comes second, so SQLite names it "title:1"
CREATE TABLE v_officials (${ART}, ${PROV}, person_id INTEGER, name TEXT, rank TEXT, "title:1" TEXT);
CREATE TABLE v_commitments (${ART}, ${PROV}, cluster_id INTEGER, cluster TEXT, year INTEGER, text TEXT);
CREATE TABLE v_awards (${ART}, ${PROV}, award TEXT, recipient TEXT, recipient_unit_id INTEGER, year INTEGER, status TEXT);
CREATE TABLE v_events (${ART}, ${PROV}, cluster_id INTEGER, type TEXT, date TEXT, location TEXT);
CREATE TABLE v_documents (${ART}, ${PROV}, kind TEXT, number TEXT, date TEXT, issuer TEXT);
CREATE TABLE v_cluster_timeline (cluster_id INTEGER, cluster TEXT, cluster_kind TEXT, cluster_number INTEGER, locality TEXT, year INTEGER, leader TEXT, deputy TEXT, members TEXT, articles INTEGER, outlets INTEGER, sources TEXT);
CREATE TABLE v_person_titles (person_id INTEGER, name TEXT, title TEXT, first_seen TEXT, last_seen TEXT, articles INTEGER, outlets INTEGER);
`;

/** `duplicateOf` names the source of the story's primary article (stored earlier in the list). */
export interface Stored { article: Article; record: ExtractionRecord; status?: "stored" | "skipped" | "duplicate"; duplicateOf?: string }

/** With `fts`, articles are also indexed by the store's full-text search module, as ingest does. */
export function buildContractDb(path: string, items: Stored[], opts: { fts?: boolean } = {}): void {
  const db = new Database(path);
  db.exec(SCHEMA);
  if (opts.fts) db.exec(`CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, article_id UNINDEXED, title, body, title_folded, body_folded, tokenize = "unicode61 remove_diacritics 0")`);
  const ids = (table: string, cols: string) => {
    const map = new Map<string, number>();
    const ins = db.prepare(`INSERT INTO ${table} (${cols}) VALUES (${cols.split(",").map(() => "?").join(",")})`);
    return (key: string, ...values: unknown[]) => {
      let id = map.get(key);
      if (id === undefined) { id = Number(ins.run(...values).lastInsertRowid); map.set(key, id); }
      return id;
    };
  };
  const clusterId = ids("clusters", "kind,number,name,locality,system");
  const unitId = ids("units", "name,kind");
  const personId = ids("persons", "name");
  const unitAliases = new Map<string, number>();
  const personAliases = new Map<string, number>();
  const insert = (view: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row);
    db.prepare(`INSERT INTO ${view} (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map(() => "?").join(",")})`).run(...Object.values(row));
  };
  let factId = 0;
  // timeline: cluster -> year -> {leader, deputy, members, articles}
  type Year = { leader: Set<string>; deputy: Set<string>; members: Set<string>; articles: Map<number, { url: string | null; title: string | null; outlet: string | null }> };
  const timeline = new Map<number, Map<number | null, Year>>();
  const yearOf = (cid: number, y: number | null) => {
    const t = timeline.get(cid) ?? new Map<number | null, Year>();
    timeline.set(cid, t);
    const e = t.get(y) ?? { leader: new Set(), deputy: new Set(), members: new Set(), articles: new Map() };
    t.set(y, e);
    return e;
  };
  const titles = new Map<string, { person_id: number; name: string; title: string; seen: string[]; articles: Set<number>; outlets: Set<string> }>();
  db.transaction(() => {
    const addSource = db.prepare("INSERT INTO article_sources VALUES (?,?,?,?,?,?,?,?,?)");
    for (const { article: a, record: r, status = "stored", duplicateOf } of items) {
      const primary = duplicateOf ? (db.prepare("SELECT id FROM articles WHERE source = ?").pluck().get(duplicateOf) as number) : null;
      const aid = Number(db.prepare("INSERT INTO articles (source,url,title,published,outlet,author,text,status,duplicate_of) VALUES (?,?,?,?,?,?,?,?,?)")
        .run(a.source, a.url, a.title, a.published, a.outlet, a.author, a.text, status, primary).lastInsertRowid);
      if (primary !== null) addSource.run(primary, a.source, a.url, a.title, a.outlet, a.published, "near-duplicate", 0.92, aid);
      else addSource.run(aid, a.source, a.url, a.title, a.outlet, a.published, "primary", null, null);
      if (opts.fts) indexArticle(db, aid, a.title, a.text);
      if (status !== "stored") continue;
      const art = { article_id: aid, source: a.source, url: a.url, title: a.title, published: a.published, outlet: a.outlet };
      const prov = (p: Provenance) => ({ fact_id: ++factId, sentence_index: p.sentence, start: p.start, end: p.end, rule: p.rule, confidence: p.confidence, extractor_version: r.extractor.version });
      const pubYear = a.published ? Number(a.published.slice(0, 4)) : null;
      const cids = r.clusters.map((c) => clusterId(`${c.kind}|${c.number ?? matchKey(c.name)}|${c.locality ?? ""}`, c.kind, c.number, c.name, c.locality, c.system ?? null));
      const cinfo = (i: number | null) => (i === null || cids[i] === undefined ? null : { id: cids[i]!, c: r.clusters[i]! });
      const unit = (name: string) => {
        const key = matchKey(name);
        const id = unitId(key, name, null);
        unitAliases.set(`${id}\t${name}`, (unitAliases.get(`${id}\t${name}`) ?? 0) + 1);
        return { id, canonical: (db.prepare("SELECT name FROM units WHERE id = ?").pluck().get(id) as string) };
      };
      const touch = (cid: number, y: number | null) => { const e = yearOf(cid, y); e.articles.set(aid, { url: a.url, title: a.title, outlet: a.outlet }); return e; };
      for (const m of r.members) {
        const ci = cinfo(m.cluster); if (!ci) continue;
        const u = unit(m.unit);
        insert("v_cluster_members", { ...art, ...prov(m.prov), cluster_id: ci.id, cluster: ci.c.name, cluster_kind: ci.c.kind, cluster_number: ci.c.number, cluster_surface: ci.c.name, unit_id: u.id, unit: m.unit, unit_canonical: u.canonical });
        touch(ci.id, pubYear).members.add(u.canonical);
      }
      for (const x of r.roles) {
        const ci = cinfo(x.cluster); if (!ci) continue;
        const u = unit(x.unit);
        insert("v_cluster_roles", { ...art, ...prov(x.prov), cluster_id: ci.id, cluster: ci.c.name, unit_id: u.id, unit: x.unit, unit_canonical: u.canonical, role: x.role, year: x.year });
        const e = touch(ci.id, x.year ?? pubYear);
        (x.role === "trưởng" ? e.leader : e.deputy).add(u.canonical);
      }
      for (const o of r.officials) {
        const pid = personId(matchKey(o.name), o.name);
        personAliases.set(`${pid}\t${o.name}`, (personAliases.get(`${pid}\t${o.name}`) ?? 0) + 1);
        o.titles.forEach((t, k) => {
          insert("v_officials", { ...art, ...prov(o.titleProv?.[k] ?? o.prov), person_id: pid, name: o.name, rank: o.rank, "title:1": t });
          const key = `${pid}\t${t}`;
          const e = titles.get(key) ?? { person_id: pid, name: o.name, title: t, seen: [], articles: new Set(), outlets: new Set() };
          if (a.published) e.seen.push(a.published);
          e.articles.add(aid); if (a.outlet) e.outlets.add(a.outlet);
          titles.set(key, e);
        });
      }
      for (const c of r.commitments) {
        const ci = cinfo(c.cluster); if (!ci) continue;
        insert("v_commitments", { ...art, ...prov(c.prov), cluster_id: ci.id, cluster: ci.c.name, year: c.year, text: c.text });
        touch(ci.id, c.year ?? pubYear);
      }
      for (const w of r.awards) insert("v_awards", { ...art, ...prov(w.prov), award: w.award, recipient: w.recipient, recipient_unit_id: unit(w.recipient).id, year: w.year, status: w.status });
      for (const e of r.events) insert("v_events", { ...art, ...prov(e.prov), cluster_id: cids[0] ?? null, type: e.type, date: e.date, location: e.location });
      for (const d of r.documents) insert("v_documents", { ...art, ...prov(d.prov), kind: d.kind, number: d.number, date: d.date, issuer: d.issuer ?? null });
    }
    for (const [k, n] of unitAliases) { const [id, alias] = k.split("\t"); db.prepare("INSERT INTO unit_aliases VALUES (?,?,?)").run(Number(id), alias, n); }
    for (const [k, n] of personAliases) { const [id, alias] = k.split("\t"); db.prepare("INSERT INTO person_aliases VALUES (?,?,?)").run(Number(id), alias, n); }
    for (const t of titles.values()) {
      const seen = t.seen.sort();
      db.prepare("INSERT INTO v_person_titles VALUES (?,?,?,?,?,?,?)").run(t.person_id, t.name, t.title, seen[0] ?? null, seen[seen.length - 1] ?? null, t.articles.size, t.outlets.size);
    }
    for (const [cid, years] of timeline) {
      const c = db.prepare("SELECT * FROM clusters WHERE id = ?").get(cid) as { name: string; kind: string; number: number | null; locality: string | null };
      for (const [year, e] of years) {
        const outlets = new Set([...e.articles.values()].map((x) => x.outlet).filter(Boolean));
        db.prepare("INSERT INTO v_cluster_timeline VALUES (?,?,?,?,?,?,?,?,?,?,?,?)").run(cid, c.name, c.kind, c.number, c.locality, year,
          [...e.leader].join("; ") || null, [...e.deputy].join("; ") || null, [...e.members].join("; ") || null, e.articles.size, outlets.size,
          JSON.stringify([...e.articles].map(([id, x]) => ({ article_id: id, url: x.url, title: x.title }))));
      }
    }
  })();
  db.close();
}
