// Entity resolution across articles: canonical clusters, units and persons, each with its aliases and,
// for every alias, the rule that merged it and the evidence. Incremental (only facts not yet resolved are
// visited, in article order) and deterministic; `rebuild` forgets every entity and resolves everything again.
// Lookups go through indexed keys (and one-word-wildcard variants for typos), never a scan of all entities.
import type { DB } from "./db.js";
import { fold, matchKey } from "../extract/normalize.js";
import { loadLexicon } from "../extract/lexicon.js";
import { LevenshteinDistance } from "../lib/natural.js";
import { canonicalProvince, expandForDisplay, foldedKey, isMultiProvince, isNational, nameKey, nameWords, provincesIn, systemIn, wordDice } from "./names.js";

export interface ResolveReport { articles: number; facts: number; clusters: number; units: number; persons: number; merges: Record<string, number> }

const NATIONAL = "toàn quốc";
const REGIONAL = "liên tỉnh";

// ---------- clusters ----------

export interface ClusterIdentity { key: string; kind: string; number: number | null; system: string; locality: string; core: string; evidence: string }

const CLUSTER_WORDS = new Set(["cụm", "khối", "thi", "đua", "số", "của", "các", "thuộc", "trực"]);

/** What makes two cluster mentions one cluster: kind, number, system and locality (or, without a number, the name). */
export function clusterIdentity(f: { kind: string; number: number | null; name: string; locality: string | null; system?: string | null }, article: { locality: string | null; localityMentions?: number }): ClusterIdentity {
  const ev: string[] = [`kind ${f.kind}`];
  if (f.number != null) ev.push(`number ${f.number}`);
  const sys = f.system ?? systemIn(f.name);
  const system = sys ?? "";
  ev.push(sys ? `system ${sys}${f.system ? "" : " (named in the cluster)"}` : "no system named");
  let locality = "";
  const inName = provincesIn(f.name)[0]?.name;
  if (f.locality) { locality = canonicalProvince(f.locality); ev.push(`locality ${locality} (stated with the cluster)`); }
  else if (inName) { locality = inName; ev.push(`locality ${locality} (in the cluster's name)`); }
  else if (isNational(f.name)) { locality = NATIONAL; ev.push("national level (the name names a ministry or the central level)"); }
  else if (isMultiProvince(f.name)) { locality = REGIONAL; ev.push("several provinces (the name groups them)"); }
  else if (article.locality) { locality = article.locality; ev.push(`locality ${locality} (the province the article names most${article.localityMentions ? `, ${article.localityMentions}×` : ""})`); }
  else ev.push("no locality known");
  const core = nameWords(f.name).filter((w) => !CLUSTER_WORDS.has(w)).join(" ");
  const key = f.number != null
    ? `${f.kind}|${f.number}|${fold(system)}|${fold(locality)}`
    : `${f.kind}|-|${fold(system)}|${fold(locality)}|${fold(core)}`;
  return { key, kind: f.kind, number: f.number, system, locality, core: fold(core), evidence: ev.join(", ") };
}

function clusterDisplay(id: ClusterIdentity, surface: string): string {
  const kind = id.kind === "khối" ? "Khối" : "Cụm";
  if (id.number == null) { const s = expandForDisplay(surface); return s.charAt(0).toUpperCase() + s.slice(1); }
  const where = [id.system, id.locality && id.locality !== NATIONAL ? id.locality : id.locality === NATIONAL ? "toàn quốc" : ""].filter(Boolean).join(", ");
  return `${kind} thi đua số ${id.number}${where ? ` (${where})` : ""}`;
}

// ---------- units ----------

let provinceKinds: Map<string, string> | null = null;

/** Comparison key of a unit: abbreviations expanded, tone placement and case unified; a bare province gets its noun. */
export function unitKey(surface: string): string {
  const k = nameKey(surface);
  if (!provinceKinds) {
    provinceKinds = new Map();
    for (const [e, v] of loadLexicon("provinces")) provinceKinds.set(nameKey(e), v || "tỉnh");
  }
  const kind = provinceKinds.get(k);
  return kind ? `${kind} ${k}` : k;
}

