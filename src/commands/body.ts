// thidua body FILE.html…: the article body of a saved page on stdout (blocks separated by blank lines).
// A listing page, or a page with no body, prints nothing and says why on stderr (exit 1).
import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { extractBody } from "../ingest/body.js";
import { decodeBytes } from "../ingest/decode.js";
import { EXIT } from "../exit.js";

interface BodyCommandOptions { captions: boolean; json: boolean }

function readPage(file: string): string {
  let buf: Buffer = file === "-" ? readFileSync(0) : readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  return decodeBytes(buf, { html: true }).text;
}

export function register(program: Command): void {
  program
    .command("body")
    .description("print the article body of saved HTML pages (nothing for a listing page; the reason goes to stderr)")
    .argument("<files...>", "HTML files (.gz allowed), or - for standard input")
    .option("--no-captions", "leave photo captions out")
    .option("--json", "print the blocks as JSON, one object per file: {source, blocks:[{kind,text}], isListing, reason}", false)
    .action((files: string[], opts: BodyCommandOptions) => {
      let failed = 0;
      let printed = 0;
      for (const file of files) {
        let html: string;
        try {
          html = readPage(file);
        } catch (e) {
          failed++;
          const err = e as NodeJS.ErrnoException;
          const why = err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "is a folder, not a page" : err.code === "EACCES" ? "permission denied" : err.message;
          console.error(`thidua: ${file}: ${why}`);
          continue;
        }
        const r = extractBody(html, { captions: opts.captions });
        if (opts.json) {
          process.stdout.write(JSON.stringify({ source: file, ...r }) + "\n");
          if (!r.blocks.length) failed++;
          continue;
        }
        if (!r.blocks.length) {
          failed++;
          console.error(`thidua: ${file}: ${r.isListing ? "" : "no article body: "}${r.reason ?? "no text"}`);
          continue;
        }
        if (files.length > 1) process.stdout.write(`${printed ? "\n" : ""}==> ${file} <==\n`);
        process.stdout.write(r.text + "\n");
        printed++;
      }
      if (failed) process.exitCode = EXIT.partial;
    });
}
