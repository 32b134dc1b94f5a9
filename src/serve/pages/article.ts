// One article: its cleaned text with every fact highlighted in place, and the list of its facts.
import { html, type Html } from "../html.js";
import { factHref, page, support } from "../layout.js";
import { articleFacts, articleRow, storySources, type ArticleFacts, type DB, type FactRow } from "../data.js";
import { highlightText, type MarkedFact } from "../highlight.js";
import { safeUrl } from "./common.js";

function clip(s: string, n = 90): string { return s.length > n ? `${s.slice(0, n - 1)}…` : s; }

/** Every fact of the article with a one-line description, in text order. */
export function describeFacts(f: ArticleFacts): Array<MarkedFact & { row: FactRow; link?: { href: string; text: string } }> {
  const out: Array<MarkedFact & { row: FactRow; link?: { href: string; text: string } }> = [];
  const add = (kind: string, row: FactRow, label: string, link?: { href: string; text: string }) =>
    out.push({ kind, start: row.start, end: row.end, rule: row.rule, confidence: row.confidence, label, row, ...(link ? { link } : {}) });
  // entities not resolved yet (null ids and canonical names) fall back to the text as written, unlinked
  const link = (kind: string, id: number | string | null | undefined, text: string | null | undefined) =>
    id == null || !text ? undefined : { href: `/${kind}/${encodeURIComponent(String(id))}`, text };
  const cl = (r: { cluster?: string | null; cluster_surface?: string | null }) => r.cluster ?? r.cluster_surface ?? "a cluster";
  for (const r of f.clusters) add("clusters", r, `${r.cluster_surface ?? r.cluster ?? "cluster"}${r.cluster && r.cluster !== r.cluster_surface ? ` = ${r.cluster}` : ""}`, link("cluster", r.cluster_id, r.cluster));
  for (const r of f.members) add("members", r, `member of ${cl(r)}: ${r.unit_canonical ?? r.unit}`, link("unit", r.unit_id, r.unit_canonical ?? r.unit));
  for (const r of f.roles) add("roles", r, `${r.role} of ${cl(r)}${r.year ? ` (${r.year})` : ""}: ${r.unit_canonical ?? r.unit}`, link("unit", r.unit_id, r.unit_canonical ?? r.unit));
  for (const r of f.officials) add("officials", r, `${r.rank ? `${r.rank} ` : ""}${r.name}${r.title ? `: ${r.title}` : ""}`, link("person", r.person_id, r.name));
  for (const r of f.commitments) add("commitments", r, `commitment${r.year ? ` ${r.year}` : ""}: ${clip(r.text)}`, link("cluster", r.cluster_id, r.cluster));
  for (const r of f.awards) add("awards", r, `${r.award} → ${r.recipient} (${r.status}${r.year ? `, ${r.year}` : ""})`, link("unit", r.recipient_unit_id, r.recipient));
  for (const r of f.events) add("events", r, `${r.type}${r.date ? ` ${r.date}` : ""}${r.location ? ` at ${r.location}` : ""}`, link("cluster", r.cluster_id, "cluster"));
  for (const r of f.documents) add("documents", r, `${r.kind} ${r.number}${r.date ? ` of ${r.date}` : ""}${r.issuer ? ` (${r.issuer})` : ""}`);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

export function articleView(db: DB, id: number | string): Html | null {
  const a = articleRow(db, id);
  if (!a) return null;
  const facts = describeFacts(articleFacts(db, id));
  const kinds = [...new Set(facts.map((f) => f.kind))];
  const meta = [a.outlet, a.published, a.author].filter(Boolean).join(" · ");
  const status = a.status && a.status !== "stored"
    ? html`<p class="error">This article is marked <b>${a.status}</b>${a.skip_reason ? html` (${a.skip_reason})` : ""}: ${a.status === "skipped" ? "it was judged not to be about emulation clusters, so no facts are kept from it." : html`facts of this story are counted once, from its ${a.duplicate_of != null ? html`<a href="/article/${encodeURIComponent(String(a.duplicate_of))}">primary article</a>` : "primary article"}.`}</p>`
    : "";
  // the same story seen under other sources (copies, syndication): outlets that carried it
  const copies = storySources(db, id).filter((s) => s.source !== a.source);
  const sources = copies.length
    ? html`<p class="muted">The same story was also seen as: ${copies.map((s, i) => html`${i ? "; " : ""}${s.copy_id != null ? html`<a href="/article/${encodeURIComponent(String(s.copy_id))}">${s.title ?? s.source}</a>` : s.title ?? s.source}${s.outlet ? ` (${s.outlet})` : ""}${s.how ? html` <span class="pill">${s.how}${s.similarity != null ? ` ${Math.round(s.similarity * 100)}%` : ""}</span>` : ""}`)}</p>`
    : "";
  const list = facts.length
    ? html`<table class="facts"><thead><tr><th>Kind</th><th>Fact</th><th>Rule</th><th>Confidence</th><th>Sentence</th></tr></thead><tbody>
      ${facts.map((f) => html`<tr><td>${f.kind}</td><td>${f.label}${f.link ? html` — <a href="${f.link.href}">${f.link.text}</a>` : ""}</td><td>${f.rule ?? ""}</td><td>${f.confidence ?? ""}</td><td><a href="${factHref(f.row)}">${f.row.sentence_index != null ? `#s-${f.row.sentence_index}` : `@${f.start}`}</a></td></tr>`)}
      </tbody></table>`
    : html`<p class="muted">No fact was extracted from this article.</p>`;
  return page(a.title ?? a.source, html`<h1>${a.title ?? a.source}</h1>
    <p class="muted">${meta}${a.url ? html` · <a href="${safeUrl(a.url)}" rel="noreferrer noopener">original page ↗</a>` : ""} · <span class="src">${a.source}</span></p>
    ${support([{ article_id: a.id, outlet: a.outlet }], `${facts.length} facts`)}${status}${sources}
    <p class="legend">${kinds.map((k) => html`<span><mark class="f f-${k}">${k}</mark></span>`)} <span class="muted">hover a highlight for its kind, rule and confidence</span></p>
    ${highlightText(a.text, facts)}
    <h2>Facts</h2>${list}`);
}
