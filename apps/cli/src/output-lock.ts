import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Who holds a lock: the process id and, where the system tells it (Linux's `/proc`), the process's start time, so that
 * a lock left by a killed synth whose process id was reused since is still seen as stale.
 */
export interface LockHolder {
  readonly pid: number;
  readonly started?: string;
}

/** The suffix of a lock file (next to the output folder: `.environments.dev.cloudlab-lock`). */
export const LOCK_SUFFIX = ".cloudlab-lock";

/**
 * The lock file of one environment folder of the output folder `outDir`: beside the output folder, not in it (the
 * output holds rendered files only). Per environment, so that `synth --env a` and `synth --env b` (the Nx targets of
 * `npm run synth:environments`, two at a time) still run side by side.
 */
export function lockFile(outDir: string, environment: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.${environment}${LOCK_SUFFIX}`);
}

/** The start time of a process (field 22 of `/proc/<pid>/stat`, in clock ticks since boot), where the system has it. */
function startTime(pid: number | "self"): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count the fields after its closing one.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** Whether the process that wrote a lock still runs (the same process: same id and, where known, start time). */
export function isRunning(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: a process of another user has that id; it runs.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (holder.started === undefined) return true;
  const now = startTime(holder.pid);
  return now === undefined || now === holder.started;
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    return typeof parsed.pid === "number" ? { pid: parsed.pid, ...(typeof parsed.started === "string" ? { started: parsed.started } : {}) } : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the lock file if there is none; false when another process holds it. */
function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } catch (error) {
    // A full disk: no lock is left behind without its holder.
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
  return true;
}

/**
 * A lock file whose content cannot be read was being created when its process was killed (between the create and the
 * write of its content), or is being created right now: it is stale once older than this.
 */
const UNREADABLE_LOCK_GRACE_MS = 5_000;

/**
 * Removes a stale lock: renamed aside first, so that of two processes finding the same stale lock only one removes it,
 * and a lock another process created in between is put back.
 */
function breakLock(path: string, stale: string): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  let content: string | undefined;
  try {
    content = readFileSync(aside, "utf8");
  } catch {
    content = undefined;
  }
  if (content !== stale) {
    // Someone else's fresh lock: restore it unless yet another process took the name meanwhile.
    if (tryCreate(path, readHolder(aside) ?? { pid: process.pid })) {
      rmSync(aside, { force: true });
      return;
    }
  }
  rmSync(aside, { force: true });
}

/** What {@link acquireOutputLocks} reports while it waits, and when it breaks a stale lock. */
export interface LockEvents {
  /** Another synth (still running) holds the lock of `environment`: waiting for it. Called once per holder. */
  readonly waiting: (environment: string, holder: LockHolder) => void;
  /** The lock of `environment` was left by a synth that no longer runs (killed): removed. */
  readonly stale: (environment: string, holder: LockHolder | undefined) => void;
}

/** Options of {@link acquireOutputLocks}. */
export interface LockOptions {
  /**
   * How long to wait for another synth holding a lock before giving up.
   * @default 600_000 (10 minutes)
   */
  readonly waitMs?: number;
  /**
   * How often to look again at a held lock.
   * @default 100
   */
  readonly pollMs?: number;
}

/** Another synth still held a lock after the wait. */
export class LockTimeoutError extends Error {
  public constructor(
    public readonly environment: string,
    public readonly holder: LockHolder,
    public readonly path: string,
  ) {
    super(`lock ${path} held by pid ${holder.pid}`);
    this.name = "LockTimeoutError";
  }
}

/**
 * Takes the locks of the given environment folders of `outDir`, in sorted order (two synths wanting overlapping sets
 * cannot deadlock), waiting while a running synth holds one and breaking one left by a synth that was killed.
 * Returns the function that releases them all (idempotent). A lock is a file created with `O_EXCL` holding the
 * holder's process id and start time.
 */
export async function acquireOutputLocks(outDir: string, environments: readonly string[], events: LockEvents, options: LockOptions = {}): Promise<() => void> {
  const holder: LockHolder = { pid: process.pid, ...(startTime("self") === undefined ? {} : { started: startTime("self")! }) };
  const waitMs = options.waitMs ?? 600_000;
  const pollMs = options.pollMs ?? 100;
  const held: string[] = [];
  const release = () => {
    for (const path of held.splice(0).reverse()) rmSync(path, { force: true });
  };
  try {
    mkdirSync(dirname(outDir), { recursive: true });
    for (const environment of [...new Set(environments)].sort()) {
      const path = lockFile(outDir, environment);
      const deadline = Date.now() + waitMs;
      let announced: number | undefined;
      while (!tryCreate(path, holder)) {
        let content: string;
        try {
          content = readFileSync(path, "utf8");
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ENOENT") continue; // released meanwhile: try again at once
          throw error;
        }
        const other = readHolder(path);
        const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
        if (other === undefined ? age > UNREADABLE_LOCK_GRACE_MS : !isRunning(other)) {
          events.stale(environment, other);
          breakLock(path, content);
          continue;
        }
        if (other !== undefined && announced !== other.pid) {
          events.waiting(environment, other);
          announced = other.pid;
        }
        if (Date.now() >= deadline) throw new LockTimeoutError(environment, other ?? { pid: 0 }, path);
        await sleep(pollMs);
      }
      held.push(path);
    }
  } catch (error) {
    release();
    throw error;
  }
  return release;
}
