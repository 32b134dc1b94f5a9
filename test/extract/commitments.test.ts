import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

const commitments = (text: string, published?: string) => run(text, { published }).commitments;

describe("commitments", () => {
  it("takes as many paragraphs after 'Cụ thể:' as the declared count", () => {
    const text = [
      "Sau khi thảo luận, 6 đơn vị trong Cụm thi đua số 4 đã cùng ký giao ước thi đua năm 2021 với 2 nội dung.",
      "Cụ thể: Tổ chức tốt các phong trào thi đua. Tổ chức thi đua chào mừng các ngày lễ lớn.",
      "Nâng cao chất lượng công tác khen thưởng.",
      "Đổi mới công tác tuyên truyền về điển hình tiên tiến trong toàn Cụm.",
    ].join("\n\n");
    const out = commitments(text);
    expect(out.map((c) => c.text)).toEqual([
      "Tổ chức tốt các phong trào thi đua. Tổ chức thi đua chào mừng các ngày lễ lớn.",
      "Nâng cao chất lượng công tác khen thưởng.",
    ]);
    expect(out.every((c) => c.year === 2021 && c.cluster === 0)).toBe(true);
  });

  it("points provenance at the item in the original text", () => {
    const text = "Cụm thi đua số 1 đã ký giao ước thi đua với một số nội dung sau:\n\n1. Thực hiện tốt các phong trào thi đua.\n\n2. Chủ động nắm tình hình nhân dân.";
    const rec = run(text);
    expect(rec.commitments.length).toBe(2);
    for (const c of rec.commitments) {
      expect(rec.commitments[0]!.prov.rule).toBe("commitments.numbered-items");
      expect(text.slice(c.prov.start, c.prov.end)).toBe(c.text);
    }
  });

  it("refers to the cluster named in the head sentence when the story has several", () => {
    const text = "Cụm thi đua số 2 tổng kết năm 2022.\n\nCụm thi đua số 5 đã ký giao ước thi đua năm 2023 với các nội dung sau:\n\n1. Thi đua hoàn thành nhiệm vụ.\n\n2. Thi đua đổi mới sáng tạo.";
    const rec = run(text);
    const five = rec.clusters.findIndex((c) => c.number === 5);
    expect(five).toBeGreaterThanOrEqual(0);
    expect(rec.commitments.map((c) => c.cluster)).toEqual([five, five]);
    expect(rec.commitments.map((c) => c.year)).toEqual([2023, 2023]);
  });

  it("takes the year of the covenant from elsewhere in the story, else from the publication date", () => {
    const text = "Cụm đã ký giao ước thi đua với một số nội dung sau:\n\n1. Thi đua hoàn thành nhiệm vụ.\n\n2. Thi đua đổi mới sáng tạo.";
    expect(commitments(text, "2020-02-06").map((c) => c.year)).toEqual([2020, 2020]);
    expect(commitments(text).map((c) => c.year)).toEqual([null, null]);
  });

  it("stops a list of paragraphs without a count at the report going on", () => {
    const text = "Cụm thi đua số 3 ký giao ước thi đua năm 2022 với các nội dung chủ yếu sau:\n\nThi đua hoàn thành xuất sắc nhiệm vụ chính trị.\n\nThi đua xây dựng cơ quan văn hóa.\n\nPhát biểu tại hội nghị, đồng chí Chủ tịch đánh giá cao các nội dung giao ước.";
    expect(commitments(text).map((c) => c.text)).toEqual(["Thi đua hoàn thành xuất sắc nhiệm vụ chính trị.", "Thi đua xây dựng cơ quan văn hóa."]);
  });

  it("reads numbered items after '… với N nội dung. Cụ thể:' and notes a stated count that disagrees", () => {
    const items = ["Thi đua giảm nghèo bền vững.", "Thi đua xây dựng nông thôn mới kiểu mẫu.", "Thi đua chuyển đổi số trong quản lý nhà nước."];
    const head = "Ngày 8/2, Cụm thi đua số 2 tỉnh Hậu Giang ký kết giao ước thi đua năm 2025 với 4 nội dung trọng tâm. Cụ thể:";
    const text = [head, ...items.map((t, i) => `${i + 1}. ${t}`)].join("\n");
    const rec = run(text);
    expect(rec.commitments.map((c) => c.text)).toEqual(items);
    expect(rec.commitments.every((c) => c.year === 2025 && c.cluster === 0)).toBe(true);
    const notes = rec.notes.filter((n) => n.kind === "commitment-count");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain("4 commitments stated, 3 found");
    expect(text.slice(notes[0]!.prov!.start, notes[0]!.prov!.end)).toMatch(/^4 nội dung[\s\S]*quản lý nhà nước\.$/u);
    // the same list with the count it states gives no note
    expect(run(text.replace("4 nội dung", "3 nội dung")).notes.filter((n) => n.kind === "commitment-count")).toEqual([]);
  });
  it("reads ';' items after 'cam kết:' inside the signing sentence, and none from a request or a single item", () => {
    const text = "Các trường trong Cụm thi đua số 3 đã ký kết giao ước thi đua, cam kết: nâng cao chất lượng dạy và học; giữ vững an ninh, trật tự trường học; hoàn thành kế hoạch tuyển sinh.";
    const rec = run(text);
    expect(rec.commitments.map((c) => c.text)).toEqual([
      "nâng cao chất lượng dạy và học",
      "giữ vững an ninh, trật tự trường học",
      "hoàn thành kế hoạch tuyển sinh.",
    ]);
    for (const c of rec.commitments) {
      expect(c.prov.rule).toBe("commitments.inline-list");
      expect(text.slice(c.prov.start, c.prov.end).replace(/[;\s]+$/u, "")).toBe(c.text);
    }
    expect(commitments(text.replace("đã ký kết giao ước thi đua, cam kết", "được yêu cầu ký giao ước thi đua, cam kết"))).toEqual([]);
    expect(commitments("Cụm thi đua số 3 đã ký giao ước thi đua, cam kết: nâng cao chất lượng dạy và học.")).toEqual([]);
  });
});
