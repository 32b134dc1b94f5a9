#!/usr/bin/env node
// The thidua command line. Each command lives in src/commands/<name>.ts and exports register(program).
import { Command } from "commander";
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { EXIT } from "./exit.js";

const here = dirname(fileURLToPath(import.meta.url));

export async function main(argv: string[]): Promise<void> {
  // a closed pipe (thidua extract | head) is a normal end, not an error
  process.stdout.on("error", (e: NodeJS.ErrnoException) => { if (e.code === "EPIPE") process.exit(EXIT.ok); throw e; });
  const program = new Command("thidua")
    .description("Vietnamese press coverage of emulation clusters (cụm/khối thi đua) into a queryable SQLite knowledge base")
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride((err) => {
      // commander's own errors (unknown option, missing argument) are usage errors
      process.exit(err.exitCode === 0 ? 0 : EXIT.usage);
    });
  const dir = join(here, "commands");
  const files = readdirSync(dir).filter((f) => f.endsWith(".js")).sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { register?: (p: Command) => void };
    mod.register?.(program);
  }
  await program.parseAsync(argv);
}

main(process.argv).catch((err: unknown) => {
  const e = err as Error;
  console.error(`thidua: ${e?.message ?? String(err)}`);
  process.exit(EXIT.fatal);
});
