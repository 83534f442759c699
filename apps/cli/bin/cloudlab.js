#!/usr/bin/env node
// The `cloudlab` command. Platform definitions are TypeScript, so the CLI runs its sources through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
