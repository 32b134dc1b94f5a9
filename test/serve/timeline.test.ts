// The timeline picture: one row per unit, one column per year, the highest place winning; names escaped.
import { describe, expect, it } from "vitest";
import { timelineGrid, timelineSvg } from "../../src/serve/timeline-svg.js";

const rows = [
  { year: 2024, leader: "Sở B", deputy: "Sở C", members: "Sở A; Sở B; Sở C" },
  { year: 2023, leader: "Sở A", deputy: "Sở B", members: "Sở A; Sở B; Sở C; Sở <D>" },
];

describe("timeline", () => {
  it("orders years, puts each year's leader first, and keeps the highest place", () => {
    const g = timelineGrid(rows);
    expect(g.years).toEqual([2023, 2024]);
    // first the 2023 leader, then its deputy, then the members alphabetically ("<" sorts before letters)
    expect(g.units).toEqual(["Sở A", "Sở B", "Sở <D>", "Sở C"]);
    expect(g.cell.get("Sở B")?.get(2024)).toBe("leader");
    expect(g.cell.get("Sở B")?.get(2023)).toBe("deputy");
    expect(g.cell.get("Sở A")?.get(2024)).toBe("member");
    expect(g.cell.get("Sở <D>")?.has(2024)).toBe(false);
  });

  it("draws escaped SVG with a link per known unit", () => {
    const svg = timelineSvg(rows, (u) => (u === "Sở A" ? "/unit/1" : null));
    expect(svg).toMatch(/^<svg [^>]*viewBox/);
    expect(svg).toContain("Sở &lt;D&gt;");
    expect(svg).not.toContain("<D>");
    expect(svg.match(/class="cell-leader"/g)).toHaveLength(2);
    expect(svg.match(/class="cell-deputy"/g)).toHaveLength(2);
    expect(svg.match(/class="cell-member"/g)).toHaveLength(3);
    expect(svg).toContain('<a href="/unit/1">');
  });

  it("draws nothing when nothing is known", () => {
    expect(timelineSvg([{ year: 2020, leader: null, deputy: null, members: null }])).toBe("");
  });
});
