// Class/id hints: one signal among several. Words of English and Vietnamese site templates
// (unaccented, as they appear in class names) that mark page furniture or the story container.
import type { Element } from "domhandler";

const NEGATIVE =
  /comment|disqus|share|sharing|social|follow|related|relate|lien-?quan|tin-?khac|tin-?cung|cung-?chuyen-?muc|sidebar|side-bar|widget|footer|menu|navbar|\bnav|breadcrumb|cookie|consent|gdpr|banner|advert|\bads?\b|\bad-|-ad\b|adsense|promo|sponsor|newsletter|subscri|signup|sign-up|popup|modal|masthead|pagination|pager|\btags?\b|tag-?list|keyword|toolbar|\bprint|rating|\bvote|\bpoll|most-?read|most-?popular|popular|trending|xem-?nhieu|doc-?nhieu|binh-?luan|chia-?se|quang-?cao|\bqc\b|login|outbrain|taboola|recommend|read-?more|readmore|more-?stories|also-?read|jump|skip-|shoutbox|combx|author-?bio|about-?author|\bhidden\b/i;
const POSITIVE =
  /article|\bbody|content|entry|hentry|\bmain|\bpost|text|story|detail|chi-?tiet|noi-?dung|fck|cms-body|maincontent|\bpage\b/i;
/** Class/id of a byline, a date line or a kicker: furniture when it sits inside the story container. */
const META = /byline|\bauthor|writer|dateline|\bdate|\btime|publish|posted|timestamp|tac-?gia|ngay-?dang|thoi-?gian|article-?meta|post-?meta|entry-?meta|\bmeta\b|\bsource\b|nguon/i;
/** Photo captions in the templates of news sites. */
const CAPTION = /caption|image-?desc|img-?desc|photo-?desc|desc-?img|pic-?desc|chu-?thich|\bexpnote|image_?note|imagedesc|\bcredit/i;

function names(el: Element): string {
  const a = el.attribs;
  return `${a.class ?? ""} ${a.id ?? ""}`.trim();
}

/** Class tokens and id; a token that names both ("entry-content-read-more") is a modifier of the content, so neutral. */
function tokens(el: Element): string[] {
  return names(el).split(/\s+/).filter(Boolean);
}
/** Layout utility classes ("text-center", "hidden-xs", "d-flex") say nothing about what a box holds. */
const UTILITY = /^(?:text|hidden|visible|d|flex|align|justify|float|m[tblrxy]?|p[tblrxy]?|w|h|col|offset|order|font|fw|fs|bg|border|rounded|shadow|position|overflow)-/i;
const neg = (t: string): boolean => !UTILITY.test(t) && NEGATIVE.test(t) && !POSITIVE.test(t);
const pos = (t: string): boolean => !UTILITY.test(t) && POSITIVE.test(t) && !NEGATIVE.test(t);

/** -50..+50: readability-style weight from class and id (each counted on its own). */
export function classWeight(el: Element): number {
  let w = 0;
  for (const s of [el.attribs.class, el.attribs.id]) {
    if (!s) continue;
    const t = s.split(/\s+/).filter(Boolean);
    if (t.some(neg)) w -= 25;
    if (t.some(pos)) w += 25;
  }
  return w;
}

export const isNegative = (el: Element): boolean => tokens(el).some(neg);
export const isPositive = (el: Element): boolean => tokens(el).some(pos);
export const isMetaLine = (el: Element): boolean => META.test(names(el));
const BYLINE = /byline|\bauthor|writer|tac-?gia/i;
const SOURCE = /\bsource\b|nguon/i;
/** Which line of furniture a meta element holds. */
export function metaSort(el: Element): "byline" | "source" | "dateline" {
  const n = names(el);
  return BYLINE.test(n) ? "byline" : SOURCE.test(n) ? "source" : "dateline";
}
export const isCaptionClass = (el: Element): boolean => CAPTION.test(names(el));
