// The header of a text dump: what stands above the story (breadcrumbs, site and organisation names,
// section labels, datelines) and which line is the headline. Dumps written in the styles of several
// kinds of site: a district portal, a department site, a party paper, a provincial paper, a union site.
import { describe, expect, it } from "vitest";
import { parseTextDump } from "../../src/ingest/textdump.js";
import { datelineDate, toIso, trailingDate } from "../../src/ingest/vndate.js";
import { isBreadcrumb, isOrgNameLine, isSectionLabel, isSiteName } from "../../src/ingest/furniture.js";
import { parseJsonlLine } from "../../src/ingest/jsonl.js";
import { articles, readAll, tempDir } from "./helpers.js";

const dump = (...lines: string[]) => lines.join("\n");
const paras = (text: string) => text.split("\n\n");

describe("page furniture above a headline", () => {
  it("recognises breadcrumb trails and not headlines with a slash or a dash", () => {
    for (const b of [
      "Trang chủ > Tin tức > Thi đua khen thưởng", "Trang chủ | Tin tức | Hoạt động", "Home » News",
      "Tin tức - Sự kiện / Thi đua", "Trang chủ › Tin tức - Sự kiện › Thi đua - Khen thưởng", "Trang chủ / Tin tức",
    ]) expect(isBreadcrumb(b), b).toBe(true);
    for (const h of [
      "Khối thi đua Văn hóa - Xã hội tổng kết công tác thi đua, khen thưởng năm 2022",
      "Chiều ngày (1/4), Cụm thi đua số 7 tổ chức hội nghị",
      "Cụm thi đua số 1/Bộ Công an tổng kết phong trào thi đua năm 2023",
      "Thi đua - Khen thưởng | Cụm thi đua số 1 tổng kết công tác năm 2023",
    ]) expect(isBreadcrumb(h), h).toBe(false);
  });
  it("recognises site names, and not headlines that open with the same word", () => {
    for (const s of [
      "Báo Đồng Nai điện tử", "Cổng thông tin điện tử huyện Hữu Lũng", "BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN VIỆT NAM",
      "Trang thông tin điện tử Sở Tư pháp tỉnh Hà Giang", "Đài Phát thanh và Truyền hình Thái Bình",
    ]) expect(isSiteName(s), s).toBe(true);
    for (const s of [
      "Báo cáo kết quả hoạt động của Khối thi đua năm 2023", "Đài tưởng niệm liệt sĩ huyện được khánh thành",
      "Cụm thi đua số 4 thành phố Hà Nội ký kết giao ước thi đua năm 2021",
    ]) expect(isSiteName(s), s).toBe(false);
  });
  it("recognises an organisation's name standing alone", () => {
    for (const s of ["Sở Giáo dục và Đào tạo Phú Thọ", "UBND TỈNH LẠNG SƠN", "Liên đoàn Lao động tỉnh Bắc Giang"]) expect(isOrgNameLine(s), s).toBe(true);
    for (const s of ["Sở Y tế tổ chức hội nghị ký kết giao ước thi đua", "Công an tỉnh tổng kết năm 2023", "Mặt trận tổ quốc"]) expect(isOrgNameLine(s), s).toBe(false);
  });
  it("recognises section labels in any case", () => {
    for (const s of ["Thời sự", "Chính trị", "TIN TỨC", "Thi đua - Khen thưởng", "Tin tức - Sự kiện"]) expect(isSectionLabel(s), s).toBe(true);
    expect(isSectionLabel("Cụm thi đua số 2 tổng kết năm 2023")).toBe(false);
  });
});

