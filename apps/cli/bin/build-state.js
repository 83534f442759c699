// The compiled CLI (apps/cli/dist/, built by scripts/build.mjs) and how the bin knows it is up to date: the build
// records the SHA-256 of the contents of every file it was built from (the workspace sources esbuild bundled, the JSON
// they import, package-lock.json for the external packages and ajv's code generator, the build scripts and this file);
// the bin runs dist/ only when every input still has the contents recorded. Contents decide, never modification times.
//
// Reading and hashing the ~600 inputs on every start cost 25–30 ms of a 150 ms budget, so the bin keeps a second record
// (STAT_RECORD, under node_modules/.cache/cloudlab/): for each input, the file-system data (device, inode, size,
// modification and change times) it had when its contents were last verified. An input whose stat data are exactly
// those is known not to have been written since (any write, rename over or `touch` moves the change time, which no
// program can set back), so its verified contents still hold; any other input is read and hashed again. An input whose
// times were not strictly older than the verification's start (the racy case: a second write in the same clock tick
// would leave every stat field unchanged) is not recorded, so it is read on every start until it is old enough. The
// build writes the first stat record itself, and no build record at all when an input changed while esbuild read it.
// See docs/performance.md, "Start-up", for the argument and the figures.
//
// A CommonJS module (bin/package.json), as the bin is; the build script and the tests import it as an ES module, through
// the named exports at the end.
"use strict";
const { pathToFileURL } = require("node:url");
const path = require("node:path");
// node:crypto is loaded only when an input must be hashed.
const fs = require("node:fs");

/** The repository root. */
const ROOT = `${path.resolve(__dirname, "../../..")}${path.sep}`;
/** The compiled CLI's folder. */
const DIST = pathToFileURL(path.resolve(__dirname, "../dist") + path.sep);
/** The build's record: `{ format, digest, inputs: { path: sha256 }, packages }`. */
const BUILD_RECORD = new URL("build.json", DIST);
/** The record's format; a record of another format is never trusted. */
const BUILD_FORMAT = 2;
/** Where the stat data of verified inputs are kept, relative to the root (a cache: deleting it costs one full check). */
const STAT_RECORD = "node_modules/.cache/cloudlab/build-state.json";

/** The SHA-256 of a file's contents (hex), or undefined when it cannot be read. */
function contentHash(file, read = fs.readFileSync) {
  let content;
  try {
    content = read(file);
  } catch {
    return undefined;
  }
  return require("node:crypto").createHash("sha256").update(content).digest("hex");
}

/** The build's digest: SHA-256 over each input's path and content hash, in the record's order. */
function buildDigest(hashes) {
  const hash = require("node:crypto").createHash("sha256");
  for (const [input, contentDigest] of Object.entries(hashes)) hash.update(input).update("\0").update(contentDigest).update("\0");
  return hash.digest("hex");
}

/** A file's stat data (times in nanoseconds), or undefined when it is not there. */
function fileStat(file) {
  const stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat === undefined ? undefined : { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs };
}

