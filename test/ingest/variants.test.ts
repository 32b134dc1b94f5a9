// Real articles as a crawl may bring them back: line breaks as CRLF, tone marks typed as combining characters
// (NFD, "Unicode tổ hợp"), NBSPs, doubled spaces, zero-width characters, old tone placement, hard-wrapped at a
// fixed width (lynx -dump), without blank lines, the headline in capitals, a BOM, curly quotes, a related-news box
// after the story. Each variant must give the
// same facts as the article itself (compared after normalisation, since the facts keep the page's own characters).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.js";
import { fold, normalize } from "../../src/extract/normalize.js";
import { readArticles } from "../../src/ingest/read.js";
import type { Article, ExtractionRecord } from "../../src/types.js";

const DIRS = ["corpus/seeds", "corpus/dev", ...readdirSync("eval").filter((d) => d.startsWith("authored")).map((d) => `eval/${d}/articles`)];

/** Every line longer than `width` broken greedily at spaces, as a fixed-width dump writes it. */
function wrap(t: string, width: number, indent: string): string {
  return t.split("\n").map((line) => {
    if (line.length <= width) return indent + line;
    const out: string[] = [];
    let cur = "";
    for (const w of line.split(" ")) {
      if (cur && cur.length + 1 + w.length > width) { out.push(cur); cur = w; } else cur = cur ? `${cur} ${w}` : w;
    }
    out.push(cur);
    return out.map((l) => indent + l).join("\n");
  }).join("\n");
}

const VARIANTS: Record<string, (t: string) => string> = {
  crlf: (t) => t.replace(/\n/g, "\r\n"),
  nfd: (t) => t.normalize("NFD"),
  nbsp: (t) => t.replace(/ (?=\p{Lu})/gu, "\u00a0"),
  "old tone placement": (t) => t.replace(/([òóỏõọ])([ae])(?!\p{L})|([ùúủũụ])y(?!\p{L})/gu, (m, o?: string, a?: string, u?: string) => {
    const tone = (o ?? u)!.normalize("NFD").slice(1); // the mark moves to the second vowel: hòa -> hoà, ủy -> uỷ
    return o ? `o${(a! + tone).normalize("NFC")}` : `u${("y" + tone).normalize("NFC")}`;
  }),
  "doubled spaces": (t) => t.replace(/ /g, (m, i: number) => (i % 7 === 0 ? "  " : m)),
  "zero-width": (t) => t.replace(/ /g, (m, i: number) => (i % 11 === 0 ? " \u200b" : m)),
  "hard-wrapped at 80 columns, indented (lynx -dump)": (t) => wrap(t, 80, "   "),
  "hard-wrapped at 72 columns": (t) => wrap(t, 72, ""),
  "no blank lines": (t) => t.replace(/\n\s*\n+/g, "\n"),
  "headline in capitals": (t) => { const lines = t.split("\n"); const k = lines.findIndex((l) => l.trim().split(/\s+/).length >= 6); if (k >= 0) lines[k] = lines[k]!.toUpperCase(); return lines.join("\n"); },
  "byte-order mark, tab-indented lines": (t) => `\ufeff${t.replace(/^/gm, "\t")}`,
  "curly quotes and en dashes": (t) => t.replace(/"([^"\n]*)"/g, "\u201c$1\u201d").replace(/ - /g, " \u2013 "),
  "related box": (t) => `${t}\n\nTin liên quan\n\nHội nghị sơ kết công tác thi đua 6 tháng đầu năm\n\nTỉnh đoàn tổ chức giải bóng đá thanh niên\n`,
};

/** Variants that make sense of a text dump only (on a page's source they would rewrite its markup: quotes of attributes). */
const TEXT_ONLY = new Set(["headline in capitals", "curly quotes and en dashes", "no blank lines", "related box"]);

