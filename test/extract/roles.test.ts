import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

const roles = (text: string, published?: string) => run(text, { published }).roles.map(({ unit, role, year }) => ({ unit, role, year }));

describe("roles", () => {
  it("reads 'do X làm Cụm trưởng' with the year opening the sentence", () => {
    expect(roles("Năm 2021, Cụm thi đua số 4 do Liên đoàn Lao động thành phố Hà Nội làm Cụm trưởng.")).toEqual([
      { unit: "Liên đoàn Lao động thành phố Hà Nội", role: "trưởng", year: 2021 },
    ]);
  });

  it("gives the next year to a leader chosen at a year-end review", () => {
    expect(roles("Hội nghị tổng kết công tác thi đua năm 2022 của Cụm thi đua số 3 đã suy tôn UBND huyện Lục Nam làm Cụm trưởng và UBND huyện Yên Thế làm Cụm phó.")).toEqual([
      { unit: "UBND huyện Lục Nam", role: "trưởng", year: 2023 },
      { unit: "UBND huyện Yên Thế", role: "phó", year: 2023 },
    ]);
  });

  it("gives the reviewed year to the sitting leader", () => {
    expect(roles("Ngày 24/12, Cụm thi đua số 2 tổng kết công tác thi đua năm 2021. Tại Hội nghị, ông Lò Văn Sơn, Chủ tịch UBND xã Mường Chà cụm trưởng trình bày báo cáo.")).toEqual([
      { unit: "UBND xã Mường Chà", role: "trưởng", year: 2021 },
    ]);
  });

  it("reads khối roles written either way round", () => {
    expect(roles("Khối thi đua Kinh tế tổng kết năm 2020. Sở Công Thương là đơn vị Trưởng khối; Cục Thuế tỉnh giữ vai trò Khối phó.")).toEqual([
      { unit: "Sở Công Thương", role: "trưởng", year: 2020 },
      { unit: "Cục Thuế tỉnh", role: "phó", year: 2020 },
    ]);
  });

  it("records one role per unit and role, with provenance from unit to role", () => {
    const text = "Năm 2022, Cụm thi đua số 1 do Sở Y tế làm Cụm trưởng. Sở Y tế làm Cụm trưởng đã phát động thi đua.";
    const r = run(text).roles;
    expect(r).toHaveLength(1);
    expect(text.slice(r[0]!.prov.start, r[0]!.prov.end)).toBe("Sở Y tế làm Cụm trưởng");
    expect(r[0]!.prov.rule).toBe("roles.unit-lam-role");
    expect(r[0]!.cluster).toBe(0);
  });

  it("leaves the year unknown when nothing states it", () => {
    expect(roles("Cụm thi đua số 6 do Hội Nông dân tỉnh Sơn La làm Cụm trưởng.")[0]?.year).toBeNull();
  });

  it("refuses people and roles without a unit", () => {
    expect(roles("Hội nghị bầu đồng chí Lê Văn Tám làm Cụm trưởng. Trần Quốc Toản - Cụm phó phát biểu. Cụm trưởng chủ trì.")).toEqual([]);
  });

  it("gives the role to the organisation a person heads when the role follows the post after a comma", () => {
    const text = "Thượng tá Nguyễn Văn Hùng, Giám đốc Công an tỉnh Bình Phước, Cụm trưởng Cụm thi đua số 6 phát biểu.";
    const r = run(text);
    expect(r.roles.map((x) => [x.unit, x.role])).toEqual([["Công an tỉnh Bình Phước", "trưởng"]]);
    expect(r.roles[0]!.prov.rule).toBe("roles.position-org-comma-role");
    expect(text.slice(r.roles[0]!.prov.start, r.roles[0]!.prov.end)).toBe("Công an tỉnh Bình Phước, Cụm trưởng");
  });

  it("does not take a role from a person with no organisation, nor a post that names none", () => {
    expect(run("Ông Lê Văn Tùng, Cụm trưởng, phát biểu tại Cụm thi đua số 3.").roles).toEqual([]);
    expect(run("Ông Lê Văn Tùng, Tỉnh ủy viên, Cụm trưởng, phát biểu tại Cụm thi đua số 3.").roles).toEqual([]);
  });

  it("takes the unit after 'cho' in a handover, and a school year's first year", () => {
    expect(run("Tại Cụm thi đua số 2, tỉnh Bến Tre đã trao cờ luân lưu cho tỉnh Trà Vinh - Cụm trưởng năm 2025.").roles.map((x) => [x.unit, x.role, x.year]))
      .toEqual([["tỉnh Trà Vinh", "trưởng", 2025]]);
    expect(run("Cụm thi đua số 1 tổng kết. Cụm trưởng năm học 2022 - 2023 là Trường THCS Ngô Quyền.").roles.map((x) => [x.unit, x.year]))
      .toEqual([["Trường THCS Ngô Quyền", 2022]]);
  });
});
