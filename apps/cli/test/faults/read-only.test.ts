import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, snapshotTree } from "../helpers.ts";
import { binWorkspace, canMountTmpfs, INJECT_FS_FAILURE, mountTmpfs, runBin, temporaryPaths, writePlatform } from "./fault-fixtures.ts";

// An output folder synth may not write: one line saying why and where, exit 1, no stack trace, the output as it was.
// These tests run as root, and chmod does not stop root: a forbidden folder is simulated at the file layer (EACCES
// from every change under it, see inject-fs-failure.mjs), and a read-only one is a real tmpfs remounted read-only
// where mounting is allowed.

const A = { services: 6, team: "alpha", tag: "1.0.0" } as const;
const B = { services: 6, team: "beta", tag: "2.0.0" } as const;
const synth = (platform: string, out = "environments") => ["synth", "--platform", platform, "--out", out];

describe("an output folder synth may not write", () => {
  it("permission denied (EACCES on every change under environments/): exit 1, one line naming the folder, output untouched", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform-a", A);
    writePlatform(cwd, "platform-b", B);
    const out = join(cwd, "environments");
    expect((await run(cwd, synth("platform-a"))).code).toBe(0);
    const before = snapshotTree(out);

    const failed = await runBin(cwd, synth("platform-b"), { preload: INJECT_FS_FAILURE, env: { CLOUDLAB_FAULT_CODE: "EACCES", CLOUDLAB_FAULT_UNDER: out } });
    expect(failed.stderr).toMatch(/^cloudlab: cannot write environments\/(dev|prod)\/[^ ]*\/: permission denied \(EACCES\); nothing in environments\/ was changed\n$/);
    expect(failed.code).toBe(1);
    expect(snapshotTree(out)).toEqual(before);
    expect(temporaryPaths(cwd)).toEqual([]);
  });

  it.skipIf(!canMountTmpfs())("a real read-only file system (a tmpfs remounted ro): exit 1, one line naming the folder, output untouched", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform-a", A);
    writePlatform(cwd, "platform-b", B);
    const disk = mountTmpfs("4m");
    try {
      const out = join(disk.dir, "environments");
      expect((await run(cwd, synth("platform-a", out))).code).toBe(0);
      const before = snapshotTree(out);
      disk.remount("ro");
      const failed = await runBin(cwd, synth("platform-b", out));
      // The first write refused is the lock beside the output folder, in the read-only file system's root.
      expect(failed.stderr).toBe(`cloudlab: cannot write ${disk.dir}/: the file system is read-only (EROFS); nothing in ${out}/ was changed\n`);
      expect(failed.code).toBe(1);
      expect(snapshotTree(out)).toEqual(before);
      expect(temporaryPaths(disk.dir)).toEqual([]);
    } finally {
      disk.unmount();
    }
  });
});