const ADMIN = ["thành phố", "tỉnh", "quận", "huyện", "thị xã", "thị trấn", "xã", "phường", "đặc khu"];
function unitKind(key: string): string {
  for (const a of ADMIN) if (key === a || key.startsWith(a + " ")) return a;
  return "tổ chức";
}

/** Keys with one word replaced by "*": two names one typo apart share one (numbers and short words never vary). */
export function typoVariants(key: string): string[] {
  const w = key.split(" ");
  const out: string[] = [];
  w.forEach((x, i) => { if (x.length >= 3 && !/\d/.test(x)) out.push([...w.slice(0, i), "*", ...w.slice(i + 1)].join(" ")); });
  return out;
}

/** Only one letter (or one tone mark) apart, in a word that is not a number. */
export function oneTypoApart(a: string, b: string): boolean {
  if (a === b) return false;
  const A = a.split(" "), B = b.split(" ");
  if (A.length !== B.length) return false;
  const diff = A.map((x, i) => [x, B[i]!] as const).filter(([x, y]) => x !== y);
  if (diff.length !== 1) return false;
  const [x, y] = diff[0]!;
  if (/\d/.test(x) || /\d/.test(y) || x.length < 3 || y.length < 3) return false;
  return LevenshteinDistance(x, y) === 1;
}

// ---------- persons ----------

export function personKey(name: string): string {
  return matchKey(name);
}

/** Provinces a post names ("Chủ tịch UBND tỉnh Lâm Đồng" → Lâm Đồng). */
function placesOf(titles: string[]): string[] {
  return [...new Set(titles.flatMap((t) => provincesIn(t).map((p) => p.name)))];
}

// ---------- the resolver ----------

interface ArticleCtx { id: number; locality: string | null; mentions: number }

// placed keys are a pure function of the surface, the cluster's and the article's localities (and the lexicons):
// kept across runs, so resolving in many small runs (during an ingest) computes each once
const placedCache = new Map<string, { key: string; parent: string | null; placed: string | null }>();

export function resolve(db: DB, opts: { rebuild?: boolean } = {}): ResolveReport {
  return db.transaction(() => resolveInTransaction(db, opts))();
}

