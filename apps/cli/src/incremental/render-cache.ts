import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { RECORD_FORMAT, type EnvironmentRecord } from "./environment-record.ts";

/**
 * Where `cloudlab synth` keeps its render records for an output folder: under `node_modules/.cache/cloudlab/`, the
 * usual home of tools' caches (removed by a fresh `npm ci`, never committed).
 */
export function renderCacheDir(cwd: string, outDir: string): string {
  const id = createHash("sha1").update(resolve(cwd, outDir)).digest("hex").slice(0, 16);
  return join(cwd, "node_modules", ".cache", "cloudlab", "synth", id);
}

function recordFile(cacheDir: string, environment: string): string {
  return join(cacheDir, `${environment}.json`);
}

/** Every folder holding the given files (`<env>/…` paths), and the environment's own. */
function directoriesOf(paths: readonly string[]): string[] {
  const directories = new Set<string>();
  for (const path of paths) {
    for (let slash = path.indexOf("/"); slash > 0; slash = path.indexOf("/", slash + 1)) directories.add(path.slice(0, slash));
  }
  return [...directories].sort();
}

function modified(path: string): number | undefined {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs;
}

/** A record file: the SHA-256 of its body on the first line, then the body (the record as JSON). */
export function sealed(body: string): string {
  return `${createHash("sha256").update(body).digest("hex")}\n${body}`;
}

/**
 * The body of a record file whose checksum matches, else undefined: a record cut short or garbled (a synth killed while
 * writing it, a disk error, an edit) is never trusted, even when what is left still parses.
 */
export function verifiedBody(text: string): string | undefined {
  const newline = text.indexOf("\n");
  if (newline !== 64) return undefined;
  const body = text.slice(newline + 1);
  return createHash("sha256").update(body).digest("hex") === text.slice(0, newline) ? body : undefined;
}

/**
 * The record of an environment's last synth into `outDir`, if it still describes the folder: every folder it lists
 * has the modification time it had after that write (adding, removing or renaming a file changes its folder's time),
 * and every file its size and modification time (an edit in place changes them). `synth --check` and
 * `synth --no-cache` never use records.
 */
export function loadTrustedRecord(cacheDir: string, outDir: string, environment: string): EnvironmentRecord | undefined {
  let record: EnvironmentRecord;
  try {
    const body = verifiedBody(readFileSync(recordFile(cacheDir, environment), "utf8"));
    if (body === undefined) return undefined;
    record = JSON.parse(body) as EnvironmentRecord;
  } catch {
    return undefined;
  }
  if (record.format !== RECORD_FORMAT || record.environment !== environment || Object.keys(record.directories ?? {}).length === 0) return undefined;
  if (Object.keys(record.stats ?? {}).length !== Object.keys(record.files).length) return undefined;
  for (const [directory, time] of Object.entries(record.directories)) {
    if (modified(join(outDir, directory)) !== time) return undefined;
  }
  for (const [file, [size, time]] of Object.entries(record.stats ?? {})) {
    const stats = statSync(join(outDir, file), { throwIfNoEntry: false });
    if (stats === undefined || stats.size !== size || stats.mtimeMs !== time) return undefined;
  }
  return record;
}

/**
 * Stores an environment's record after its files were written: atomically (a temporary file renamed into place) and
 * sealed with its checksum, so that a record cut short or garbled is never trusted.
 * `unchanged` are files the write left alone: their size and time are still those of `previous`, which was trusted.
 */
export function saveRecord(cacheDir: string, outDir: string, record: EnvironmentRecord, previous?: EnvironmentRecord, unchanged: ReadonlySet<string> = new Set()): void {
  const directories: Record<string, number> = {};
  for (const directory of directoriesOf(Object.keys(record.files))) {
    const time = modified(join(outDir, directory));
    if (time !== undefined) directories[directory] = time;
  }
  const stats: Record<string, [number, number]> = {};
  for (const file of Object.keys(record.files)) {
    const known = unchanged.has(file) ? previous?.stats[file] : undefined;
    if (known !== undefined) {
      stats[file] = [known[0], known[1]];
      continue;
    }
    const found = statSync(join(outDir, file), { throwIfNoEntry: false });
    if (found !== undefined) stats[file] = [found.size, found.mtimeMs];
  }
  mkdirSync(cacheDir, { recursive: true });
  const target = recordFile(cacheDir, record.environment);
  // Temporary files of this environment's record left by a synth killed while writing it (it held the lock we hold).
  for (const name of readdirSync(cacheDir)) if (name.startsWith(`${record.environment}.json.tmp-`)) rmSync(join(cacheDir, name), { force: true });
  const temp = `${target}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, sealed(JSON.stringify({ ...record, directories, stats })));
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Forgets an environment's record (its folder was removed, or a write failed midway). */
export function dropRecord(cacheDir: string, environment: string): void {
  rmSync(recordFile(cacheDir, environment), { force: true });
}
