// Page metadata: the publication date from a labelled post-info line when the page declares none.
import { describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import { readMetadata } from "../../src/ingest/metadata.js";

const HEADLINE = "<h1>Cụm thi đua số 3 ký kết giao ước thi đua năm 2024</h1>";
const page = (head: string, body: string) => cheerio.load(`<html><head>${head}</head><body>${body}</body></html>`);

describe("labelled date line", () => {
  it("takes 'Đăng lúc: … | Tác giả: …' under the headline, with its time and author, over an unlabelled top-bar date", () => {
    const $ = page("<title>Cụm thi đua số 3 ký kết giao ước thi đua năm 2024 | Báo X</title>",
      `<div id="bar">Thứ Sáu, 14/06/2024 | <a href="/">Trang chủ</a></div>${HEADLINE}` +
      `<div class="post-info">Đăng lúc: 12/03/2024 - 09:15 | Tác giả: <b>Lê Hà</b></div><div class="post-body"><p>Nội dung bài.</p></div>`);
    const m = readMetadata($, null);
    expect(m.published).toBe("2024-03-12T09:15:00+07:00");
    expect(m.choices.published).toMatch(/^labelled line/);
    expect(m.author).toBe("Lê Hà");
  });

  it("reads a label in an element of its own and prefers a posting label to an update label", () => {
    const $ = page("", `${HEADLINE}<p><span>Cập nhật:</span> 20/03/2024</p><p><strong>Ngày đăng:</strong> 11/03/2024</p><p>Nội dung bài.</p>`);
    expect(readMetadata($, null).published).toBe("2024-03-11");
    const $2 = page("", `${HEADLINE}<p><span>Thời gian cập nhật:</span> 20/03/2024 08:00</p><p>Nội dung bài.</p>`);
    expect(readMetadata($2, null).published).toBe("2024-03-20T08:00:00+07:00");
  });

  it("takes the labelled line nearest the headline, not one in the related stories after the body", () => {
    const $ = page("", `<ul class="tin-moi"><li><a>Tin mới nhất</a><span>Ngày đăng: 02/01/2024</span></li></ul>${HEADLINE}<div>Ngày đăng: 05/03/2024</div>` +
      `<p>Đoạn một.</p><p>Đoạn hai.</p><p>Đoạn ba.</p><ul><li><a>Tin khác</a><span>Ngày đăng: 01/01/2023</span></li></ul>`);
    expect(readMetadata($, null).published).toBe("2024-03-05");
    // a date line above the headline is as good as one under it
    const $2 = page("", `<div class="top"><span>Đăng ngày: 04/03/2024</span></div>${HEADLINE}<p>Đoạn một.</p><p>Đoạn hai.</p><ul><li><a>Tin khác</a><span>Ngày đăng: 01/01/2023</span></li></ul>`);
    expect(readMetadata($2, null).published).toBe("2024-03-04");
  });

  it("reads a label that opens a line after a <br> in a signature block, and the bold name opening the block as the author", () => {
    const $ = page("", `${HEADLINE}<p>Đoạn một.</p><p class="ky-ten"><strong>Lê Minh Châu</strong><br>Sở Nội vụ tỉnh Hà Nam<br>Ngày đăng: 07/05/2023</p>`);
    const m = readMetadata($, null);
    expect(m.published).toBe("2023-05-07");
    expect(m.author).toBe("Lê Minh Châu");
    // a block opened by an organisation in plain text gives the date but no author
    const $2 = page("", `${HEADLINE}<p>Đoạn một.</p><p>Văn phòng Sở Nội vụ<br><span>Đăng lúc:</span> 08/05/2023</p>`);
    const m2 = readMetadata($2, null);
    expect(m2.published).toBe("2023-05-08");
    expect(m2.author).toBeNull();
    // a date inside a sentence of a broken paragraph is no labelled line
    const $3 = page("", `${HEADLINE}<p>Hội nghị diễn ra sáng nay.<br>Hồ sơ nộp trước ngày đăng: 09/05/2023 tại Sở.</p>`);
    expect(readMetadata($3, null).published).toBeNull();
  });

  it("gives way to a declared date, and ignores a sentence or a registration that merely holds a date", () => {
    const $ = page('<meta property="article:published_time" content="2024-03-10">', `${HEADLINE}<div>Đăng lúc: 12/03/2024 09:15</div>`);
    expect(readMetadata($, null).published).toBe("2024-03-10");
    const $2 = page("", `${HEADLINE}<p>Đăng ký thi đua: 12/03/2024</p><p>Cập nhật các chỉ tiêu thi đua đến ngày 12/03/2024 cho toàn Cụm.</p>`);
    expect(readMetadata($2, null).published).toBeNull();
  });
});

describe("outlet and author a page shows but does not declare", () => {
  it("reads a date with the author's field beside it as the post's line ('20/12/2024 16:05 | Tác giả: …')", () => {
    const $ = page("<title>Cụm thi đua số 5 tổng kết</title>", `${HEADLINE}<div class="info">20/12/2024 16:05 | Tác giả: Khánh Duy</div><p>Nội dung bài.</p>`);
    const m = readMetadata($, null);
    expect(m.published).toBe("2024-12-20T16:05:00+07:00");
    expect(m.author).toBe("Khánh Duy");
  });

  it("takes the site's name after the headline in <title> only when it reads as a site's name", () => {
    expect(readMetadata(page("<title>Khối thi đua các bệnh viện tổng kết năm 2024 - Báo Hưng Yên</title>", HEADLINE), null).outlet).toBe("Báo Hưng Yên");
    expect(readMetadata(page("<title>Khối thi đua các bệnh viện - Tổng kết năm 2024</title>", HEADLINE), null).outlet).toBeNull();
  });

  it("takes the text of the logo in the page's header, not a logo elsewhere or a section label", () => {
    expect(readMetadata(page("", `<div id="header"><a class="logo" href="/">Kinh tế Hợp tác</a></div>${HEADLINE}`), null).outlet).toBe("Kinh tế Hợp tác");
    expect(readMetadata(page("", `${HEADLINE}<div class="partner-logo">Quảng cáo Đối tác</div>`), null).outlet).toBeNull();
    expect(readMetadata(page("", `<div class="logo">Báo Đắk Nông</div>${HEADLINE}`), null).outlet).toBe("Báo Đắk Nông");
  });

  it("takes the site's name from the link home, the banner's picture, or an organisation <title> names and the page prints again", () => {
    const menu = (home: string) => `<nav><a href="${home}">Báo Quảng Trị</a> <a href="/kinh-te">Kinh tế</a></nav>${HEADLINE}`;
    expect(readMetadata(page("", menu("/")), null).outlet).toBe("Báo Quảng Trị");
    expect(readMetadata(page("", menu("https://baoquangtri.vn/")), "https://baoquangtri.vn/tin/123.html").outlet).toBe("Báo Quảng Trị");
    // another portal's home, listed among the links to other sites, names another site
    expect(readMetadata(page("", menu("https://quangtri.gov.vn")), "https://snv.quangtri.gov.vn/tin/1.html").outlet).not.toBe("Báo Quảng Trị");
    expect(readMetadata(page("", `<nav><a href="/">Trang chủ</a></nav>${HEADLINE}`), null).outlet).toBeNull();
    expect(readMetadata(page("", `<div class="banner"><img src="/b.jpg" alt="Cổng thông tin điện tử huyện Cam Lộ"></div>${HEADLINE}`), null).outlet)
      .toBe("Cổng thông tin điện tử huyện Cam Lộ");
    const portal = (top: string) => page("<title>Cụm thi đua số 3 ngành Y tế tổng kết năm 2024 | Sở Y tế tỉnh Quảng Trị</title>", `${top}${HEADLINE}<p>Nội dung.</p>`);
    expect(readMetadata(portal(`<div id="top">SỞ Y TẾ TỈNH QUẢNG TRỊ | Đường dây nóng</div>`), null).outlet).toBe("Sở Y tế tỉnh Quảng Trị");
    expect(readMetadata(portal(""), null).outlet).toBeNull();
  });

  it("takes the author from an element marked as the byline when it reads as names", () => {
    expect(readMetadata(page("", `${HEADLINE}<p>Nội dung bài.</p><p class="byline">Hải Yến</p>`), null).author).toBe("Hải Yến");
    expect(readMetadata(page("", `${HEADLINE}<p class="author">Thanh Hà (TAND tỉnh Đắk Nông)</p>`), null).author).toBe("Thanh Hà");
    expect(readMetadata(page("", `${HEADLINE}<div class="author-box">Bài viết được thực hiện với sự hỗ trợ của Quỹ.</div>`), null).author).toBeNull();
  });
});
