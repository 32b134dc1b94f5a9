import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

const events = (text: string, opts: { published?: string; title?: string } = {}) => run(text, opts).events.map(({ type, date, location }) => ({ type, date, location }));

describe("events", () => {
  it("resolves 'Chiều 4/3' against the publication date", () => {
    expect(events("(LĐTĐ) Chiều 4/3, Cụm thi đua số 4 đã tổ chức hội nghị ký kết giao ước thi đua năm 2021.", { published: "2021-03-04T22:20:00+07:00" })).toEqual([
      { type: "signing", date: "2021-03-04", location: null },
    ]);
  });

  it("gives a meeting that reviews and signs two events on its date, the date taken from the story's lead", () => {
    const text = "Sáng 9/4, Cụm thi đua 5 thành phố trực thuộc Trung ương tổ chức hội nghị tổng kết thực hiện giao ước thi đua năm 2020.\n\nTại hội nghị, đại diện lãnh đạo 5 thành phố đã tiến hành ký kết giao ước thi đua năm 2021.";
    expect(events(text, { published: "2021-04-09" })).toEqual([
      { type: "review", date: "2021-04-09", location: null },
      { type: "signing", date: "2021-04-09", location: null },
    ]);
  });

  it("takes an opening dateline as the meeting date when the meeting word comes later", () => {
    const text = "Chiều ngày 05/2/2020, tại phòng họp tầng 3 trụ sở Quận ủy Ba Đình, quận Ba Đình.\n\nTiếp theo các đơn vị tiến hành ký kết thi đua.";
    expect(events(text)).toEqual([{ type: "signing", date: "2020-02-05", location: "phòng họp tầng 3 trụ sở Quận ủy Ba Đình" }]);
  });

  it("merges the headline's mention with the body's", () => {
    const out = events("Chiều 20/1, Khối thi đua Kinh tế tổng kết công tác thi đua năm 2022.", { title: "Khối thi đua Kinh tế tổng kết năm 2022", published: "2023-01-21" });
    expect(out).toEqual([{ type: "review", date: "2023-01-20", location: null }]);
  });

  it("keeps two meetings on different dates apart", () => {
    const text = "Ngày 10/1, Cụm thi đua số 2 tổng kết công tác thi đua năm 2021. Ngày 15/3, Cụm tổ chức ký kết giao ước thi đua năm 2022.";
    expect(events(text, { published: "2022-03-20" })).toEqual([
      { type: "review", date: "2022-01-10", location: null },
      { type: "signing", date: "2022-03-15", location: null },
    ]);
  });

  it("finds nothing in a story without a meeting", () => {
    expect(events("Năm 2022, các đơn vị trong Khối đã hoàn thành tốt các chỉ tiêu được giao; dự thảo báo cáo tổng kết đã được gửi các đơn vị.")).toEqual([]);
  });

  it("carries the rule name and a confidence, and points at the meeting word", () => {
    const rec = run("Ngày 29/11, tại Công an tỉnh Thái Nguyên, Cụm thi đua số 3 đã tổ chức tổng kết phong trào thi đua năm 2022.");
    const ev = rec.events[0]!;
    expect(ev).toMatchObject({ type: "review", date: "2022-11-29", location: "Công an tỉnh Thái Nguyên" });
    expect(ev.prov.rule).toBe("events.review");
    expect(rec.source).toBe("test");
    expect(ev.prov.confidence).toBeGreaterThan(0.5);
  });

  it("keeps 'review' for the meeting's own tổng kết / sơ kết, not for reviews named as tasks or to come", () => {
    const signing = "Chiều 14/2, Khối thi đua các doanh nghiệp tỉnh Long An tổ chức ký kết giao ước thi đua năm 2025.\n\nCác đơn vị thống nhất sẽ tổ chức sơ kết vào tháng 7 và định kỳ tổng kết, đánh giá kết quả thực hiện.";
    expect(run(signing, { published: "2025-02-14" }).events.map((e) => [e.type, e.date])).toEqual([["signing", "2025-02-14"]]);
    const both = "Chiều 14/2, Khối thi đua các doanh nghiệp tỉnh Long An tổ chức tổng kết công tác thi đua năm 2024 và ký kết giao ước thi đua năm 2025.";
    expect(run(both, { published: "2025-02-14" }).events.map((e) => [e.type, e.date, e.prov.rule])).toEqual([
      ["review", "2025-02-14", "events.review"], ["signing", "2025-02-14", "events.signing"],
    ]);
  });

  it("reads a sports exchange as an 'other' event, and a seminar (hội thảo) apart from a sports meet (hội thao)", () => {
    const sports = run("Sáng 26/3, Cụm thi đua số 5 tỉnh Hải Dương tổ chức hội thao chào mừng ngày thành lập Đoàn.", { published: "2024-03-26" });
    expect(sports.events.map((e) => [e.type, e.date, e.prov.rule])).toEqual([["other", "2024-03-26", "events.exchange"]]);
    const seminar = run("Sáng 26/3, Cụm thi đua số 5 tỉnh Hải Dương tổ chức hội thảo về chuyển đổi số.", { published: "2024-03-26" });
    expect(seminar.events.map((e) => [e.type, e.date, e.prov.rule])).toEqual([["other", "2024-03-26", "events.other"]]);
  });
});
