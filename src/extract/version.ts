// The extractor's version, stored with every fact: the package's version and a digest of everything that decides
// what extract() returns (the recognisers and rules under src/extract, the lexicons). Any change of a rule or a word
// list gives the facts it makes a new version, without anyone having to remember to bump it, so a researcher can
// tell which facts of a database came from which rules (and `thidua reextract` brings old ones up to date).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, relative } from "node:path";

const PACKAGE_VERSION = "0.1.0";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Files under dir (recursively) with one of the endings, as paths relative to the repository, sorted. */
function filesUnder(dir: string, ending: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, ending));
    else if (ending.test(e.name)) out.push(relative(root, p));
  }
  return out.sort();
}

function digest(): string {
  // the sources where they are (a checkout), else the compiled modules (a build shipped without its sources)
  const sources = filesUnder(join(root, "src/extract"), /\.ts$/);
  const code = sources.length ? sources : filesUnder(join(root, "dist/extract"), /\.js$/);
  const h = createHash("sha256");
  for (const f of [...code, ...filesUnder(join(root, "lexicons"), /\.txt$/)]) h.update(`${f}\n`).update(readFileSync(join(root, f))).update("\n");
  return h.digest("hex").slice(0, 12);
}

export const EXTRACTOR_VERSION = `${PACKAGE_VERSION}+${digest()}`;
