import { join } from "node:path";
import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run, snapshotTree } from "../helpers.ts";
import { binWorkspace, canMountTmpfs, fillDisk, INJECT_FS_FAILURE, mountTmpfs, runBin, temporaryPaths, writePlatform } from "./fault-fixtures.ts";

// A full disk while synth writes: one line saying so and where, exit 1, no stack trace, the previous output as it was,
// no temporary file left, and the next synth (with space again) converges.

const A = { services: 20, team: "alpha", tag: "1.0.0" } as const;
const B = { services: 20, first: 5, team: "beta", tag: "2.0.0" } as const;
const synth = (platform: string, out = "environments") => ["synth", "--platform", platform, "--out", out];

/** The one line of a write refused for `cause` (its code in parentheses) in a folder of `out`. */
function refusal(out: string, cause: string, code: string): RegExp {
  const folder = `${out.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}/(dev|prod)(/[^ ]*)?/`;
  return new RegExp(`^cloudlab: cannot write ${folder}: ${cause} \\(${code}\\); nothing in ${out.replace(/\//g, "\\/")}/ was changed\\n$`);
}

describe("a full disk", () => {
  it("ENOSPC injected at the file layer halfway through the writes (half a file written): exit 1, one line, output untouched", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform-a", A);
    writePlatform(cwd, "platform-b", B);
    const out = join(cwd, "environments");
    expect((await run(cwd, synth("platform-a"))).code).toBe(0);
    const before = snapshotTree(out);

    const failed = await runBin(cwd, synth("platform-b"), {
      preload: INJECT_FS_FAILURE,
      env: { CLOUDLAB_FAULT_CODE: "ENOSPC", CLOUDLAB_FAULT_UNDER: out, CLOUDLAB_FAULT_AFTER: "60" },
    });
    expect(failed.stderr).toMatch(refusal("environments", "the disk is full", "ENOSPC"));
    expect(failed.code).toBe(1);
    expect(snapshotTree(out)).toEqual(before);
    expect(temporaryPaths(cwd)).toEqual([]);

    // Space again: the next synth writes B in full (its records were dropped before the failed write), and converges.
    expect((await run(cwd, synth("platform-b"))).code).toBe(0);
    expect(await run(cwd, [...synth("platform-b"), "--check"])).toMatchObject({ code: 0, stderr: "" });
  });

  it.skipIf(!canMountTmpfs())("a real full tmpfs (mounted for the test): exit 1, one line, output untouched, then converges once space is freed", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform-a", A);
    writePlatform(cwd, "platform-b", B);
    const disk = mountTmpfs("8m");
    try {
      const out = join(disk.dir, "environments");
      expect((await run(cwd, synth("platform-a", out))).code).toBe(0);
      const before = snapshotTree(out);
      // Fill the disk, then free 256 KiB: the lock and a few dozen files fit, the whole rewrite does not.
      fillDisk(join(disk.dir, "filler"));
      for (let i = 0; i < 4; i++) rmSync(join(disk.dir, "filler", `filler-${i}`));

      const failed = await runBin(cwd, synth("platform-b", out));
      expect(failed.stderr).toMatch(refusal(out, "the disk is full", "ENOSPC"));
      expect(failed.code).toBe(1);
      expect(snapshotTree(out)).toEqual(before);
      expect(temporaryPaths(disk.dir)).toEqual([]);

      rmSync(join(disk.dir, "filler"), { recursive: true });
      expect((await run(cwd, synth("platform-b", out))).code).toBe(0);
      expect(await run(cwd, [...synth("platform-b", out), "--check"])).toMatchObject({ code: 0, stderr: "" });
    } finally {
      disk.unmount();
    }
  });
});
