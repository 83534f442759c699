// Test-only preload (`node --import …/inject-fs-failure.mjs bin/cloudlab.js …`): makes the CLI's file layer fail the
// way a full disk or a forbidden folder does, for the fault tests on machines where no tmpfs can be mounted (and to
// place a failure in the middle of a write, which a real full disk does not do on cue). Tests run as root here, and
// chmod does not stop root: a read-only folder must be a read-only mount, or this.
//
//   CLOUDLAB_FAULT_CODE   ENOSPC, EROFS, EACCES, …: the error to raise
//   CLOUDLAB_FAULT_UNDER  an absolute folder: only writes to paths under it fail
//   CLOUDLAB_FAULT_AFTER  how many file writes under it succeed first (default 0); the failing one writes half its
//                         bytes first when the code is ENOSPC, as a real full disk does
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { resolve, sep } from "node:path";

const code = process.env.CLOUDLAB_FAULT_CODE;
const under = resolve(process.env.CLOUDLAB_FAULT_UNDER ?? "/nonexistent");
let writesLeft = Number(process.env.CLOUDLAB_FAULT_AFTER ?? "0");
const writeFileSync = fs.writeFileSync;

const inside = (path) => typeof path === "string" && (resolve(path) === under || resolve(path).startsWith(under + sep));
const failure = (syscall, path) => Object.assign(new Error(`${code}: injected failure, ${syscall} '${path}'`), { code, syscall, path });

function guard(name, syscall, isWrite) {
  for (const target of [fs, fs.promises]) {
    const original = target[name];
    if (typeof original !== "function") continue;
    const async = target === fs.promises;
    target[name] = function (path, data, ...rest) {
      if (!inside(path)) return original.call(this, path, data, ...rest);
      if (isWrite && writesLeft-- > 0) return original.call(this, path, data, ...rest);
      if (isWrite && code === "ENOSPC" && data !== undefined) {
        const half = typeof data === "string" ? data.slice(0, data.length / 2) : data.subarray(0, data.length / 2);
        writeFileSync(path, half);
      }
      if (async) return Promise.reject(failure(syscall, path));
      throw failure(syscall, path);
    };
  }
}

if (code !== undefined) {
  guard("writeFile", "open", true);
  guard("writeFileSync", "open", true);
  if (code !== "ENOSPC") {
    // A read-only or forbidden folder refuses every change, not only the data written.
    guard("mkdirSync", "mkdir", false);
    guard("mkdir", "mkdir", false);
    guard("renameSync", "rename", false);
    guard("rmSync", "unlink", false);
    guard("unlinkSync", "unlink", false);
    guard("rmdirSync", "rmdir", false);
    guard("openSync", "open", false);
  }
  syncBuiltinESMExports();
}