describe("datelines as Vietnamese sites print them", () => {
  const cases: Array<[string, string]> = [
    ["Cập nhật: 21/12/2022 09:15", "2022-12-21T09:15:00+07:00"],
    ["Ngày đăng: 28/12/2022 | Lượt xem: 120", "2022-12-28"],
    ["Cập nhật lúc 15:30, 18/01/2024", "2024-01-18T15:30:00+07:00"],
    ["Thứ Hai, 12/06/2023, 08:45 (GMT+7)", "2023-06-12T08:45:00+07:00"],
    ["Đăng ngày 5-3-2023", "2023-03-05"],
    ["Thứ tư, 10/1/2024 - 14:20", "2024-01-10T14:20:00+07:00"],
    ["ngày 12 tháng 3 năm 2023", "2023-03-12"],
    ["Đăng lúc: 08:30 ngày 15/01/2024", "2024-01-15T08:30:00+07:00"],
    ["14h20, 12/3/2023", "2023-03-12T14:20:00+07:00"],
    ["12/03/2023 - 08:45", "2023-03-12T08:45:00+07:00"],
    ["14 giờ 20 phút, ngày 12/3/2023", "2023-03-12T14:20:00+07:00"],
    ["12/06/2023 8:45 PM", "2023-06-12T20:45:00+07:00"],
    ["12/06/2023 12:10 SA", "2023-06-12T00:10:00+07:00"],
    ["Ngày đăng 12/03/2023 10:05 | Tác giả: Minh Anh", "2023-03-12T10:05:00+07:00"],
    ["Thời sự | 12/06/2023 08:45", "2023-06-12T08:45:00+07:00"],
    // a place before the date, on a line that also names its author
    ["Cần Thơ, 14/05/2024 | Tác giả: Lê Minh - Điện lực Ninh Kiều", "2024-05-14"],
    ["TP Hồ Chí Minh, 03/10/2023 - Người đăng: admin", "2023-10-03"],
    // a zero-width space or soft hyphen the page hid inside a label is not there for the reader
    ["Cập \u200bnhật: 04/08/2025 09:12", "2025-08-04T09:12:00+07:00"],
    ["Ngày đ\u00adăng: 12/03/2023", "2023-03-12"],
  ];
  it.each(cases)("%s", (line, iso) => expect(toIso(datelineDate(line)!)).toBe(iso));
  it("does not read a sentence of the story as a dateline", () => {
    for (const s of [
      "Ngày 12/3/2023, tại huyện Tân Yên, Cụm thi đua số 6 tổ chức hội nghị",
      "Khai mạc hội nghị 12/06/2023", "Đà Nẵng, 12/3/2023", "Ngày 12 tháng 3 năm 2023, Cụm thi đua số 2 họp",
    ]) expect(datelineDate(s), s).toBeNull();
  });
  it("splits a date after a dash or a bar off the end of a headline, not a dash inside it", () => {
    const t = trailingDate("Cụm thi đua số 3 tổng kết năm 2023 - 21/12/2023 09:15")!;
    expect([t.before, toIso(t.date)]).toEqual(["Cụm thi đua số 3 tổng kết năm 2023", "2023-12-21T09:15:00+07:00"]);
    expect(trailingDate("Khối thi đua Văn hóa - Xã hội tổng kết năm 2022")).toBeNull();
  });
});

