// thidua extract --jsonl PATH...: one record per article on stdout, database untouched.
import type { Command } from "commander";
import { readArticles } from "../ingest/read.js";
import { extract } from "../extract/extract.js";
import { EXIT } from "../exit.js";

export function register(program: Command): void {
  program
    .command("extract")
    .description("extract facts from articles and print one JSON record per article (the database is not touched)")
    .argument("<paths...>", "files, folders (recursive), or - for standard input")
    .option("--jsonl", "print records as JSON lines (the default and only format)", true)
    .action(async (paths: string[]) => {
      let failed = 0;
      for await (const item of readArticles(paths)) {
        if ("error" in item) { failed++; console.error(`thidua: ${item.error.source}: ${item.error.reason}`); continue; }
        process.stdout.write(JSON.stringify(extract(item.article)) + "\n");
      }
      if (failed) process.exitCode = EXIT.partial;
    });
}
