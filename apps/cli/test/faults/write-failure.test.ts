import { describe, expect, it } from "vitest";
import { writeFailure } from "../../src/write-failure.ts";

// The one line a refused write becomes: the cause a user can fix, its code, the folder as the user knows it (staging
// folders and temporary names mapped back), and what the failure left in the output folder.

const cwd = "/repo";
const error = (code: string, path?: string) => Object.assign(new Error(`${code}: failed`), { code, ...(path === undefined ? {} : { path }) });

describe("writeFailure", () => {
  it.each([
    ["ENOSPC", "/repo/environments/dev/shop/web/deployment-web.yaml.cloudlab-tmp", "unchanged", "cannot write environments/dev/shop/web/: the disk is full (ENOSPC); nothing in environments/ was changed"],
    ["EDQUOT", "/repo/environments/.prod.cloudlab-tmp/shop/web/service-web.yaml", "unchanged", "cannot write environments/prod/shop/web/: the disk quota is exhausted (EDQUOT); nothing in environments/ was changed"],
    ["EROFS", "/repo/.environments.dev.cloudlab-lock", "unchanged", "cannot write ./: the file system is read-only (EROFS); nothing in environments/ was changed"],
    ["EACCES", "/repo/environments/dev/shop/new", "partial", "cannot write environments/dev/shop/: permission denied (EACCES); environments/ is partly updated (each file its old or its new version); run synth again once it can write"],
    ["EPERM", "/elsewhere/out/dev/x.yaml", "written", "cannot write /elsewhere/out/dev/: operation not permitted (EPERM); environments/ was written in full"],
    ["ENOSPC", undefined, "unchanged", "cannot write environments/: the disk is full (ENOSPC); nothing in environments/ was changed"],
  ] as const)("%s at %s (%s)", (code, path, state, message) => {
    const failure = writeFailure(error(code, path), cwd, "environments", state);
    expect(failure?.message).toBe(message);
    expect(failure?.exitCode).toBe(1);
  });

  it("is undefined for any other error (a bug, reported as one)", () => {
    expect(writeFailure(error("EISDIR", "/repo/environments/dev"), cwd, "environments", "unchanged")).toBeUndefined();
    expect(writeFailure(new TypeError("x is undefined"), cwd, "environments", "unchanged")).toBeUndefined();
    expect(writeFailure(undefined, cwd, "environments", "unchanged")).toBeUndefined();
  });
});
