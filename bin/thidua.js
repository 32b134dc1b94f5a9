#!/usr/bin/env node
// Entry point: runs the compiled command line (npm ci builds dist/ through `prepare`).
import("../dist/cli.js").catch((err) => {
  if (err && err.code === "ERR_MODULE_NOT_FOUND" && String(err.message).includes("dist/cli.js")) {
    console.error("thidua: dist/ is missing; run `npm run build` (npm ci does it for you).");
    process.exit(70);
  }
  throw err;
});