function resolveInTransaction(db: DB, opts: { rebuild?: boolean }): ResolveReport {
  if (opts.rebuild) forget(db);
  const report: ResolveReport = { articles: 0, facts: 0, clusters: 0, units: 0, persons: 0, merges: {} };
  const merged = (rule: string) => { report.merges[rule] = (report.merges[rule] ?? 0) + 1; };
  const q = {
    articles: db.prepare("SELECT DISTINCT f.article_id AS id, a.locality, a.locality_mentions AS mentions FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.resolved = 0 ORDER BY f.article_id"),
    facts: db.prepare("SELECT id, kind, idx FROM facts WHERE article_id = ? AND resolved = 0 ORDER BY kind, idx"),
    clusterFact: db.prepare("SELECT kind, number, name, locality, system FROM fact_clusters WHERE fact_id = ?"),
    clusterByKey: db.prepare("SELECT id FROM clusters WHERE key = ?"),
    clusterBlock: db.prepare("SELECT id, core FROM clusters WHERE kind = ? AND number IS NULL AND coalesce(system, '') = ? AND coalesce(locality, '') = ? ORDER BY id"),
    newCluster: db.prepare("INSERT INTO clusters (key, kind, number, name, locality, system, core) VALUES (?, ?, ?, ?, ?, ?, ?)"),
    clusterAlias: db.prepare("INSERT INTO cluster_aliases (cluster_id, alias, count, rule, evidence) VALUES (?, ?, 1, ?, ?) ON CONFLICT (cluster_id, alias) DO UPDATE SET count = count + 1"),
    setFactCluster: db.prepare("UPDATE fact_clusters SET cluster_id = ? WHERE fact_id = ?"),
    articleClusters: db.prepare("SELECT f.idx, c.cluster_id FROM facts f JOIN fact_clusters c ON c.fact_id = f.id WHERE f.article_id = ?"),
    member: db.prepare("SELECT cluster_idx, unit FROM fact_members WHERE fact_id = ?"),
    role: db.prepare("SELECT cluster_idx, unit, role, year FROM fact_roles WHERE fact_id = ?"),
    award: db.prepare("SELECT award, recipient, year, status FROM fact_awards WHERE fact_id = ?"),
    commitment: db.prepare("SELECT cluster_idx, year, text FROM fact_commitments WHERE fact_id = ?"),
    event: db.prepare("SELECT cluster_idx, type, date FROM fact_events WHERE fact_id = ?"),
    document: db.prepare("SELECT number FROM fact_documents WHERE fact_id = ?"),
    official: db.prepare("SELECT name FROM fact_officials WHERE fact_id = ?"),
    titles: db.prepare("SELECT title, title_key FROM fact_titles WHERE fact_id = ? ORDER BY idx"),
    setMember: db.prepare("UPDATE fact_members SET cluster_id = ?, unit_id = ? WHERE fact_id = ?"),
    setRole: db.prepare("UPDATE fact_roles SET cluster_id = ?, unit_id = ? WHERE fact_id = ?"),
    setAward: db.prepare("UPDATE fact_awards SET recipient_unit_id = ? WHERE fact_id = ?"),
    setCommitment: db.prepare("UPDATE fact_commitments SET cluster_id = ? WHERE fact_id = ?"),
    setEvent: db.prepare("UPDATE fact_events SET cluster_id = ? WHERE fact_id = ?"),
    setOfficial: db.prepare("UPDATE fact_officials SET person_id = ? WHERE fact_id = ?"),
    done: db.prepare("UPDATE facts SET resolved = 1, skey = ? WHERE id = ?"),
    unitByKey: db.prepare("SELECT unit_id FROM unit_keys WHERE key = ?"),
    unitKeysOf: db.prepare("SELECT key FROM unit_keys WHERE unit_id = ?"),
    unitVariant: db.prepare("SELECT unit_id FROM unit_variants WHERE variant = ? ORDER BY unit_id"),
    unit: db.prepare("SELECT id, name, parent FROM units WHERE id = ?"),
    newUnit: db.prepare("INSERT INTO units (key, name, kind, parent) VALUES (?, ?, ?, ?)"),
    addUnitKey: db.prepare("INSERT OR IGNORE INTO unit_keys (key, unit_id) VALUES (?, ?)"),
    addVariant: db.prepare("INSERT OR IGNORE INTO unit_variants (variant, unit_id) VALUES (?, ?)"),
    unitAlias: db.prepare("INSERT INTO unit_aliases (unit_id, alias, count, rule, evidence) VALUES (?, ?, 1, ?, ?) ON CONFLICT (unit_id, alias) DO UPDATE SET count = count + 1"),
    unitInCluster: db.prepare("SELECT f.article_id, f.kind FROM fact_members m JOIN facts f ON f.id = m.fact_id WHERE m.cluster_id = ? AND m.unit_id = ? UNION SELECT f.article_id, f.kind FROM fact_roles r JOIN facts f ON f.id = r.fact_id WHERE r.cluster_id = ? AND r.unit_id = ? LIMIT 50"),
    clusterLocality: db.prepare("SELECT locality FROM clusters WHERE id = ?"),
    personsByKey: db.prepare("SELECT id FROM persons WHERE key = ? ORDER BY id"),
    personFacts: db.prepare("SELECT t.title, a.locality FROM fact_officials o JOIN facts f ON f.id = o.fact_id JOIN articles a ON a.id = f.article_id LEFT JOIN fact_titles t ON t.fact_id = o.fact_id WHERE o.person_id = ?"),
    newPerson: db.prepare("INSERT INTO persons (key, name) VALUES (?, ?)"),
    personMerge: db.prepare("INSERT INTO person_merges (person_id, fact_id, alias, rule, evidence) VALUES (?, ?, ?, ?, ?)"),
    personAlias: db.prepare("INSERT INTO person_aliases (person_id, alias, count, rule, evidence) VALUES (?, ?, 1, ?, ?) ON CONFLICT (person_id, alias) DO UPDATE SET count = count + 1"),
  };

  const touchedUnits = new Set<number>();
  const touchedPersons = new Set<number>();
  const touchedClusters = new Set<number>();
  const touchedKeys = new Set<string>(); // kind \u0001 skey

  // ---- clusters ----
  const resolveCluster = (factId: number, art: ArticleCtx): number => {
    const f = q.clusterFact.get(factId) as { kind: string; number: number | null; name: string; locality: string | null; system: string | null };
    const id = clusterIdentity(f, { locality: art.locality, localityMentions: art.mentions });
    let cid = (q.clusterByKey.get(id.key) as { id: number } | undefined)?.id;
    let rule = "same-key";
    let evidence = id.evidence;
    if (cid == null && id.number == null && id.core) {
      // unnumbered: a near-identical name in the same kind, system and locality
      let best: { id: number; d: number } | null = null;
      for (const c of q.clusterBlock.all(id.kind, id.system, id.locality) as Array<{ id: number; core: string }>) {
        const d = wordDice(c.core, id.core);
        if (d >= 0.8 && (!best || d > best.d)) best = { id: c.id, d };
      }
      if (best) { cid = best.id; rule = "similar-name"; evidence = `${id.evidence}; name words Dice ${best.d.toFixed(2)} with the cluster's name`; }
    }
    if (cid == null) {
      cid = Number(q.newCluster.run(id.key, id.kind, id.number, clusterDisplay(id, f.name), id.locality || null, id.system || null, id.core).lastInsertRowid);
      rule = "first-seen";
      report.clusters++;
    } else merged(rule);
    q.clusterAlias.run(cid, f.name, rule, evidence);
    q.setFactCluster.run(cid, factId);
    touchedClusters.add(cid);
    return cid;
  };

  // ---- units ----
  const unitFirstSeen = (surface: string, key: string, parent: string | null): number => {
    const uid = Number(q.newUnit.run(key, expandForDisplay(surface), unitKind(unitKey(surface)), parent).lastInsertRowid);
    report.units++;
    return uid;
  };
  // a unit named without its province ("Hội Nông dân", "quận Hoàn Kiếm", "Sở Giáo dục và Đào tạo") is the one of
  // the cluster's province, else of the article's: the key carries that place
  const clusterLoc = new Map<number, string | null>();
  const placedKey = (surface: string, art: ArticleCtx, cluster: number | null): { key: string; parent: string | null; placed: string | null } => {
    let cl: string | null = null;
    if (cluster != null) {
      if (!clusterLoc.has(cluster)) clusterLoc.set(cluster, q.clusterLocality.pluck().get(cluster) as string | null);
      cl = clusterLoc.get(cluster) ?? null;
    }
    const ck = `${surface}\u0001${cl}\u0001${art.locality}`;
    let hit = placedCache.get(ck);
    if (!hit) { hit = computePlacedKey(surface, art, cl); if (placedCache.size > 200_000) placedCache.clear(); placedCache.set(ck, hit); }
    return hit;
  };
  const computePlacedKey = (surface: string, art: ArticleCtx, cl: string | null): { key: string; parent: string | null; placed: string | null } => {
    const base = unitKey(surface);
    const named = provincesIn(surface)[0]?.name ?? null;
    if (named || isNational(surface)) return { key: base, parent: named, placed: null };
    const own = cl && cl !== NATIONAL && cl !== REGIONAL ? cl : null;
    const place = own ?? art.locality;
    if (!place) return { key: base, parent: null, placed: null };
    return { key: `${base.replace(/ (tỉnh|thành phố)$/, "")} @ ${nameKey(place)}`, parent: place, placed: own ? "the cluster's province" : "the article's province" };
  };
  const resolveUnit = (surface: string, key: string, parent: string | null, placed: string | null, art: ArticleCtx, cluster: number | null, kind: string): { id: number; rule: string; evidence: string } => {
    const where = placed ? ` in ${parent} (${placed})` : "";
    const known = (q.unitByKey.get(key) as { unit_id: number } | undefined)?.unit_id;
    if (known != null) return { id: known, rule: "same-key", evidence: `same name once abbreviations are expanded and case and tone placement unified ("${key}")${where}` };
    // typo candidates: units one letter apart in one word (found through the wildcard variants)
    const cands = new Set<number>();
    for (const v of typoVariants(key)) for (const id of q.unitVariant.pluck().all(v) as number[]) cands.add(id);
    for (const cand of [...cands].sort((a, b) => a - b)) {
      const other = (q.unitKeysOf.pluck().all(cand) as string[]).find((k) => oneTypoApart(k, key));
      if (!other) continue;
      if (cluster != null) {
        const seen = q.unitInCluster.all(cluster, cand, cluster, cand) as Array<{ article_id: number; kind: string }>;
        // two entries of one list in one article are two units, not a typo
        if (seen.some((x) => x.article_id === art.id && x.kind === kind)) continue;
        if (seen.length) return { id: cand, rule: "typo-same-cluster", evidence: `"${key}" is one letter from "${other}" and both are named in cluster #${cluster} (articles ${[...new Set(seen.map((x) => x.article_id))].slice(0, 5).join(", ")})` };
      }
      const u = q.unit.get(cand) as { parent: string | null };
      if (unitKey(surface).replace(/ /g, "").length >= 15 && parent && u.parent === parent) return { id: cand, rule: "typo-shared-parent", evidence: `"${key}" is one letter from "${other}" on a long name, and both belong to ${parent}` };
    }
    return { id: unitFirstSeen(surface, key, parent), rule: "first-seen", evidence: `new unit ("${key}")${where}` };
  };
  const linkUnit = (surface: string, art: ArticleCtx, cluster: number | null, kind: string): number => {
    const { key, parent, placed } = placedKey(surface, art, cluster);
    const r = resolveUnit(surface, key, parent, placed, art, cluster, kind);
    if (r.rule !== "same-key") {
      // a new key: make it findable, exactly and through its typo variants
      q.addUnitKey.run(key, r.id);
      for (const v of typoVariants(key)) q.addVariant.run(v, r.id);
    }
    q.unitAlias.run(r.id, surface, r.rule, r.evidence);
    if (r.rule !== "first-seen") merged(r.rule);
    touchedUnits.add(r.id);
    return r.id;
  };

  // ---- persons (profiles cached for the run: titles and places of each candidate) ----
  const profiles = new Map<number, { titles: Set<string>; places: Set<string> }>();
  const profile = (pid: number) => {
    let p = profiles.get(pid);
    if (!p) {
      p = { titles: new Set(), places: new Set() };
      const rows = q.personFacts.all(pid) as Array<{ title: string | null; locality: string | null }>;
      const titles = rows.map((r) => r.title).filter((t): t is string => !!t);
      for (const t of titles) p.titles.add(foldedKey(t));
      const fromTitles = placesOf(titles);
      for (const x of fromTitles.length ? fromTitles : rows.map((r) => r.locality).filter((l): l is string => !!l)) p.places.add(x);
      profiles.set(pid, p);
    }
    return p;
  };
  const resolvePerson = (name: string, titles: string[], art: ArticleCtx, factId: number): number => {
    const key = personKey(name);
    const tkeys = titles.map(foldedKey);
    const fromTitles = placesOf(titles);
    const places = fromTitles.length ? fromTitles : art.locality ? [art.locality] : [];
    let best: { id: number; score: number; rule: string; evidence: string } | null = null;
    const conflicts: string[] = [];
    for (const pid of q.personsByKey.pluck().all(key) as number[]) {
      const p = profile(pid);
      let dice = 0, pair = "";
      for (const a of tkeys) for (const b of p.titles) { const d = wordDice(a, b); if (d > dice) { dice = d; pair = `"${a}" ≈ "${b}"`; } }
      const shared = places.filter((x) => p.places.has(x));
      const placeConflict = places.length > 0 && p.places.size > 0 && shared.length === 0;
      let c: { score: number; rule: string; evidence: string } | null = null;
      if (dice >= 0.6 && !placeConflict) c = { score: 2 + dice, rule: "same-name-same-post", evidence: `same name; post ${pair} (Dice ${dice.toFixed(2)})` };
      else if (shared.length) c = { score: 1.5, rule: "same-name-same-place", evidence: `same name; posts in ${shared.join(", ")}` };
      else if (!placeConflict && (!tkeys.length || !p.titles.size || !places.length || !p.places.size)) c = { score: 1, rule: "same-name-no-conflict", evidence: "same name; nothing in the posts or places disagrees" };
      else conflicts.push(`#${pid} (${[...p.places].join(", ") || "no place"} vs ${places.join(", ") || "no place"})`);
      if (c && (!best || c.score > best.score)) best = { id: pid, ...c };
    }
    let pid: number, rule: string, evidence: string;
    if (best) { ({ id: pid, rule, evidence } = best); merged(rule); }
    else {
      pid = Number(q.newPerson.run(key, name).lastInsertRowid);
      report.persons++;
      rule = conflicts.length ? "same-name-conflicting-posts" : "first-seen";
      evidence = conflicts.length ? `kept apart from ${conflicts.join("; ")}: their posts are in other places` : "new person";
    }
    const p = profile(pid);
    for (const t of tkeys) p.titles.add(t);
    for (const x of places) p.places.add(x);
    q.personAlias.run(pid, name, rule, evidence);
    // every mention joined to a known person keeps its own rule and evidence (aliases alone would hide them)
    if (best) q.personMerge.run(pid, factId, name, rule, evidence);
    touchedPersons.add(pid);
    return pid;
  };

  const done = (factId: number, kind: string, skey: string) => { q.done.run(skey, factId); touchedKeys.add(`${kind}\u0001${skey}`); report.facts++; };

  for (const row of q.articles.all() as Array<{ id: number; locality: string | null; mentions: number | null }>) {
    report.articles++;
    const art: ArticleCtx = { id: row.id, locality: row.locality, mentions: row.mentions ?? 0 };
    const facts = q.facts.all(row.id) as Array<{ id: number; kind: string; idx: number }>;
    for (const f of facts) if (f.kind === "clusters") done(f.id, "clusters", String(resolveCluster(f.id, art)));
    const byIdx = new Map<number, number | null>();
    for (const r of q.articleClusters.all(row.id) as Array<{ idx: number; cluster_id: number | null }>) byIdx.set(r.idx, r.cluster_id);
    const cl = (idx: number | null) => (idx == null ? null : byIdx.get(idx) ?? null);
    for (const f of facts) {
      switch (f.kind) {
        case "members": {
          const m = q.member.get(f.id) as { cluster_idx: number | null; unit: string };
          const c = cl(m.cluster_idx);
          const u = linkUnit(m.unit, art, c, f.kind);
          q.setMember.run(c, u, f.id);
          done(f.id, f.kind, `${c}|${u}`);
          break;
        }
        case "roles": {
          const r = q.role.get(f.id) as { cluster_idx: number | null; unit: string; role: string; year: number | null };
          const c = cl(r.cluster_idx);
          const u = linkUnit(r.unit, art, c, f.kind);
          q.setRole.run(c, u, f.id);
          done(f.id, f.kind, `${c}|${u}|${r.role}|${r.year}`);
          break;
        }
        case "awards": {
          const a = q.award.get(f.id) as { award: string; recipient: string; year: number | null; status: string };
          const u = linkUnit(a.recipient, art, null, f.kind);
          q.setAward.run(u, f.id);
          done(f.id, f.kind, `${foldedKey(a.award)}|${u}|${a.year}|${a.status}`);
          break;
        }
        case "commitments": {
          const c0 = q.commitment.get(f.id) as { cluster_idx: number | null; year: number | null; text: string };
          const c = cl(c0.cluster_idx);
          q.setCommitment.run(c, f.id);
          done(f.id, f.kind, `${c}|${c0.year}|${foldedKey(c0.text).slice(0, 200)}`);
          break;
        }
        case "events": {
          const e = q.event.get(f.id) as { cluster_idx: number | null; type: string; date: string | null };
          const c = cl(e.cluster_idx);
          q.setEvent.run(c, f.id);
          done(f.id, f.kind, `${c}|${e.type}|${e.date}`);
          break;
        }
        case "documents": {
          const d = q.document.get(f.id) as { number: string };
          done(f.id, f.kind, d.number.replace(/^số\s*/i, "").replace(/\s+/g, "").toUpperCase());
          break;
        }
        case "officials": {
          const o = q.official.get(f.id) as { name: string };
          const ts = q.titles.all(f.id) as Array<{ title: string; title_key: string }>;
          const pid = resolvePerson(o.name, ts.map((t) => t.title), art, f.id);
          q.setOfficial.run(pid, f.id);
          done(f.id, f.kind, String(pid));
          for (const t of ts) touchedKeys.add(`titles\u0001${pid}|${t.title_key}`);
          break;
        }
      }
    }
  }

  refreshNames(db, touchedUnits, touchedPersons, touchedClusters);
  refreshSupport(db, touchedKeys);
  return report;
}

