import { describe, expect, it } from "vitest";
import { findDates, inferYear, resolveDate, yearCues } from "../../src/extract/dates.js";
import { fold } from "../../src/extract/normalize.js";

const dates = (s: string) => findDates(fold(s)).map(({ day, month, year, marked }) => ({ day, month, year, marked }));

describe("findDates", () => {
  it("reads the day-month forms of the genre", () => {
    expect(dates("Chiều 4/3, Cụm thi đua")).toEqual([{ day: 4, month: 3, year: null, marked: true }]);
    expect(dates("Chiều ngày (1/4), Cụm")).toEqual([{ day: 1, month: 4, year: null, marked: true }]);
    expect(dates("Ngày 15-3, tại tỉnh Đồng Nai")).toEqual([{ day: 15, month: 3, year: null, marked: true }]);
    expect(dates("hội nghị sáng nay (24/12)")).toEqual([{ day: 24, month: 12, year: null, marked: true }]);
  });

  it("reads full dates in numbers and in words", () => {
    expect(dates("Sáng ngày 26/6/2020, Khối")).toEqual([{ day: 26, month: 6, year: 2020, marked: true }]);
    expect(dates("ban hành 05-2-2020")).toEqual([{ day: 5, month: 2, year: 2020, marked: true }]);
    expect(dates("ngày 12 tháng 12 năm 2013 của Bộ Chính trị")).toEqual([{ day: 12, month: 12, year: 2013, marked: true }]);
  });

  it("reads a month with its year, without a day", () => {
    expect(dates("diễn ra trong giữa tháng 7/2020")).toEqual([{ day: null, month: 7, year: 2020, marked: true }]);
  });

  it("leaves out fractions, ratios, impossible dates and number ranges", () => {
    expect(dates("đạt 6/10 chỉ tiêu, nhiệm kỳ 2020-2025")).toEqual([]);
    expect(dates("ngày 31/2 và ngày 12/13")).toEqual([]);
    expect(dates("Kế hoạch 5 năm (2021- 2025)")).toEqual([]);
  });

  it("reads a day told relative to publication, at the start of a sentence or clause, only given the publication date", () => {
    const rel = (s: string, pub: string | null) => findDates(fold(s), 0, s.length, pub).map(({ day, month, year, rule }) => ({ day, month, year, rule }));
    expect(rel("Hôm qua, tại trụ sở UBND xã", "2024-01-01")).toEqual([{ day: 31, month: 12, year: 2023, rule: "date.relative" }]);
    expect(rel("Tin tức. Sáng nay, Cụm thi đua số 2 họp", "2024-03-05")).toEqual([{ day: 5, month: 3, year: 2024, rule: "date.relative" }]);
    expect(rel("Hôm qua, tại trụ sở UBND xã", null)).toEqual([]);
    expect(rel('ông nói: "Hội nghị hôm nay rất quan trọng"', "2024-03-05")).toEqual([]);
    // a written date after the relative word is the date
    expect(rel("Chiều qua (4/3), Cụm họp", "2024-03-05")).toEqual([{ day: 4, month: 3, year: null, rule: "date.day-month" }]);
  });

  it("gives offsets in the searched text", () => {
    const text = fold("Tin tức. Chiều 4/3, hội nghị");
    const [d] = findDates(text);
    expect(text.slice(d!.start, d!.end)).toBe("chieu 4/3");
  });
});

describe("inferYear and resolveDate", () => {
  it("uses the publication year, or the year before for a late-year date reported early in the year", () => {
    expect(resolveDate({ day: 4, month: 3, year: null }, { pubDate: "2021-03-04", cue: null })).toBe("2021-03-04");
    expect(resolveDate({ day: 29, month: 12, year: null }, { pubDate: "2023-01-09", cue: null })).toBe("2022-12-29");
    expect(resolveDate({ day: 15, month: 3, year: null }, { pubDate: "2019-03-13", cue: null })).toBe("2019-03-15");
    expect(resolveDate({ day: 3, month: 1, year: null }, { pubDate: "2020-12-30", cue: null })).toBe("2021-01-03");
  });

  it("keeps the publication year for an announced date months ahead", () => {
    expect(resolveDate({ day: 15, month: 6, year: null }, { pubDate: "2021-04-02", cue: null })).toBe("2020-06-15");
    expect(resolveDate({ day: 15, month: 6, year: null }, { pubDate: "2021-04-02", cue: null, future: true })).toBe("2021-06-15");
  });

  it("without a publication date, uses the year the meeting is about", () => {
    expect(inferYear(29, 11, { pubDate: null, cue: { year: 2022, kind: "review" } })).toBe(2022);
    expect(inferYear(24, 12, { pubDate: null, cue: { year: 2021, kind: "review" } })).toBe(2021);
    expect(inferYear(15, 1, { pubDate: null, cue: { year: 2022, kind: "review" } })).toBe(2023);
    expect(inferYear(1, 4, { pubDate: null, cue: { year: 2022, kind: "plan" } })).toBe(2022);
    expect(inferYear(20, 12, { pubDate: null, cue: { year: 2022, kind: "plan" } })).toBe(2021);
    expect(inferYear(26, 6, { pubDate: null, cue: { year: 2020, kind: "midterm" } })).toBe(2020);
  });

  it("is null when nothing tells the year, and for a month without a day", () => {
    expect(resolveDate({ day: 4, month: 3, year: null }, { pubDate: null, cue: null })).toBeNull();
    expect(resolveDate({ day: null, month: 7, year: 2020 }, { pubDate: null, cue: null })).toBeNull();
  });

  it("keeps a written year", () => {
    expect(resolveDate({ day: 20, month: 1, year: 2020 }, { pubDate: "2021-05-01", cue: null })).toBe("2020-01-20");
  });
});

describe("yearCues", () => {
  it("tells a review year from a plan year", () => {
    const cues = yearCues(fold("Hội nghị tổng kết công tác thi đua năm 2021 và triển khai nhiệm vụ năm 2022"));
    expect(cues.find((c) => c.kind === "review")?.year).toBe(2021);
    expect(cues.find((c) => c.kind === "plan")?.year).toBe(2022);
  });
});
