import { dirname, isAbsolute, relative, sep } from "node:path";
import { TEMPORARY_SUFFIX } from "./output-tree.ts";
import { UserError } from "./user-error.ts";

/** What each file-system error code that a user can fix means, worded for the one line that reports it. */
const CAUSES: Readonly<Record<string, string>> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is exhausted",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
};

/**
 * The folder a failed write was in, as the user knows it: relative to the working directory, with the staging folder
 * and temporary names of output-tree.ts mapped back to the folders they stand for.
 */
function displayFolder(cwd: string, path: string): string {
  const shown = relative(cwd, path).split(sep).join("/");
  const mapped = (shown.startsWith("..") || isAbsolute(shown) ? path : shown)
    .split("/")
    .map((part) => (part.endsWith(TEMPORARY_SUFFIX) ? part.slice(part.startsWith(".") ? 1 : 0, -TEMPORARY_SUFFIX.length) : part))
    .join("/");
  return dirname(mapped);
}

/**
 * The one-line error of a write that the file system refused for a reason the user can fix (a full disk, a read-only
 * or forbidden folder), or undefined for any other error (a bug, reported as one). `state` says what the failure left
 * in the output folder `out`.
 */
export function writeFailure(error: unknown, cwd: string, out: string, state: "unchanged" | "partial" | "written"): UserError | undefined {
  const failure = error as NodeJS.ErrnoException | undefined;
  const cause = failure?.code === undefined ? undefined : CAUSES[failure.code];
  if (cause === undefined) return undefined;
  const where = failure!.path === undefined ? `${out}/` : `${displayFolder(cwd, failure!.path)}/`;
  const outcome = {
    unchanged: `nothing in ${out}/ was changed`,
    partial: `${out}/ is partly updated (each file its old or its new version); run synth again once it can write`,
    written: `${out}/ was written in full`,
  }[state];
  return new UserError(`cannot write ${where}: ${cause} (${failure!.code}); ${outcome}`, 1);
}