/** Canonical names follow the most frequent alias (units and persons; unnumbered clusters). */
function refreshNames(db: DB, units: Set<number>, persons: Set<number>, clusters: Set<number>): void {
  const topUnit = db.prepare("SELECT alias FROM unit_aliases WHERE unit_id = ? ORDER BY count DESC, rowid LIMIT 1").pluck();
  const setUnit = db.prepare("UPDATE units SET name = ? WHERE id = ?");
  for (const id of units) setUnit.run(expandForDisplay(topUnit.get(id) as string), id);
  const topPerson = db.prepare("SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY count DESC, rowid LIMIT 1").pluck();
  const setPerson = db.prepare("UPDATE persons SET name = ? WHERE id = ?");
  for (const id of persons) setPerson.run(topPerson.get(id), id);
  const topCluster = db.prepare("SELECT alias FROM cluster_aliases a JOIN clusters c ON c.id = a.cluster_id WHERE a.cluster_id = ? AND c.number IS NULL ORDER BY count DESC, a.rowid LIMIT 1").pluck();
  const setCluster = db.prepare("UPDATE clusters SET name = ? WHERE id = ?");
  for (const id of clusters) {
    const a = topCluster.get(id) as string | undefined;
    if (a) { const s = expandForDisplay(a); setCluster.run(s.charAt(0).toUpperCase() + s.slice(1), id); }
  }
}

