// Metadata of a news page: title, publication date-time, author, outlet, section, canonical URL, language.
// Read from JSON-LD (NewsArticle, also inside @graph), Open Graph and article:* tags, <time datetime>,
// Vietnamese datelines in the page ("Ngày đăng 06/02/2020 | 14:46", "Thứ năm, 04/03/2021 - 22:20 (GMT+7)"),
// a labelled post-info line near the headline in any element ("Đăng lúc: 26/03/2024 - 16:40 | Tác giả: …", only
// when nothing above gives a date), and dates in the URL. When the sources disagree on the date, the most specific one wins
// (date-time with offset > date-time > date), and every choice is recorded in `choices`.
import type { CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { datelineAuthor, datelineDate, findDates, toIso, type FoundDate } from "./vndate.js";
import { canonicalUrl, hostOutlet } from "./url.js";
import { bylineOf, isOrgNameLine, isSectionLabel, isSiteName, syllables, trimLine } from "./furniture.js";
import { fold } from "../extract/normalize.js";

const hostOf = (u: string): string | null => { try { return new URL(u, "http://x.invalid").host.replace(/^www\./u, ""); } catch { return null; } };

/** A link to the site's home page: "/", "./", "index.html", or an absolute URL with no path. */
const HOME_HREF = /^(?:(?:https?:)?\/\/[^/?#]+)?(?:\/|\.\/)?(?:index\.\w+)?$/iu;

export interface PageMeta {
  title: string | null;
  published: string | null;
  author: string | null;
  outlet: string | null;
  section: string | null;
  canonicalUrl: string | null;
  language: string | null;
  description: string | null;
  /** Which source each field came from, and the date candidates that lost. */
  choices: Record<string, string>;
}

type Json = unknown;
const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNews|AnalysisNewsArticle|BlogPosting|WebPage|LiveBlogPosting|OpinionNewsArticle)$/;

function asArray<T>(x: T | T[] | undefined | null): T[] {
  return x == null ? [] : Array.isArray(x) ? x : [x];
}

function nameOf(x: Json): string | null {
  if (typeof x === "string") return trimLine(x) || null;
  if (x && typeof x === "object" && "name" in x) return nameOf((x as { name: Json }).name);
  return null;
}

/** JSON-LD objects of an article type, from every ld+json script, @graph included. */
function jsonLdArticles($: CheerioAPI): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = [];
  const visit = (x: Json): void => {
    if (Array.isArray(x)) { x.forEach(visit); return; }
    if (!x || typeof x !== "object") return;
    const o = x as Record<string, Json>;
    if (o["@graph"]) visit(o["@graph"]);
    if (asArray(o["@type"] as string | string[]).some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) out.push(o);
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    const raw = $(el).text().trim();
    if (!raw) return;
    try { visit(JSON.parse(raw)); } catch {
      // pages often leave raw newlines or trailing commas in their JSON-LD
      try { visit(JSON.parse(raw.replace(/[\r\n\t]+/g, " ").replace(/,\s*([}\]])/g, "$1"))); } catch { /* unreadable: ignore */ }
    }
  });
  // a NewsArticle beats a WebPage
  return out.sort((a, b) => Number(String(b["@type"]).includes("Article")) - Number(String(a["@type"]).includes("Article")));
}