describe("headline and dateline of text dumps", () => {
  it("a district portal: site name, breadcrumb and menu above the headline, an update line under it", () => {
    const a = parseTextDump(dump(
      "Cổng thông tin điện tử huyện Hữu Lũng", "Trang chủ > Tin tức > Thi đua khen thưởng", "Giới thiệu", "Tin tức", "Văn bản", "Liên hệ", "",
      "Cụm thi đua số 3 các xã phía Nam tổng kết công tác năm 2023", "", "Cập nhật: 21/12/2023 09:15", "",
      "Ngày 20/12, tại hội trường UBND xã Yên Thịnh, Cụm thi đua số 3 gồm các xã Yên Thịnh, Yên Bình, Hữu Liên và Hòa Bình tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2023.", "",
      "Hội nghị suy tôn xã Yên Thịnh làm Cụm trưởng năm 2024.", "", "Hoàng Văn Nam",
    ), "portal.txt");
    expect(a.title).toBe("Cụm thi đua số 3 các xã phía Nam tổng kết công tác năm 2023");
    expect(a.published).toBe("2023-12-21T09:15:00+07:00");
    expect(a.outlet).toBe("Cổng thông tin điện tử huyện Hữu Lũng");
    expect(a.author).toBe("Hoàng Văn Nam");
    expect(paras(a.text)).toHaveLength(3);
    expect(a.text.slice(a.bodyStart).startsWith("Ngày 20/12, tại hội trường")).toBe(true);
  });

  it("a department site: organisation name and a bar breadcrumb, no blank lines, a view counter on the dateline", () => {
    const a = parseTextDump(dump(
      "Sở Giáo dục và Đào tạo Phú Thọ", "Trang chủ | Tin tức | Hoạt động",
      "Khối thi đua các trường THPT khu vực Việt Trì ký kết giao ước thi đua năm học 2023-2024",
      "Ngày đăng: 28/10/2023 | Lượt xem: 120",
      "Chiều 27/10, tại Trường THPT Chuyên Hùng Vương, Khối thi đua các trường THPT khu vực Việt Trì tổ chức hội nghị ký kết giao ước thi đua năm học 2023-2024.",
      "Khối gồm 6 trường; Trường THPT Chuyên Hùng Vương là Khối trưởng, Trường THPT Việt Trì là Khối phó.",
    ), "so-gd.txt");
    expect(a.title).toBe("Khối thi đua các trường THPT khu vực Việt Trì ký kết giao ước thi đua năm học 2023-2024");
    expect(a.published).toBe("2023-10-28");
    expect(a.outlet).toBe("Sở Giáo dục và Đào tạo Phú Thọ");
    expect(paras(a.text).slice(1).map((p) => p.slice(0, 10))).toEqual(["Chiều 27/1", "Khối gồm 6"]);
  });

  it("a party paper: capitals site name and a section label above a weekday dateline, the lead's tag wins as outlet", () => {
    const a = parseTextDump(dump(
      "BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN VIỆT NAM", "", "Thời sự", "", "Thứ Hai, 12/06/2023, 08:45 (GMT+7)", "",
      "Cụm thi đua các tỉnh Tây Nguyên sơ kết 6 tháng", "",
      "(ĐCSVN) - Sáng 11/6, tại thành phố Buôn Ma Thuột, Cụm thi đua các tỉnh Tây Nguyên tổ chức hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2023.", "",
      "Cụm gồm 5 tỉnh: Đắk Lắk, Đắk Nông, Gia Lai, Kon Tum và Lâm Đồng.",
    ), "dcs.txt");
    expect(a.title).toBe("Cụm thi đua các tỉnh Tây Nguyên sơ kết 6 tháng");
    expect(a.published).toBe("2023-06-12T08:45:00+07:00");
    expect(a.outlet).toBe("ĐCSVN");
    expect(a.extra?.siteName).toBe("BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(a.text).not.toContain("Thời sự");
  });

  it("a provincial paper: site name, capitals section and a slash trail, a dashed date", () => {
    const a = parseTextDump(dump(
      "Báo Đồng Nai điện tử", "TIN TỨC", "Tin tức - Sự kiện / Thi đua",
      "Khối thi đua các cơ quan Đảng tỉnh ký kết giao ước thi đua năm 2023", "Đăng ngày 5-3-2023",
      "Sáng 4-3, Khối thi đua các cơ quan Đảng tỉnh tổ chức hội nghị ký kết giao ước thi đua năm 2023.",
      "Ban Tuyên giáo Tỉnh ủy là Trưởng khối; Ban Dân vận Tỉnh ủy là Phó trưởng khối.", "Thu Hà",
    ), "dn.txt");
    expect([a.title, a.published, a.outlet, a.author]).toEqual([
      "Khối thi đua các cơ quan Đảng tỉnh ký kết giao ước thi đua năm 2023", "2023-03-05", "Báo Đồng Nai điện tử", "Thu Hà",
    ]);
  });

  it("a union site: an English trail, the organisation, the dateline above the headline, the headline echoed in a caption", () => {
    const a = parseTextDump(dump(
      "Home » News", "Liên đoàn Lao động tỉnh Bắc Giang", "Cập nhật lúc 15:30, 18/01/2024",
      "Cụm thi đua số 2 Liên đoàn Lao động các tỉnh miền núi phía Bắc tổng kết năm 2023", "",
      "Ngày 17/1, Cụm thi đua số 2 Liên đoàn Lao động các tỉnh miền núi phía Bắc tổ chức hội nghị tổng kết phong trào thi đua năm 2023.", "",
      "Năm 2024, Liên đoàn Lao động tỉnh Lạng Sơn được bầu làm Cụm trưởng.",
    ), "ldld.txt");
    expect(a.title).toBe("Cụm thi đua số 2 Liên đoàn Lao động các tỉnh miền núi phía Bắc tổng kết năm 2023");
    expect(a.published).toBe("2024-01-18T15:30:00+07:00");
    expect(a.outlet).toBe("Liên đoàn Lao động tỉnh Bắc Giang");
  });

  it("a newspaper known by its title and a province is the site; a section word alone is not", () => {
    const a = parseTextDump(dump(
      "Tuổi trẻ Điện Biên", "Đoàn - Hội", "",
      "Cụm thi đua số 2 Tỉnh đoàn ký kết giao ước thi đua năm 2025", "", "15/03/2025", "",
      "Sáng 14/3, Cụm thi đua số 2 Tỉnh đoàn tổ chức hội nghị ký kết giao ước thi đua năm 2025.",
    ), "tt.txt");
    expect(a.outlet).toBe("Tuổi trẻ Điện Biên");
    const b = parseTextDump(dump(
      "Công đoàn", "",
      "Cụm thi đua số 4 Công đoàn ngành ký kết giao ước thi đua năm 2025", "", "15/03/2025", "",
      "Sáng 14/3, Cụm thi đua số 4 Công đoàn ngành tổ chức hội nghị ký kết giao ước thi đua năm 2025.",
    ), "cd.txt");
    expect(b.outlet).toBeNull();
  });

  it("a keywords line of any length ends the story, so the byline above it is found", () => {
    const a = parseTextDump(dump(
      "Cụm thi đua số 3 ký kết giao ước thi đua năm 2025", "", "06/03/2025", "",
      "Sáng 5/3, Cụm thi đua số 3 tổ chức hội nghị ký kết giao ước thi đua năm 2025.", "",
      "Các đơn vị thống nhất bầu Hội Nông dân huyện Cẩm Xuyên làm Cụm trưởng năm 2025.", "",
      "Hoài Nam", "", "Nguồn: Báo Hà Tĩnh", "",
      "Từ khóa: Cụm thi đua, Hội Nông dân, giao ước thi đua năm 2025, Cẩm Xuyên, Hà Tĩnh, nông thôn mới",
    ), "kw.txt");
    expect(a.author).toBe("Hoài Nam");
    expect(a.text).not.toMatch(/Từ khóa/u);
  });

  it("a banner slogan above the headline", () => {
    const a = parseTextDump(dump(
      "NHIỆT LIỆT CHÀO MỪNG KỶ NIỆM 78 NĂM CÁCH MẠNG THÁNG TÁM VÀ QUỐC KHÁNH 2/9", "Tin tức",
      "Cụm thi đua số 1 sơ kết 6 tháng đầu năm 2023", "Cập nhật: 30/08/2023 10:00",
      "Sáng 29/8, Cụm thi đua số 1 tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2023.",
    ), "banner.txt");
    expect([a.title, a.published]).toEqual(["Cụm thi đua số 1 sơ kết 6 tháng đầu năm 2023", "2023-08-30T10:00:00+07:00"]);
  });

  it("a headline in capitals under an organisation name in mixed case", () => {
    const a = parseTextDump(dump(
      "Sở Nội vụ tỉnh Hà Giang", "CỤM THI ĐUA SỐ 2 TỔNG KẾT NĂM 2023", "14h20, 12/12/2023",
      "Chiều 11/12, Cụm thi đua số 2 các sở, ban, ngành tỉnh Hà Giang tổ chức hội nghị tổng kết công tác thi đua năm 2023.",
    ), "snv.txt");
    expect([a.title, a.published]).toEqual(["CỤM THI ĐUA SỐ 2 TỔNG KẾT NĂM 2023", "2023-12-12T14:20:00+07:00"]);
  });

  it("a long lead-in under the headline stays in the story, and the dateline under it is read", () => {
    const a = parseTextDump(dump(
      "Khối thi đua Văn hóa - Xã hội tổng kết năm 2023",
      "Năm 2023 các đơn vị trong Khối đã hoàn thành xuất sắc nhiệm vụ chính trị được giao và đề nghị tặng Cờ thi đua cho hai đơn vị dẫn đầu",
      "Thứ tư, 10/1/2024 - 14:20",
      "Chiều 9/1, Khối thi đua Văn hóa - Xã hội tổ chức hội nghị tổng kết năm 2023.",
    ), "vhxh.txt");
    expect(a.title).toBe("Khối thi đua Văn hóa - Xã hội tổng kết năm 2023");
    expect(a.published).toBe("2024-01-10T14:20:00+07:00");
    expect(paras(a.text)[1]!.startsWith("Năm 2023 các đơn vị")).toBe(true);
    expect(a.text).not.toContain("14:20");
  });

  it("a dateline printed under the sapo", () => {
    const a = parseTextDump(dump(
      "Khối thi đua các cơ quan Nội chính tỉnh ký kết giao ước thi đua năm 2024", "",
      "Các đơn vị trong Khối cam kết thực hiện tốt nhiệm vụ chính trị được giao, đẩy mạnh các phong trào thi đua yêu nước, phấn đấu hoàn thành xuất sắc các chỉ tiêu năm 2024.", "",
      "12/03/2024 - 08:45", "", "Sáng 11/3, Khối thi đua các cơ quan Nội chính tỉnh tổ chức hội nghị ký kết giao ước thi đua năm 2024.",
    ), "nc.txt");
    expect(a.published).toBe("2024-03-12T08:45:00+07:00");
    expect(paras(a.text)).toHaveLength(3);
  });

  it("a long menu, a repeated section label and a 'Đăng lúc' dateline", () => {
    const a = parseTextDump(dump(
      "Trang chủ", "Giới thiệu", "Tin tức", "Thi đua - Khen thưởng", "Văn bản", "Thủ tục hành chính", "Hỏi đáp", "Liên hệ", "Sơ đồ trang",
      "Thi đua - Khen thưởng", "Đăng lúc: 08:30 ngày 15/01/2024",
      "Cụm thi đua các huyện miền núi tỉnh Quảng Nam ký kết giao ước thi đua năm 2024",
      "Sáng 14/1, tại huyện Nam Trà My, Cụm thi đua các huyện miền núi tổ chức ký kết giao ước thi đua năm 2024.",
    ), "qnam.txt");
    expect([a.title, a.published]).toEqual(["Cụm thi đua các huyện miền núi tỉnh Quảng Nam ký kết giao ước thi đua năm 2024", "2024-01-15T08:30:00+07:00"]);
  });

  it("a dateline in words under a capitals organisation name and a › trail; a headline opening with 'Báo cáo'", () => {
    const a = parseTextDump(dump(
      "UBND TỈNH LẠNG SƠN", "Trang chủ › Tin tức - Sự kiện › Thi đua - Khen thưởng",
      "Báo cáo kết quả hoạt động của Khối thi đua các sở, ngành kinh tế năm 2023", "ngày 12 tháng 12 năm 2023",
      "Thực hiện Kế hoạch của Hội đồng Thi đua - Khen thưởng tỉnh, Khối thi đua các sở, ngành kinh tế báo cáo kết quả hoạt động năm 2023 như sau.",
    ), "ls.txt");
    expect([a.title, a.published, a.outlet]).toEqual(["Báo cáo kết quả hoạt động của Khối thi đua các sở, ngành kinh tế năm 2023", "2023-12-12", "UBND TỈNH LẠNG SƠN"]);
  });

  it("a date inside the lead is not the publication date", () => {
    const a = parseTextDump(dump(
      "Chính trị", "Cụm thi đua số 6 ký kết giao ước năm 2023",
      "Ngày 12/3/2023, tại huyện Tân Yên, Cụm thi đua số 6 tổ chức hội nghị ký kết giao ước thi đua năm 2023.",
    ), "ty.txt");
    expect([a.title, a.published]).toEqual(["Cụm thi đua số 6 ký kết giao ước năm 2023", null]);
  });

  it("a short name and what it stands for above the headline is the site, not a tagged lead; the dateline names the author", () => {
    const a = parseTextDump(dump(
      "EVNSPC - Tổng công ty Điện lực miền Nam", "Tin tức > Hoạt động đơn vị", "",
      "Khối thi đua số 3 ngành Điện ký kết giao ước thi đua năm 2025", "",
      "Cần Thơ, 14/03/2025 | Tác giả: Lê Minh Tâm - PC Cần Thơ", "",
      "Sáng 13/3, tại Công ty Điện lực Cần Thơ, các đơn vị thuộc Khối thi đua số 3 đã ký kết giao ước thi đua năm 2025.",
    ), "site.txt");
    expect([a.title, a.published, a.outlet, a.author]).toEqual(["Khối thi đua số 3 ngành Điện ký kết giao ước thi đua năm 2025", "2025-03-14", "EVNSPC", "Lê Minh Tâm"]);
    // a tagged lead is still the story's first paragraph, its tag the outlet
    const b = parseTextDump(dump(
      "Khối thi đua số 3 ngành Điện ký kết giao ước thi đua năm 2025", "",
      "(EVNSPC) - Sáng 13/3, tại Công ty Điện lực Cần Thơ, các đơn vị thuộc Khối thi đua số 3 đã ký kết giao ước thi đua năm 2025.",
    ), "tag.txt");
    expect([b.title, b.outlet]).toEqual(["Khối thi đua số 3 ngành Điện ký kết giao ước thi đua năm 2025", "EVNSPC"]);
  });

  it("a two-line dump: the short lead is the story, not a rival headline", () => {
    const a = parseTextDump("Cụm thi đua số 4 thành phố ký kết giao ước\n\nChiều 4/3, Cụm thi đua số 4 đã tổ chức hội nghị ký kết giao ước thi đua.\n", "two.txt");
    expect(a.title).toBe("Cụm thi đua số 4 thành phố ký kết giao ước");
  });
});

describe("the same header through the readers", () => {
  it("a .txt file read by readArticles", async () => {
    const dir = tempDir({ "a.txt": dump(
      "Trang chủ > Tin tức > Thi đua khen thưởng", "Cụm thi đua số 5 tổng kết công tác thi đua năm 2023", "Cập nhật: 21/12/2023 09:15",
      "Sáng 20/12, Cụm thi đua số 5 tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2023.",
    ) });
    const [a] = articles(await readAll([dir]));
    expect([a!.title, a!.published]).toEqual(["Cụm thi đua số 5 tổng kết công tác thi đua năm 2023", "2023-12-21T09:15:00+07:00"]);
  });
  it("a JSONL text with its own title drops a trail and a dateline at the top of the text", () => {
    const r = parseJsonlLine(JSON.stringify({
      title: "Cụm thi đua số 5 tổng kết năm 2023",
      text: "Trang chủ > Tin tức\nCập nhật: 21/12/2023 09:15\nSáng 20/12, Cụm thi đua số 5 tổ chức hội nghị tổng kết.",
    }), "x.jsonl:1");
    if (!("article" in r)) throw new Error(r.reason);
    expect(r.article.published).toBe("2023-12-21T09:15:00+07:00");
    expect(paras(r.article.text)).toEqual(["Cụm thi đua số 5 tổng kết năm 2023", "Sáng 20/12, Cụm thi đua số 5 tổ chức hội nghị tổng kết."]);
  });
});
