// A cluster's timeline drawn as SVG on the server: one row per unit, one column per year, each cell
// coloured by the unit's place that year (leader, deputy, member).
import { escapeHtml } from "./html.js";

export interface TimelineYear { year: number | null; leader: string | null; deputy: string | null; members: string | null }
export type Place = "leader" | "deputy" | "member";

const COLOR: Record<Place, string> = { leader: "#b3401d", deputy: "#d98c1f", member: "#5b8fc9" };
const LABEL: Record<Place, string> = { leader: "cụm/khối trưởng", deputy: "cụm/khối phó", member: "thành viên" };

function names(s: string | null): string[] {
  return (s ?? "").split(";").map((x) => x.trim()).filter(Boolean);
}

/** unit -> year -> place, the highest place winning when a unit is listed twice in a year. */
export function timelineGrid(rows: TimelineYear[]): { years: Array<number | null>; units: string[]; cell: Map<string, Map<number | null, Place>> } {
  const rank: Record<Place, number> = { leader: 3, deputy: 2, member: 1 };
  const cell = new Map<string, Map<number | null, Place>>();
  const firstSeen = new Map<string, number>();
  const sorted = [...rows].sort((a, b) => (a.year ?? 99999) - (b.year ?? 99999));
  sorted.forEach((r, i) => {
    const put = (unit: string, place: Place) => {
      const m = cell.get(unit) ?? new Map<number | null, Place>();
      const prev = m.get(r.year);
      if (!prev || rank[place] > rank[prev]) m.set(r.year, place);
      cell.set(unit, m);
      if (!firstSeen.has(unit)) firstSeen.set(unit, i * 10 + (place === "leader" ? 0 : place === "deputy" ? 1 : 2));
    };
    for (const u of names(r.leader)) put(u, "leader");
    for (const u of names(r.deputy)) put(u, "deputy");
    for (const u of names(r.members)) put(u, "member");
  });
  const years = [...new Set(sorted.map((r) => r.year))];
  const units = [...cell.keys()].sort((a, b) => firstSeen.get(a)! - firstSeen.get(b)! || a.localeCompare(b, "vi"));
  return { years, units, cell };
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** The SVG markup; every name is escaped. `unitHref` turns a unit name into a link when known. */
export function timelineSvg(rows: TimelineYear[], unitHref: (unit: string) => string | null = () => null): string {
  const { years, units, cell } = timelineGrid(rows);
  if (!units.length) return "";
  const labelW = 340, cellW = 74, rowH = 24, top = 34, legendH = 34;
  const width = labelW + cellW * years.length + 12;
  const height = top + rowH * units.length + legendH;
  const e = escapeHtml;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="timeline of leaders, deputies and members by year" font-family="system-ui, sans-serif" font-size="12">`);
  years.forEach((y, i) => {
    parts.push(`<text x="${labelW + cellW * i + cellW / 2}" y="22" text-anchor="middle" font-weight="600">${y ?? "year ?"}</text>`);
  });
  units.forEach((u, r) => {
    const y = top + rowH * r;
    if (r % 2 === 0) parts.push(`<rect x="0" y="${y}" width="${width}" height="${rowH}" fill="#f4f6f8"/>`);
    const href = unitHref(u);
    const label = `<text x="8" y="${y + 16}"><title>${e(u)}</title>${e(clip(u, 52))}</text>`;
    parts.push(href ? `<a href="${e(href)}">${label}</a>` : label);
    years.forEach((yr, i) => {
      const place = cell.get(u)?.get(yr);
      if (!place) return;
      const x = labelW + cellW * i + 4;
      parts.push(`<rect class="cell-${place}" x="${x}" y="${y + 4}" width="${cellW - 8}" height="${rowH - 8}" rx="4" fill="${COLOR[place]}"><title>${e(`${u} — ${LABEL[place]}${yr != null ? ` ${yr}` : ""}`)}</title></rect>`);
      if (place !== "member") parts.push(`<text x="${x + (cellW - 8) / 2}" y="${y + 16}" text-anchor="middle" fill="#fff" font-size="10" font-weight="700">${place === "leader" ? "trưởng" : "phó"}</text>`);
    });
  });
  const ly = top + rowH * units.length + 20;
  (["leader", "deputy", "member"] as Place[]).forEach((p, i) => {
    const x = 8 + i * 150;
    parts.push(`<rect x="${x}" y="${ly - 10}" width="14" height="12" rx="3" fill="${COLOR[p]}"/><text x="${x + 20}" y="${ly}">${e(LABEL[p])}</text>`);
  });
  parts.push("</svg>");
  return parts.join("");
}
