#!/usr/bin/env node
// Runs docs/questions.sql through `thidua query` on a database and prints the README section
// "Questions researchers ask" (each question, its SQL, and the answer on that database).
//   node scripts/questions.mjs [DB]
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const db = process.argv[2] ?? "data/thidua.sqlite";
const blocks = readFileSync(new URL("../docs/questions.sql", import.meta.url), "utf8").split(/\n\s*\n/).filter((b) => b.trim());
const out = [];
blocks.forEach((block, i) => {
  const lines = block.trim().split("\n");
  const question = lines.filter((l) => l.startsWith("--")).map((l) => l.slice(2).trim()).join(" ");
  const sql = lines.filter((l) => !l.startsWith("--")).join("\n");
  const answer = execFileSync(process.execPath, [new URL("../bin/thidua.js", import.meta.url).pathname, "query", sql, "--db", db], { encoding: "utf8" });
  out.push(`**${i + 1}. ${question}**\n\n\`\`\`sql\n${sql}\n\`\`\`\n\n\`\`\`\n${answer.trimEnd()}\n\`\`\`\n`);
});
console.log(out.join("\n"));
