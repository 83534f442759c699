#!/usr/bin/env node
// The `cloudlab` command. Platform definitions are TypeScript, so the CLI runs its sources through tsx's loader.
import { register as registerCommonJs } from "tsx/cjs/api";
import { register } from "tsx/esm/api";

// Both loaders: platform files may sit in an ESM package or a CommonJS one.
register();
registerCommonJs();
// A closed pipe (`cloudlab … | head`) ends the output quietly instead of crashing.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
// A spec file that never finished loading (`--timeout`) may keep the event loop alive (a timer, a socket): once the
// command is done, give the output a moment to drain, then end.
setTimeout(() => process.exit(), 1_000).unref();
