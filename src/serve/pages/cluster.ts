// One cluster: the timeline picture, leaders and deputies by year, members, commitments, events, articles.
import { html, trusted, type Html } from "../html.js";
import { factHref, page, sourceLink, support } from "../layout.js";
import { clusterPage, type DB, type RoleRow } from "../data.js";
import { timelineSvg } from "../timeline-svg.js";
import { articleList, entityLink } from "./common.js";

export function clusterView(db: DB, id: number | string): Html | null {
  const p = clusterPage(db, id);
  if (!p) return null;
  const c = p.cluster;
  // unit names in the timeline are canonical names; link them to their unit pages
  const unitIds = new Map<string, string>();
  for (const r of [...p.members, ...p.roles]) if (r.unit_id != null) { if (r.unit_canonical) unitIds.set(r.unit_canonical, String(r.unit_id)); unitIds.set(r.unit, String(r.unit_id)); }
  const svg = timelineSvg(p.timeline, (u) => (unitIds.has(u) ? `/unit/${encodeURIComponent(unitIds.get(u)!)}` : null));
  const byYear = new Map<string, RoleRow[]>();
  for (const r of p.roles) {
    const k = r.year == null ? "year not stated" : String(r.year);
    const list = byYear.get(k);
    if (list) list.push(r); else byYear.set(k, [r]);
  }
  const roleLabel = (role: string) => (role === "trưởng" ? `${c.kind} trưởng` : `${c.kind} phó`);
  const roles = p.roles.length
    ? html`<table class="roles"><thead><tr><th>Year</th><th>Role</th><th>Unit</th><th>As written</th><th></th></tr></thead><tbody>
      ${[...byYear.entries()].map(([year, rs]) => rs.map((r) => html`<tr data-role="${r.role}"><td>${year}</td><td>${roleLabel(r.role)}</td><td>${entityLink("unit", r.unit_id, r.unit_canonical ?? r.unit, "unit")}</td><td>${r.unit}</td><td>${sourceLink(r)}</td></tr>`))}
      </tbody></table>`
    : html`<p class="muted">No leader or deputy found.</p>`;
  const members = p.members.length
    ? html`<table class="members"><thead><tr><th>Unit</th><th>As written</th><th>Published</th><th></th></tr></thead><tbody>
      ${p.members.map((m) => html`<tr><td>${entityLink("unit", m.unit_id, m.unit_canonical ?? m.unit)}</td><td>${m.unit}</td><td>${m.published?.slice(0, 10) ?? ""}</td><td>${sourceLink(m)}</td></tr>`)}
      </tbody></table>`
    : html`<p class="muted">No member found.</p>`;
  const commitments = p.commitments.length
    ? html`<table class="commitments"><thead><tr><th>Year</th><th>Commitment</th><th></th></tr></thead><tbody>
      ${p.commitments.map((m) => html`<tr><td>${m.year ?? ""}</td><td>${m.text}</td><td>${sourceLink(m)}</td></tr>`)}
      </tbody></table>`
    : html`<p class="muted">No commitment found.</p>`;
  const events = p.events.length
    ? html`<table class="events"><thead><tr><th>Date</th><th>Type</th><th>Location</th><th>Article</th><th></th></tr></thead><tbody>
      ${p.events.map((e) => html`<tr><td>${e.date ?? ""}</td><td>${e.type}</td><td>${e.location ?? ""}</td><td>${e.title ?? e.source}</td><td>${sourceLink(e)}</td></tr>`)}
      </tbody></table>`
    : html`<p class="muted">No event found.</p>`;
  const aka = [...new Set([...p.mentions, ...p.members].map((m) => m.cluster_surface).filter((s): s is string => !!s && s !== c.name))];
  const sub = [c.locality, c.system, c.number != null ? `số ${c.number}` : null].filter(Boolean).join(" · ");
  return page(c.name, html`<h1>${c.name}</h1><p class="muted">${c.kind}${sub ? html` · ${sub}` : ""}</p>
    ${support(p.articles)}
    ${aka.length ? html`<p class="muted">Also written as: ${aka.join(" | ")}</p>` : ""}
    <h2>Timeline</h2>${svg ? html`<div class="timeline">${trusted(svg)}</div>` : html`<p class="muted">No leader, deputy or member known by year.</p>`}
    <h2>Leader and deputy by year</h2>${roles}
    <h2>Members</h2>${members}
    <h2>Commitments by year</h2>${commitments}
    <h2>Events</h2>${events}
    <h2>Articles</h2>${articleList(p.articles)}
    ${p.mentions.length ? html`<p class="muted">Named in ${p.mentions.length} ${p.mentions.length === 1 ? "place" : "places"}: ${p.mentions.map((m, i) => html`${i ? ", " : ""}<a href="${factHref(m)}" title="${m.cluster_surface ?? ""}">${m.title ?? m.source} #s-${m.sentence_index ?? "?"}</a>`)}</p>` : ""}`);
}
