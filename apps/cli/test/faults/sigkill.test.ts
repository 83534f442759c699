import { watch } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listDirectories, run, snapshotTree } from "../helpers.ts";
import { binWorkspace, startBin, temporaryPaths, writePlatform, type BinResult } from "./fault-fixtures.ts";

// SIGKILL at many points of a synth that rewrites many files. Two platforms whose every service file differs (team
// label, image tag; B also drops four services and adds four), so each synth rewrites ~all of ~750 files, and each
// killed synth starts from what the previous kill left. After each kill: every file under the output is A's version
// or B's (never torn, never a third content), and every other file is a recognisable temporary one. The next synth
// clears the killed one's lock and temporary files and converges (synth --check clean).

const A = { services: 32, team: "alpha", tag: "1.0.0" } as const;
const B = { services: 32, first: 4, team: "beta", tag: "2.0.0" } as const;
const synth = (platform: string, out = "environments") => ["synth", "--platform", platform, "--out", out];

/** Kill points: the first ones over the run before any write, the rest spread over the writes, their renames
 * and what follows (from the first change seen in the output). */
const KILLS_BEFORE_WRITING = [0.35, 0.75];
const KILLS_WHILE_WRITING = [0, 0.3, 0.5, 0.65, 0.8];

/**
 * Starts a synth and SIGKILLs it `delayMs` after `from`: "start" (the child's start) or "writes" (the first change
 * under the output folder). Resolves with the result and how long the writes had been going (undefined: none seen).
 */
async function synthKilled(cwd: string, args: readonly string[], from: "start" | "writes", delayMs: number): Promise<{ result: BinResult; writingMs?: number }> {
  const out = join(cwd, "environments");
  const { child, result } = startBin(cwd, args);
  let writesStarted: number | undefined;
  const kill = () => setTimeout(() => child.kill("SIGKILL"), delayMs);
  if (from === "start") kill();
  // One native watcher per folder of the output (Node's recursive watch on Linux reports late under load).
  const seen = () => {
    if (writesStarted !== undefined) return;
    writesStarted = Date.now();
    if (from === "writes") kill();
  };
  const watchers = [out, ...listDirectories(out).map((dir) => join(out, dir))].map((dir) => watch(dir, seen));
  const ended = await result;
  for (const watcher of watchers) watcher.close();
  return { result: ended, ...(writesStarted === undefined ? {} : { writingMs: Date.now() - writesStarted }) };
}

describe("SIGKILL during synth", () => {
  it("leaves every file old or new, only recognisable temporary files, and the next synth converges", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform-a", A);
    writePlatform(cwd, "platform-b", B);
    const out = join(cwd, "environments");
    expect((await run(cwd, synth("platform-a"))).code).toBe(0);
    const refA = snapshotTree(out);
    // One uninterrupted synth of B from A, timed: how long it runs, how long its writes last.
    const timed = await synthKilled(cwd, synth("platform-b"), "start", 3_600_000);
    expect(timed.result.code).toBe(0);
    const refB = snapshotTree(out);
    expect(refB.size).toBeGreaterThan(700);
    const unchanged = [...refB].filter(([path, bytes]) => refA.get(path)?.equals(bytes)).length;
    // What does not depend on the services stays (add-on Applications, cluster namespaces, issuer, secret store, the
    // tenant's objects: 87 of 731 files since the External Secrets, cert-manager and Argo Rollouts add-ons, ~12%).
    expect(unchanged / refB.size).toBeLessThan(0.15);
    const runMs = timed.result.ms;
    const writingMs = timed.writingMs!;

    const plan = [
      ...KILLS_BEFORE_WRITING.map((f) => ({ from: "start" as const, delayMs: Math.round(f * (runMs - writingMs)) })),
      ...KILLS_WHILE_WRITING.map((f) => ({ from: "writes" as const, delayMs: Math.round(f * writingMs) })),
    ];
    const report: string[] = [];
    let interruptedWrites = 0;
    // Each synth rewrites the tree towards the platform it holds fewer files of (the state left by the last kill).
    let target = "platform-a";
    for (const [i, { from, delayMs }] of plan.entries()) {
      const { result } = await synthKilled(cwd, synth(target), from, delayMs);
      const tree = snapshotTree(out);
      const temporary = [...tree.keys()].filter((path) => path.includes(".cloudlab-tmp"));
      const torn = [...tree].filter(([path, bytes]) => !path.includes(".cloudlab-tmp") && !refA.get(path)?.equals(bytes) && !refB.get(path)?.equals(bytes));
      const fromA = [...tree].filter(([path, bytes]) => refA.get(path)?.equals(bytes) && !refB.get(path)?.equals(bytes)).length;
      const fromB = [...tree].filter(([path, bytes]) => refB.get(path)?.equals(bytes) && !refA.get(path)?.equals(bytes)).length;
      report.push(`kill ${i} (${target}, ${delayMs} ms after ${from}): ${result.signal ?? `exit ${result.code}`}; ${fromA} files of A, ${fromB} of B, ${temporary.length} temporary`);
      expect(torn.map(([path]) => path)).toEqual([]);
      if (result.signal === "SIGKILL" && (temporary.length > 0 || (fromA > 0 && fromB > 0))) interruptedWrites++;
      target = fromA > fromB ? "platform-b" : "platform-a";
    }
    console.log(`SIGKILL points (run ${runMs} ms, writes ${writingMs} ms):\n${report.join("\n")}`);
    // The kills aimed at the writes did land in them (else this test proves nothing about a write cut short).
    expect(interruptedWrites).toBeGreaterThan(0);

    // The next synth clears the killed one's lock and leftovers, writes B in full, and converges.
    const final = await run(cwd, synth("platform-b"));
    expect(final.code).toBe(0);
    expect(temporaryPaths(cwd)).toEqual([]);
    expect(snapshotTree(out)).toEqual(refB);
    expect(await run(cwd, [...synth("platform-b"), "--check"])).toMatchObject({ code: 0, stderr: "" });
    // Eight child processes: ~30 s on an idle 2-core machine (5.5 minutes at a load average of 22); the bound leaves
    // room for a heavily loaded one.
  }, 600_000);
});