/** What sites do to the same story's markup: inline tags, divs or <br>s for paragraphs, entities. */
const HTML_VARIANTS: Record<string, (h: string) => string> = {
  "bold names and keyword links inside paragraphs": (h) => h.replace(/(<p[^>]*>)([^<]+)/g, (_, p: string, t: string) =>
    p + t.replace(/(\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+)/gu, "<strong>$1</strong>").replace(/(thi đua)/g, '<a href="/tag/thi-dua">$1</a>')),
  "paragraphs as <div>s": (h) => h.replace(/<p(\s[^>]*)?>/g, "<div$1>").replace(/<\/p>/g, "</div>"),
  "paragraphs cut by <br><br>": (h) => h.replace(/<\/p>\s*<p[^>]*>/g, "<br><br>"),
  "letters as numeric entities": (h) => h.replace(/>([^<]+)</g, (_, t: string) => `>${t.replace(/[à-ỹ]/g, (c) => `&#${c.codePointAt(0)};`)}<`),
  "&nbsp; before capitals": (h) => h.replace(/>([^<]+)</g, (_, t: string) => `>${t.replace(/ (?=\p{Lu})/gu, "&nbsp;")}<`),
};

const k = (s: unknown) => (s == null ? "" : fold(normalize(String(s)).norm).replace(/\s+/g, " ").trim());
function factKeys(r: ExtractionRecord): string[] {
  return [
    ...r.clusters.map((c) => `cluster ${k(c.name)} ${c.number}`),
    ...r.members.map((m) => `member ${k(m.unit)}`),
    ...r.roles.map((x) => `role ${k(x.unit)} ${x.role} ${x.year}`),
    ...r.officials.map((o) => `official ${k(o.name)} | ${o.titles.map(k).join("; ")}`),
    ...r.commitments.map((c) => `commitment ${k(c.text)}`),
    ...r.awards.map((a) => `award ${k(a.award)} ${k(a.recipient)} ${a.status} ${a.year}`),
    ...r.events.map((e) => `event ${e.type} ${e.date} ${k(e.location)}`),
    ...r.documents.map((d) => `document ${k(d.kind)} ${k(d.number)} ${d.date}`),
  ].sort();
}

async function readOne(path: string): Promise<Article> {
  for await (const it of readArticles([path])) if ("article" in it) return it.article;
  throw new Error(`no article in ${path}`);
}

const tmp = mkdtempSync(join(tmpdir(), "thidua-variants-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Every article of `ending` under DIRS read as itself and as each variant that applies to it: how many variants
 * were read, and each one whose facts differ from the article's, with what it lost and gained.
 */
async function compareVariants(ending: RegExp, variants: Record<string, (t: string) => string>, applies: (file: string, name: string) => boolean) {
  let checked = 0;
  const differ: string[] = [];
  for (const dir of DIRS) {
    for (const f of readdirSync(dir).filter((f) => ending.test(f))) {
      const raw = readFileSync(join(dir, f), "utf8");
      const base = factKeys(extract(await readOne(join(dir, f))));
      for (const [name, vary] of Object.entries(variants)) {
        if (!applies(f, name)) continue;
        const p = join(tmp, `${name.replace(/\W/g, "_")}-${f}`);
        writeFileSync(p, vary(raw));
        const got = factKeys(extract(await readOne(p)));
        checked++;
        if (JSON.stringify(got) !== JSON.stringify(base)) differ.push(`${dir}/${f} (${name}): lost ${base.filter((x) => !got.includes(x)).join(" / ")}; gained ${got.filter((x) => !base.includes(x)).join(" / ")}`);
      }
    }
  }
  return { checked, differ };
}

describe("crawl-like variants of real articles", () => {
  it("give the same facts as the articles themselves", async () => {
    const { checked, differ } = await compareVariants(/\.(txt|html)$/, VARIANTS, (f, name) => !(f.endsWith(".html") && TEXT_ONLY.has(name)));
    expect(checked).toBeGreaterThan(500);
    expect(differ).toEqual([]);
  }, 120_000);

  it("give the same facts when an HTML page's markup changes but not its text", async () => {
    const { checked, differ } = await compareVariants(/\.html$/, HTML_VARIANTS, () => true);
    expect(checked).toBeGreaterThan(50);
    expect(differ).toEqual([]);
  }, 120_000);
});
