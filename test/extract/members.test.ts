import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

describe("members", () => {
  it("distributes a head noun and checks the declared count", () => {
    const r = run("Cụm thi đua số 1 của Ủy ban MTTQ thành phố Hà Nội gồm 06 quận: Đống Đa, Hoàn Kiếm, Ba Đình, Hai Bà Trưng, Hoàng Mai và Long Biên.");
    expect(r.members.map((m) => m.unit)).toEqual(["quận Đống Đa", "quận Hoàn Kiếm", "quận Ba Đình", "quận Hai Bà Trưng", "quận Hoàng Mai", "quận Long Biên"]);
    expect(r.members.every((m) => m.cluster === 0)).toBe(true);
    expect(r.clusters[0]).toMatchObject({ declaredMembers: 6, listedMembers: 6 });
    expect(r.notes.filter((n) => n.kind === "member-count")).toEqual([]);
  });

  it("notes a count that disagrees with the list", () => {
    const r = run("Cụm thi đua số 2 gồm 5 huyện: Vụ Bản, Ý Yên, Mỹ Lộc.");
    expect(r.members).toHaveLength(3);
    const note = r.notes.find((n) => n.kind === "member-count");
    expect(note?.message).toMatch(/5 .*3/);
    expect(r.clusters[0]).toMatchObject({ declaredMembers: 5, listedMembers: 3 });
  });

  it("prefixes the organisation to each distributed unit and stops at the predicate", () => {
    const r = run("Các đơn vị trong Cụm thi đua số 3 - Bộ Công an gồm Công an 3 tỉnh: Lạng Sơn, Cao Bằng, Hà Giang đã hoàn thành nhiệm vụ.");
    expect(r.members.map((m) => m.unit)).toEqual(["Công an tỉnh Lạng Sơn", "Công an tỉnh Cao Bằng", "Công an tỉnh Hà Giang"]);
  });

  it("keeps organisation names with commas and 'và' whole when items are split by semicolons", () => {
    const r = run("Khối thi đua Văn hóa - Xã hội gồm: Sở Lao động, Thương binh và Xã hội; Sở Thông tin và Truyền thông và Sở Y tế.");
    expect(r.members.map((m) => m.unit)).toEqual(["Sở Lao động, Thương binh và Xã hội", "Sở Thông tin và Truyền thông", "Sở Y tế"]);
  });

  it("points provenance at the item as written", () => {
    const text = "Cụm thi đua số 7 gồm các xã Hoà Lạc, Đồng Tân.";
    const r = run(text);
    const m = r.members[0]!;
    expect(m.unit).toBe("xã Hoà Lạc");
    expect(text.slice(m.prov.start, m.prov.end)).toBe("Hoà Lạc");
    expect(m.prov.rule).toBe("members.list-after-gom");
  });

  it("attaches each list to its own cluster", () => {
    const r = run("Cụm thi đua số 1 gồm các huyện Ba Vì, Phúc Thọ. Cụm thi đua số 2 gồm các huyện Đan Phượng, Hoài Đức.");
    expect(r.members.map((m) => [m.cluster, m.unit])).toEqual([[0, "huyện Ba Vì"], [0, "huyện Phúc Thọ"], [1, "huyện Đan Phượng"], [1, "huyện Hoài Đức"]]);
  });

  it("does not take units attending a meeting, or a list far from the cluster", () => {
    expect(run("Dự hội nghị của Cụm thi đua số 4 có lãnh đạo Sở Nội vụ, Sở Tài chính và UBND các huyện.").members).toEqual([]);
    expect(run("Cụm thi đua số 4 tổ chức hội nghị với sự tham dự của nhiều đại biểu đến từ các cơ quan, đơn vị gồm Sở Nội vụ, Sở Tài chính.").members).toEqual([]);
  });

  it("reads a counted kind that is not a unit noun as a head, not a member", () => {
    const r = run("Cụm thi đua số 6 gồm 3 trường: THCS Kim Đồng, THCS Lê Văn Tám và THCS Võ Thị Sáu.");
    expect(r.members.map((m) => m.unit)).toEqual(["THCS Kim Đồng", "THCS Lê Văn Tám", "THCS Võ Thị Sáu"]);
    expect(r.clusters[0]).toMatchObject({ declaredMembers: 3, listedMembers: 3 });
    const bare = run("Cụm thi đua số 6 gồm 2 bệnh viện: Phổi và Mắt.");
    expect(bare.members.map((m) => m.unit)).toEqual(["Bệnh viện Phổi", "Bệnh viện Mắt"]);
  });

  it("distributes an organisation written with lower-case syllables over counted units", () => {
    const r = run("Cụm thi đua số 2 gồm Bộ Chỉ huy Bộ đội Biên phòng 3 tỉnh: Lào Cai, Hà Giang và Cao Bằng.");
    expect(r.members.map((m) => m.unit)).toEqual(["Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lào Cai", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Hà Giang", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Cao Bằng"]);
  });

  it("reads one unit a line after an open line, with provenance on each line", () => {
    const text = "Cụm thi đua số 8 gồm 3 đơn vị:\nHội Nông dân huyện Chợ Mới;\nHội Cựu chiến binh huyện Chợ Mới;\nHuyện đoàn Chợ Mới.\nCác đơn vị đã ký giao ước.";
    const r = run(text);
    expect(r.members.map((m) => m.unit)).toEqual(["Hội Nông dân huyện Chợ Mới", "Hội Cựu chiến binh huyện Chợ Mới", "Huyện đoàn Chợ Mới"]);
    expect(r.members.map((m) => text.slice(m.prov.start, m.prov.end))).toEqual(["Hội Nông dân huyện Chợ Mới", "Hội Cựu chiến binh huyện Chợ Mới", "Huyện đoàn Chợ Mới"]);
  });

  it("stops a line list at prose and at a line that is not a unit", () => {
    expect(run("Cụm thi đua số 8 gồm 3 đơn vị:\nnăm nay các đơn vị đều hoàn thành;\nHội nghị đã thống nhất.").members).toEqual([]);
  });
  it("takes a signing's parties only when the cluster's list is not written out, keeping the listed count", () => {
    const listed = run("Cụm thi đua số 4 gồm 3 đơn vị: Sở Xây dựng, Sở Nội vụ và Sở Tư pháp. Cụm thi đua số 4 đã ký kết giao ước thi đua giữa Sở Xây dựng và Sở Công Thương.");
    expect(listed.members.map((m) => m.unit)).toEqual(["Sở Xây dựng", "Sở Nội vụ", "Sở Tư pháp"]);
    expect(listed.clusters[0]).toMatchObject({ declaredMembers: 3, listedMembers: 3 });
    const signed = run("Cụm thi đua số 4 đã ký kết giao ước thi đua giữa Sở Xây dựng và Sở Công Thương.");
    expect(signed.members.map((m) => m.unit)).toEqual(["Sở Xây dựng", "Sở Công Thương"]);
  });
});