/** Distinct stories and outlets behind each touched fact key (copies of a story add their outlets). */
function refreshSupport(db: DB, keys: Set<string>): void {
  // stories that gained sources since the last run change the outlet counts of all their facts
  const last = (db.prepare("SELECT value FROM resolve_state WHERE name = 'last_source_id'").pluck().get() as number | undefined) ?? 0;
  // set-based: the touched keys go to a temporary table (those of stories with new sources straight from SQL, so a
  // long pass holds no row of them in memory), then one DELETE and two INSERT … SELECT
  db.exec("CREATE TEMP TABLE IF NOT EXISTS touched_keys (kind TEXT NOT NULL, skey TEXT NOT NULL, PRIMARY KEY (kind, skey)) WITHOUT ROWID; DELETE FROM temp.touched_keys;");
  db.prepare("INSERT OR IGNORE INTO temp.touched_keys (kind, skey) SELECT DISTINCT f.kind, f.skey FROM article_sources s JOIN facts f ON f.article_id = s.article_id WHERE s.id > ? AND f.skey IS NOT NULL").run(last);
  db.prepare(`INSERT OR IGNORE INTO temp.touched_keys (kind, skey) SELECT DISTINCT 'titles', o.person_id || '|' || t.title_key FROM article_sources s JOIN facts f ON f.article_id = s.article_id
    JOIN fact_officials o ON o.fact_id = f.id JOIN fact_titles t ON t.fact_id = f.id WHERE s.id > ? AND o.person_id IS NOT NULL`).run(last);
  const put = db.prepare("INSERT OR IGNORE INTO temp.touched_keys (kind, skey) VALUES (?, ?)");
  for (const k of keys) { const cut = k.indexOf("\u0001"); put.run(k.slice(0, cut), k.slice(cut + 1)); }
  db.exec(`
    DELETE FROM fact_support WHERE (kind, skey) IN (SELECT kind, skey FROM temp.touched_keys);
    INSERT INTO fact_support (kind, skey, articles, outlets)
      SELECT f.kind, f.skey, count(DISTINCT f.article_id), count(DISTINCT s.outlet)
      FROM temp.touched_keys k JOIN facts f ON f.kind = k.kind AND f.skey = k.skey
      JOIN articles a ON a.id = f.article_id AND a.status = 'stored' JOIN article_sources s ON s.article_id = f.article_id
      GROUP BY f.kind, f.skey;
    INSERT INTO fact_support (kind, skey, articles, outlets)
      SELECT 'titles', k.skey, count(DISTINCT f.article_id), count(DISTINCT s.outlet)
      FROM temp.touched_keys k JOIN fact_officials o ON o.person_id = CAST(substr(k.skey, 1, instr(k.skey, '|') - 1) AS INTEGER)
      JOIN fact_titles t ON t.fact_id = o.fact_id AND t.title_key = substr(k.skey, instr(k.skey, '|') + 1)
      JOIN facts f ON f.id = o.fact_id JOIN articles a ON a.id = f.article_id AND a.status = 'stored' JOIN article_sources s ON s.article_id = f.article_id
      WHERE k.kind = 'titles'
      GROUP BY k.skey;
    DELETE FROM temp.touched_keys;`);
  const maxId = (db.prepare("SELECT coalesce(max(id), 0) FROM article_sources").pluck().get() as number);
  db.prepare("INSERT INTO resolve_state (name, value) VALUES ('last_source_id', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value").run(maxId);
}

/** Forgets every entity and link, so the next run resolves all facts again. */
function forget(db: DB): void {
  db.exec(`
    UPDATE fact_clusters SET cluster_id = NULL; UPDATE fact_members SET cluster_id = NULL, unit_id = NULL;
    UPDATE fact_roles SET cluster_id = NULL, unit_id = NULL; UPDATE fact_awards SET recipient_unit_id = NULL;
    UPDATE fact_commitments SET cluster_id = NULL; UPDATE fact_events SET cluster_id = NULL; UPDATE fact_officials SET person_id = NULL;
    UPDATE facts SET resolved = 0, skey = NULL;
    DELETE FROM fact_support; DELETE FROM resolve_state;
    DELETE FROM cluster_aliases; DELETE FROM clusters;
    DELETE FROM unit_variants; DELETE FROM unit_keys; DELETE FROM unit_aliases; DELETE FROM units;
    DELETE FROM person_merges; DELETE FROM person_aliases; DELETE FROM persons;`);
}