/** The stat data as recorded: equal strings mean the file has not been written, replaced or touched in between. */
function statKey(stat) {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/**
 * Whether stat data taken after `since` (the file system's clock when the verification started) may stand for the
 * contents read: only when the file's last change is strictly older. A file changed in the same tick as `since` could be
 * changed again in that tick, after it was read, without moving any field (same size, same times, same inode).
 */
function trustworthy(stat, since) {
  return stat.mtimeNs < since && stat.ctimeNs < since;
}

/**
 * The file system's clock now, in nanoseconds: the modification time of `file`, (re)written empty for the purpose
 * (its folder made if need be); undefined when it cannot be written.
 */
function fileSystemClock(file, stat = fileStat) {
  try {
    fs.mkdirSync(file.slice(0, file.lastIndexOf("/")), { recursive: true });
    fs.writeFileSync(file, "");
    return stat(file)?.mtimeNs;
  } catch {
    return undefined;
  }
}

/**
 * What the build records of its inputs once esbuild has read them: each one's content hash, and its stat data taken
 * after the hash. `changed` lists the inputs whose times are not older than `since` (the file system's clock when the
 * build started): esbuild may have bundled other bytes than those hashed, so the build must not vouch for them. An
 * input whose last change is older than `since` in data taken after both reads had the same bytes for both.
 * Undefined when an input is gone.
 */
function verifyInputs(inputs, since, root = ROOT) {
  const hashes = {};
  const stats = {};
  const changed = [];
  for (const input of inputs) {
    const hash = contentHash(`${root}/${input}`);
    const stat = fileStat(`${root}/${input}`);
    if (stat === undefined || hash === undefined) return undefined;
    hashes[input] = hash;
    stats[input] = statKey(stat);
    if (since === undefined || !trustworthy(stat, since)) changed.push(input);
  }
  return { hashes, stats, changed };
}

/** Writes the stat record of the build whose digest is `digest` (see statRecordWriter). */
function writeStatRecord(digest, stats, root = ROOT) {
  const writer = statRecordWriter(`${root}/${STAT_RECORD}`, fileStat);
  if (writer.begin() !== undefined) writer.commit({ format: BUILD_FORMAT, digest, stats });
}

/** The stat record for this build, or an empty one (another build's, another format's, none, unreadable). */
function readStatRecord(file, digest) {
  try {
    const record = JSON.parse(fs.readFileSync(file, "utf8"));
    if (record.format === BUILD_FORMAT && record.digest === digest && typeof record.stats === "object") return record.stats;
  } catch {
    // no record yet: every input is checked by its contents
  }
  return {};
}

/**
 * Writes the stat record through a file of its own renamed into place (another process may be reading or writing it;
 * node_modules may also be hard-linked between checkouts, so the record is never rewritten in place). `begin` makes that
 * file and returns the file system's clock at that moment; `commit` fills it and renames it. A failure (read-only tree,
 * no node_modules) only means the next start checks contents again.
 */
function statRecordWriter(file, stat) {
  const temporary = `${file}.${process.pid}.tmp`;
  return {
    begin() {
      return fileSystemClock(temporary, stat);
    },
    commit(record) {
      try {
        fs.writeFileSync(temporary, `${JSON.stringify(record)}\n`);
        fs.renameSync(temporary, file);
      } catch {
        this.abandon();
      }
    },
    abandon() {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // left for the next writer's rename to ignore
      }
    },
  };
}

function readBuildRecord(recordFile) {
  try {
    const record = JSON.parse(fs.readFileSync(recordFile, "utf8"));
    if (record.format === BUILD_FORMAT && typeof record.digest === "string" && typeof record.inputs === "object" && record.inputs !== null) return record;
  } catch {
    // no compiled CLI
  }
  return undefined;
}

/**
 * The build record when the compiled CLI is there and was built from exactly the files as they are now: every input has
 * the content hash recorded, either known by stat data verified earlier or read and hashed now. `options` replace the
 * stat record's place and the file system's stat and read (tests).
 */
function freshBuild(recordFile = BUILD_RECORD, root = ROOT, options = {}) {
  const { statRecord = `${root}/${STAT_RECORD}`, stat = fileStat, read = fs.readFileSync } = options;
  const record = readBuildRecord(recordFile);
  if (record === undefined) return undefined;
  const verified = readStatRecord(statRecord, record.digest);
  const stats = {};
  const unverified = [];
  for (const input of Object.keys(record.inputs)) {
    const now = stat(`${root}/${input}`);
    if (now === undefined) return undefined;
    const key = statKey(now);
    if (verified[input] === key) stats[input] = key;
    else unverified.push(input);
  }
  if (unverified.length === 0) return record;
  const writer = statRecordWriter(statRecord, stat);
  const since = writer.begin();
  for (const input of unverified) {
    // Stat before reading: the data recorded must be older than the contents verified.
    const before = stat(`${root}/${input}`);
    if (before === undefined || contentHash(`${root}/${input}`, read) !== record.inputs[input]) {
      writer.abandon();
      return undefined;
    }
    if (since !== undefined && trustworthy(before, since)) stats[input] = statKey(before);
  }
  if (since !== undefined) writer.commit({ format: BUILD_FORMAT, digest: record.digest, stats });
  return record;
}

module.exports = { BUILD_FORMAT, BUILD_RECORD, DIST, ROOT, STAT_RECORD, buildDigest, fileStat, fileSystemClock, freshBuild, trustworthy, verifyInputs, writeStatRecord };