function meta($: CheerioAPI, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = $(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`).first().attr("content");
    if (v && trimLine(v)) return trimLine(v);
  }
  return null;
}

/** How precise a date candidate is: offset-qualified time 3, time 2, date 1. */
function precision(f: FoundDate): number {
  return f.time ? (f.offset ? 3 : 2) : 1;
}

/** A machine date ("2021-03-04T22:20:00+07:00", "2021-03-04 22:20") or a Vietnamese one ("04/03/2021 22:20"). */
function parseAnyDate(s: string): FoundDate | null {
  return findDates(s)[0] ?? null;
}

const SITE_SUFFIX = /\s+[-–—|:]\s+[^-–—|:]{2,60}$/u;

/** Dates in a URL: "…-2021-03-04-…", "/2021/03/04/", "/20210304…"; "/202104/" gives only the month. */
export function urlDate(url: string): { date: string | null; month: string | null } {
  let path: string;
  try { path = new URL(url).pathname; } catch { return { date: null, month: null }; }
  const ok = (y: number, m: number, d?: number) => y >= 1995 && y <= 2100 && m >= 1 && m <= 12 && (d === undefined || (d >= 1 && d <= 31));
  const pad = (n: number) => String(n).padStart(2, "0");
  let m = /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=$|[/_.-])/.exec(path);
  if (m && ok(+m[1]!, +m[2]!, +m[3]!)) return { date: `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}`, month: `${m[1]}-${pad(+m[2]!)}` };
  m = /\/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_-])/.exec(path);
  if (m && ok(+m[1]!, +m[2]!, +m[3]!)) return { date: `${m[1]}-${m[2]}-${m[3]}`, month: `${m[1]}-${m[2]}` };
  m = /\/((?:19|20)\d{2})[/-]?(\d{2})\//.exec(path);
  if (m && ok(+m[1]!, +m[2]!)) return { date: null, month: `${m[1]}-${m[2]}` };
  return { date: null, month: null };
}

/** Short text of the page's date widgets and of the header area, where datelines live. */
function datelineTexts($: CheerioAPI): string[] {
  const out: string[] = [];
  $("[class*=date], [class*=Date], [class*=time], [class*=Time], [class*=publish], [id*=date], [id*=Date], [class*=ngay], [class*=post-meta], [class*=meta]")
    .each((_, el) => {
      const t = trimLine($(el).text().replace(/\s+/g, " "));
      if (t && t.length <= 120) out.push(t);
    });
  return out;
}

/** The label of a posting date opening a line: "Đăng lúc:", "Ngày đăng", "Đăng ngày", "Thời gian đăng", "Xuất bản", "Đăng:" (not "Đăng ký"). */
const POSTED_LABEL = /^(?:(?:ngày đăng|đăng lúc|đăng ngày|thời gian đăng|ngày xuất bản|xuất bản(?: lúc| ngày)?)(?![\p{L}])|đăng\s*:)/iu;
/** The label of an update: a weaker sign of the posting date, taken only when no posting label is found. */
/** The author's field of a post-info line ("| Tác giả: …", "- Người viết: …"). */
const AUTHOR_FIELD = /(?:^|[|•·]|\s[-–—]\s)\s*(?:tác giả|người viết)\s*:/iu;
const UPDATED_LABEL = /^(?:cập nhật(?: lúc| ngày)?|ngày cập nhật|thời gian cập nhật)(?![\p{L}])/iu;

interface Labelled { text: string; f: FoundDate; posted: boolean; at: number; signer: string | null }

/** A person's name as a signature writes it: two to five capitalised words. */
const SIGNER_NAME = /^\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){1,4}$/u;

/**
 * The signature block a dated line closes ("<p><b>Phạm Văn A</b><br>Cục Thống kê tỉnh X<br>Ngày đăng: …</p>"):
 * its first line, when that line is a bold name alone, is the author.
 */
function signerOf(n: AnyNode): string | null {
  const kids = n.parent && "children" in n.parent ? n.parent.children.filter((k) => k.type !== "text" || k.data.trim()) : null;
  const first = kids?.[0], next = kids?.[1];
  if (!first || !next || !isBr(next) || first === n || first.type !== "tag" || !/^(?:b|strong)$/.test((first as Element).name)) return null;
  const name = trimLine(textOf(first).replace(/\s+/g, " "));
  return SIGNER_NAME.test(name) ? name : null;
}

const isBr = (n: AnyNode) => n.type === "tag" && (n as Element).name === "br";

/**
 * "<p><b>Phạm Văn A</b><br>Cục Thống kê tỉnh X<br>Ngày đăng: 13/12/2022</p>": a <br> starts a new line, so the
 * line of a node whose parent breaks its lines is the run of siblings between the <br>s around it; null when
 * the parent has no <br>.
 */
function brLine(n: AnyNode): string | null {
  const kids = n.parent && "children" in n.parent ? n.parent.children : null;
  if (!kids || !kids.some(isBr)) return null;
  let a = kids.indexOf(n as (typeof kids)[number]), b = a;
  if (a < 0) return null;
  while (a > 0 && !isBr(kids[a - 1]!)) a--;
  while (b + 1 < kids.length && !isBr(kids[b + 1]!)) b++;
  return trimLine(kids.slice(a, b + 1).map(textOf).join("").replace(/\s+/g, " "));
}

/** The text of a node and its descendants (scripts and styles left out). */
function textOf(n: AnyNode): string {
  if (n.type === "text") return n.data;
  if (n.type === "script" || n.type === "style" || !("children" in n)) return "";
  return n.children.map(textOf).join("");
}

/**
 * A line opened by a date label, in any element (post-info lines seldom carry a date class): the element whose
 * text starts with the label, or its parent when the label stands in an element of its own ("<b>Đăng lúc:</b> …").
 * Of several, a posting label beats an update label, then the one nearest the headline (<h1>) in document order;
 * a short unlabelled date (a top bar's "Thứ Ba, 26/03/2024" is today's date on a live site) is not taken.
 */
function labelledDateline($: CheerioAPI): Labelled | null {
  const found: Labelled[] = [];
  let texts = 0, h1Start = -1, h1End = -1;
  const flat = (el: AnyNode) => trimLine($(el).text().replace(/\s+/g, " "));
  const walk = (n: AnyNode): void => {
    if (n.type === "text") {
      texts++;
      const t = n.data.trimStart();
      // "20/12/2024 16:05 | Tác giả: Khánh Duy": a date with the author's field beside it is the post's own line
      const posted = POSTED_LABEL.test(t) || (AUTHOR_FIELD.test(t) && /^\S*\d/u.test(t));
      if (!posted && !UPDATED_LABEL.test(t)) return;
      // the text node's own line, then its element and that one's parent
      for (let el: AnyNode | null = n, up = 0; el && (el === n || el.type === "tag") && up < 3; el = el.parent, up++) {
        const line = brLine(el) ?? (el === n ? null : flat(el));
        if (line === null) continue;
        if (line.length > 120) break;
        const f = datelineDate(line);
        if (f) { found.push({ text: line, f, posted, at: texts, signer: signerOf(el) }); break; }
      }
      return;
    }
    if (n.type === "script" || n.type === "style" || !("children" in n)) return;
    const h1 = n.type === "tag" && (n as Element).name === "h1" && h1Start < 0;
    if (h1) h1Start = texts;
    for (const c of n.children) walk(c);
    if (h1) h1End = texts;
  };
  const root = $("body")[0] ?? $.root()[0];
  if (root) walk(root);
  // text nodes between the line and the headline; a tie goes to the line under the headline
  const near = (l: Labelled) => (h1Start < 0 ? l.at : l.at <= h1Start ? h1Start - l.at + 1.5 : l.at - h1End);
  return found.sort((a, b) => Number(b.posted) - Number(a.posted) || near(a) - near(b))[0] ?? null;
}

export function readMetadata($: CheerioAPI, pageUrl: string | null): PageMeta {
  const choices: Record<string, string> = {};
  const ld = jsonLdArticles($);
  const ld0 = ld[0];

  // Title: the visible headline, else the declared ones, else <title> without the site name.
  const h1 = trimLine($("article h1, main h1, h1").first().text().replace(/\s+/g, " "));
  const ldTitle = ld0 ? nameOf(ld0.headline) ?? nameOf(ld0.name) : null;
  const ogTitle = meta($, "og:title", "twitter:title");
  const docTitle = trimLine($("title").first().text().replace(/\s+/g, " "));
  let title: string | null = null;
  // a visible heading that the declared titles confirm (they often add the site name to it)
  const declared = [ldTitle, ogTitle, docTitle].filter((x): x is string => !!x).map((x) => x.toLowerCase());
  let shown: string | null = null;
  $("h1, h2, h3, [class*=title], [class*=Title], [class*=headline]").each((_, el) => {
    const t = trimLine($(el).text().replace(/\s+/g, " "));
    if (t.length > 300 || syllables(t) < 4) return;
    const k = t.toLowerCase();
    if (declared.some((d) => d === k || d.startsWith(k) || (k.startsWith(d) && d.length > 20))) { shown = t; return false; }
    return;
  });
  if (shown) { title = shown; choices.title = "heading matching the declared title"; }
  else if (h1 && syllables(h1) >= 4) { title = h1; choices.title = "<h1>"; }
  else if (ldTitle) { title = ldTitle; choices.title = "JSON-LD headline"; }
  else if (ogTitle) { title = ogTitle; choices.title = "og:title"; }
  else if (docTitle) { title = docTitle.replace(SITE_SUFFIX, ""); choices.title = "<title>"; }

  // Published: every candidate, the most precise wins (ties: the order below).
  const cands: Array<{ src: string; f: FoundDate }> = [];
  const add = (src: string, v: string | null | undefined) => { if (v) { const f = parseAnyDate(v); if (f) cands.push({ src, f }); } };
  for (const o of ld) add("JSON-LD datePublished", nameOf(o.datePublished) ?? undefined);
  add("article:published_time", meta($, "article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "dc.date.issued", "DC.date.issued", "dc.date", "date", "citation_publication_date"));
  const timeEl = $("article time[datetime], time[datetime]").first();
  add("<time datetime>", timeEl.attr("datetime"));
  for (const t of datelineTexts($)) { const f = datelineDate(t) ?? (/(?:đăng|cập nhật|xuất bản|ngày)/iu.test(t) ? findDates(t)[0] : undefined); if (f) { cands.push({ src: `dateline "${t}"`, f }); break; } }
  // a labelled post-info line, when no declared date, <time> or dated widget gave one
  const labelled = cands.length ? null : labelledDateline($);
  if (labelled) cands.push({ src: `labelled line "${labelled.text}"`, f: labelled.f });
  const ud = pageUrl ? urlDate(pageUrl) : { date: null, month: null };
  if (ud.date) cands.push({ src: "URL", f: { date: ud.date, time: null, offset: null, start: 0, end: 0 } });
  let published: string | null = null;
  if (cands.length) {
    const best = cands.reduce((a, b) => (precision(b.f) > precision(a.f) ? b : a));
    published = toIso(best.f);
    choices.published = best.src;
    const others = cands.filter((c) => c !== best && c.f.date !== best.f.date).map((c) => `${c.src}: ${toIso(c.f)}`);
    if (others.length) choices.publishedDisagreeing = others.join("; ");
  }
  if (ud.month && published && !published.startsWith(ud.month)) choices.urlMonth = `URL says ${ud.month}`;

  // Author
  let author: string | null = null;
  for (const o of ld) {
    const names = asArray(o.author as Json).map(nameOf).filter((x): x is string => !!x);
    if (names.length) { author = names.join(", "); choices.author = "JSON-LD author"; break; }
  }
  if (!author) {
    const a = meta($, "author", "article:author", "dc.creator", "DC.creator");
    if (a && !/^https?:/i.test(a)) { author = a; choices.author = "meta author"; }
  }
  if (!author && labelled) {
    const a = datelineAuthor(labelled.text);
    if (a && /^\p{Lu}/u.test(a) && a.split(/\s+/u).length <= 6) { author = a; choices.author = "author field of the labelled date line"; }
  }
  if (!author) {
    // an element the page marks as the byline ("<p class=\"author\">Minh Quân</p>"): its text when it reads as names
    $("[class*=author], [class*=byline], [itemprop=author], [class*=tac-gia], [class*=tacgia]").each((_, el) => {
      if ($(el).closest("form, [class*=comment], [id*=comment]").length) return; // a comment's author, a form's label
      // the writer's unit after the names goes: "(TAND tỉnh Đắk Nông)", "- KBNN Bình Định"; so does an English "By"
      const text = trimLine($(el).text().replace(/\s+/g, " ")).replace(/^(?:by|bởi)\s+/iu, "")
        .replace(/\s*\([^()]*\)\s*$/u, "").replace(/\s+[-–—]\s+\p{Lu}{2,}(?![\p{Ll}]).*$/u, "");
      const a = bylineOf(text);
      if (a) { author = a; choices.author = "byline element"; return false; }
      return;
    });
  }
  if (!author && labelled?.signer) { author = labelled.signer; choices.author = "bold name opening the signature block of the labelled date line"; }

  // Outlet
  let outlet: string | null = null;
  for (const o of ld) { const p = nameOf(o.publisher); if (p) { outlet = p; choices.outlet = "JSON-LD publisher"; break; } }
  if (!outlet) { const s = meta($, "og:site_name", "application-name"); if (s) { outlet = s; choices.outlet = "og:site_name"; } }
  // the site's name after the headline in <title> ("… - Báo Hưng Yên"), when it reads as a site's name
  const suffix = SITE_SUFFIX.exec(docTitle);
  const named = suffix ? trimLine(suffix[0].replace(/^\s+[-–—|:]\s+/u, "")) : null;
  if (!outlet && named && isSiteName(named)) { outlet = named; choices.outlet = "site name after the headline in <title>"; }
  // the text of the site's logo ("<div class=\"logo\">Báo Đắk Nông</div>"): a short name, no date or sentence
  if (!outlet) {
    $("[class*=logo], [id*=logo]").each((_, el) => {
      const t = trimLine($(el).text().replace(/\s+/g, " ")) || trimLine($(el).find("img").first().attr("alt") ?? "");
      const inHeader = $(el).closest("header, [id*=header], [class*=header]").length > 0;
      if (t && syllables(t) >= 2 && syllables(t) <= 10 && !/\d|[.!?;:,]$/u.test(t) && /^\p{Lu}/u.test(t) && !isSectionLabel(t) &&
        (isSiteName(t) || inHeader)) { outlet = t; choices.outlet = "text of the site's logo"; return false; }
      return;
    });
  }

  // the header banner's picture, named by its alt text ("<div class=\"banner\"><img alt=\"Cổng thông tin điện tử huyện …\">")
  if (!outlet) {
    $("[class*=banner] img[alt], [id*=banner] img[alt]").each((_, el) => {
      const t = trimLine(($(el).attr("alt") ?? "").replace(/\s+/g, " "));
      if (t && isSiteName(t)) { outlet = t; choices.outlet = "alt text of the site's banner"; return false; }
      return;
    });
  }
  // the link home in the page's menu ("<a href=\"/\">Báo Lâm Đồng</a>"), when its text reads as a site's name
  if (!outlet) {
    $("a[href]").each((_, el) => {
      const href = $(el).attr("href")!.trim();
      if (!href || !HOME_HREF.test(href)) return;
      // an absolute link is this site's only on the page's own host (a portal lists other portals' homes)
      if (/^(?:https?:)?\/\//iu.test(href) && hostOf(href) !== hostOf(pageUrl ?? "")) return;
      const t = trimLine($(el).text().replace(/\s+/g, " "));
      if (t && isSiteName(t)) { outlet = t; choices.outlet = "text of the link to the site's home"; return false; }
      return;
    });
  }
  // an organisation's portal names itself after the headline in <title> and prints the name again in its top bar or
  // footer ("… | Sở Y tế tỉnh Tây Ninh" and "SỞ Y TẾ TỈNH TÂY NINH"); said once, an organisation's name there may be the story's
  if (!outlet && named && isOrgNameLine(named) && fold($("body").text()).includes(fold(named))) {
    outlet = named; choices.outlet = "organisation after the headline in <title>, printed again on the page";
  }

  const section = meta($, "article:section") ?? (ld0 ? nameOf(asArray(ld0.articleSection as Json)[0]) : null);
  const canonHref = $('link[rel="canonical"]').attr("href") ?? meta($, "og:url");
  const canon = canonHref ? canonicalUrl(canonHref, pageUrl ?? undefined) : pageUrl ? canonicalUrl(pageUrl) : null;
  const language = $("html").attr("lang")?.trim() || meta($, "content-language", "og:locale", "language") ||
    $('meta[http-equiv="content-language" i]').attr("content")?.trim() || null;
  const description = meta($, "description", "og:description") ?? (ld0 ? nameOf(ld0.description) : null);
  if (!outlet && (pageUrl || canon)) { outlet = hostOutlet((pageUrl ?? canon)!); if (outlet) choices.outlet = "host of the URL"; }
  return { title, published, author, outlet, section, canonicalUrl: canon, language, description, choices };
}
