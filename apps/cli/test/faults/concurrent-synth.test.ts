import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { synthCommand } from "../../src/commands/synth.ts";
import { isRunning, lockFile } from "../../src/output-lock.ts";
import { fakeIo, run, snapshotTree } from "../helpers.ts";
import { binWorkspace, runBin, startBin, temporaryPaths, writePlatform } from "./fault-fixtures.ts";

// Two synths on one output folder: the second waits for the first (a lock file per environment folder, beside the
// output, holding the holder's pid and start time), and a lock left by a killed synth is cleared, not waited for.

const A = { services: 8, team: "alpha", tag: "1.0.0" } as const;
const B = { services: 8, first: 3, team: "beta", tag: "2.0.0" } as const;
const synth = (platform: string, out = "environments") => ["synth", "--platform", platform, "--out", out];

/** The start time field of /proc/<pid>/stat (what a lock records). */
function startTimeOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]!;
}

/** A process id that no process has now (one that just ended). */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

describe("two synths on one output folder", () => {
  it("run at once with different platforms: both succeed, the output is exactly one platform's render, never a mix", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform-a", A);
    writePlatform(cwd, "platform-b", B);
    // The two references, each rendered alone.
    expect((await run(cwd, synth("platform-a", "ref-a"))).code).toBe(0);
    expect((await run(cwd, synth("platform-b", "ref-b"))).code).toBe(0);
    const refA = snapshotTree(join(cwd, "ref-a"));
    const refB = snapshotTree(join(cwd, "ref-b"));

    const [first, second] = await Promise.all([runBin(cwd, synth("platform-a")), runBin(cwd, synth("platform-b"))]);
    expect(first).toMatchObject({ code: 0 });
    expect(second).toMatchObject({ code: 0 });
    const tree = snapshotTree(join(cwd, "environments"));
    expect([refA, refB].some((ref) => JSON.stringify([...ref]) === JSON.stringify([...tree]))).toBe(true);
    expect(temporaryPaths(cwd)).toEqual([]);
    expect(readdirSync(cwd).filter((name) => name.endsWith(".cloudlab-lock"))).toEqual([]);
    // Whichever ran second rendered in full from the other's output, and the folder is its render.
    expect(await run(cwd, [...synth(tree.size === refA.size && JSON.stringify([...tree]) === JSON.stringify([...refA]) ? "platform-a" : "platform-b"), "--check"])).toMatchObject({ code: 0 });
  });

  it("waits while a running process holds an environment's lock, saying so once, and writes after it ends", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform-a", A);
    const out = join(cwd, "environments");
    // A live holder: a process that sleeps, recorded with its real start time.
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 120000)"]);
    const holder = { pid: sleeper.pid!, started: startTimeOf(sleeper.pid!) };
    writeFileSync(lockFile(out, "prod"), `${JSON.stringify({ pid: holder.pid, started: holder.started })}\n`);

    const { child, result } = startBin(cwd, synth("platform-a"));
    // Once the synth says it waits, the holder is killed without removing its lock (as a killed synth would be): the
    // waiter then finds the lock stale, clears it and writes.
    child.stderr!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("waiting")) sleeper.kill("SIGKILL");
    });
    const synthResult = await result;
    sleeper.kill("SIGKILL");
    expect(synthResult.stderr).toBe(
      `synth: waiting for another synth (pid ${holder.pid}) writing environments/prod/\n` +
        `synth: environments/prod/: cleared the lock of a synth that no longer runs (pid ${holder.pid}) and 0 temporary files it left\n`,
    );
    expect(synthResult.code).toBe(0);
    expect(existsSync(lockFile(out, "prod"))).toBe(false);
    expect(await run(cwd, [...synth("platform-a"), "--check"])).toMatchObject({ code: 0 });
  });

  it("gives up with one line after the wait (the lock of a live process is never broken)", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform-a", A);
    const out = join(cwd, "environments");
    mkdirSync(out);
    writeFileSync(lockFile(out, "dev"), `${JSON.stringify({ pid: process.pid, started: startTimeOf(process.pid) })}\n`);
    const io = fakeIo(cwd);
    await expect(synthCommand({ platform: "platform-a", out: "environments", environments: [], check: false, lockWaitMs: 300 }, io)).rejects.toThrow(
      `environments/dev/ is being written by another synth (pid ${process.pid}), still running after 0.3 s; stop it if it is stuck (its lock: .environments.dev.cloudlab-lock)`,
    );
    expect(io.err()).toBe(`synth: waiting for another synth (pid ${process.pid}) writing environments/dev/\n`);
    expect(existsSync(lockFile(out, "dev"))).toBe(true);
    expect(readdirSync(out)).toEqual([]);
  });

  it("clears a stale lock (its process is gone, or its pid was reused by another process) and what the killed synth left", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform-a", A);
    const out = join(cwd, "environments");
    expect((await run(cwd, synth("platform-a"))).code).toBe(0);
    const reference = snapshotTree(out);
    // What a synth killed mid-write leaves: its locks, temporary files, a staging folder.
    writeFileSync(lockFile(out, "dev"), `${JSON.stringify({ pid: deadPid() })}\n`);
    writeFileSync(lockFile(out, "prod"), `${JSON.stringify({ pid: process.pid, started: "1" })}\n`);
    writeFileSync(join(out, "dev/shop/svc-1/deployment-svc-1.yaml.cloudlab-tmp"), "half a fi");
    writeFileSync(join(out, "prod/shop/svc-2/service-svc-2.yaml.cloudlab-tmp"), "");
    mkdirSync(join(out, ".dev.cloudlab-tmp/shop"), { recursive: true });
    writeFileSync(join(out, ".dev.cloudlab-tmp/shop/x.yaml"), "x");
    expect(isRunning({ pid: process.pid, started: "1" })).toBe(false);
    expect(isRunning({ pid: process.pid, started: startTimeOf(process.pid) })).toBe(true);

    const result = await run(cwd, synth("platform-a"));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^synth: environments\/dev\/: cleared the lock of a synth that no longer runs \(pid \d+\) and 2 temporary files it left\nsynth: environments\/prod\/: cleared the lock of a synth that no longer runs \(pid \d+\) and 1 temporary file it left\n$/,
    );
    expect(snapshotTree(out)).toEqual(reference);
    expect(temporaryPaths(cwd)).toEqual([]);
    expect(readdirSync(cwd).filter((name) => name.endsWith(".cloudlab-lock"))).toEqual([]);
  });
});
