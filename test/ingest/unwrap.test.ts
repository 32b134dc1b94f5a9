import { describe, expect, it } from "vitest";
import { unwrapLines, wrapWidth } from "../../src/ingest/unwrap.js";

const PARAS = [
  "Sáng 12/3, Cụm thi đua số 4 gồm các huyện Yên Thành, Diễn Châu, Quỳnh Lưu và thị xã Hoàng Mai đã tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 và ký kết giao ước thi đua năm 2024.",
  "Năm 2023, các đơn vị trong cụm đã hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội; công tác xây dựng nông thôn mới, đô thị văn minh có nhiều chuyển biến rõ nét, đời sống nhân dân được nâng lên.",
  "Hội nghị đã suy tôn huyện Yên Thành là đơn vị dẫn đầu cụm và đề nghị UBND tỉnh tặng Cờ thi đua; huyện Diễn Châu được bầu làm Cụm trưởng năm 2024.",
];

/** Greedy fixed-width wrapping, as lynx or a mail client does it. */
function wrap(p: string, width: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const w of p.split(" ")) { if (cur && cur.length + 1 + w.length > width) { out.push(cur); cur = w; } else cur = cur ? `${cur} ${w}` : w; }
  return [...out, cur];
}

describe("hard-wrapped dumps", () => {
  for (const width of [64, 72, 80, 100]) {
    it(`finds a wrap at ${width} columns and joins each paragraph again`, () => {
      const paras = [...PARAS, ...PARAS.map((p) => p.replace(/2023/g, "2022"))];
      const lines = ["Cụm thi đua số 4 tổng kết năm 2023", "", ...paras.flatMap((p) => [...wrap(p, width), ""]), "Hồng Nhung"];
      expect(wrapWidth(lines)).toBeLessThanOrEqual(width);
      expect(unwrapLines(lines)).toEqual(["Cụm thi đua số 4 tổng kết năm 2023", "", ...paras.flatMap((p) => [p, ""]), "Hồng Nhung"]);
    });
  }

  it("joins without blank lines between paragraphs, where a paragraph's last line would have taken another word", () => {
    const lines = PARAS.flatMap((p) => wrap(p, 72));
    expect(unwrapLines(lines)).toEqual(PARAS);
  });

  it("keeps list items and short lines apart, and a long item's wrapped lines together", () => {
    const item = "- Đẩy mạnh thanh toán không dùng tiền mặt, phát triển thanh toán số tại khu vực nông thôn, miền núi;";
    const lines = [...wrap(PARAS[0]!, 72), "", "Các đơn vị cam kết:", ...wrap(item, 72), "- Giữ vững an ninh trật tự;", "", ...wrap(PARAS[1]!, 72)];
    expect(unwrapLines(lines)).toEqual([PARAS[0], "", "Các đơn vị cam kết:", item, "- Giữ vững an ninh trật tự;", "", PARAS[1]]);
  });

  it("does not join a headline that nearly fills the width with the dateline or field line under it", () => {
    const head = "Cụm thi đua số 2 sơ kết phong trào thi đua Quyết thắng 6 tháng đầu năm"; // 70 characters
    const body = [...PARAS, ...PARAS].flatMap((p) => [...wrap(p, 72), ""]);
    for (const field of ["Cập nhật: 07/06/2024", "Đăng lúc 11/01/2025 07:30"]) {
      expect(unwrapLines([head, field, "", ...body]).slice(0, 2)).toEqual([head, field]);
    }
  });

  it("starts a new item at a bullet after an item that ended, and joins a dash that only wrapped inside a sentence", () => {
    const lines = [...[...PARAS, ...PARAS].flatMap((p) => [...wrap(p, 72), ""]), "• Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong quản lý và dạy học.", "• Xây dựng trường học an toàn.", "", "hoàn thành các chỉ tiêu phát triển kinh tế", "- xã hội năm 2025"];
    const out = unwrapLines(lines);
    expect(out).toContain("• Xây dựng trường học an toàn.");
    expect(out[out.length - 1]).toBe("- xã hội năm 2025"); // short lines: nothing wrapped here, nothing joined
  });

  it("leaves a dump that is not wrapped as it is", () => {
    const lines = ["Cụm thi đua số 4 tổng kết năm 2023", "", ...PARAS, "", "Tin liên quan", "Khối thi đua các doanh nghiệp ký kết giao ước thi đua năm 2024"];
    expect(wrapWidth(lines)).toBeNull();
    expect(unwrapLines(lines)).toBe(lines);
  });
});
