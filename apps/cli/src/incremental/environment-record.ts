import type { RenderedObject } from "@cloudlab/render";
import type { Finding } from "@cloudlab/validate";

/** What an incremental synth remembers of one render unit (a service's objects, or the environment's own). */
export interface UnitRecord {
  /** The unit's cache key (see `renderUnitKeys`). */
  readonly key: string;
  /** Its object files, sorted by path. */
  readonly objects: readonly RenderedObject[];
  /** What the cross-object analyses can see of its objects (see `relationsDigest`). */
  readonly relations: string;
  /** The gate's per-object findings (every severity) in its files. */
  readonly findings: readonly Finding[];
  /** The Kubernetes objects among its files, as the gate counts them (tool configuration is not one). */
  readonly resources: number;
}

/**
 * What an incremental synth remembers of one environment's last render and write: enough to rebuild only the units
 * whose inputs changed and to write only the files whose bytes changed, without reading the output folder.
 */
export interface EnvironmentRecord {
  /** Bumped when the record's shape changes; another value is ignored. */
  readonly format: 1;
  /** The generator that rendered it (see `generatorFingerprint`): another generator's record is ignored. */
  readonly fingerprint: string;
  readonly environment: string;
  /** Digest of every unit's `relations`: equal means the cross-object analyses find the same. */
  readonly relations: string;
  readonly units: Readonly<Record<string, UnitRecord>>;
  /** The gate's cross-object findings (its `group` rules) over the whole environment. */
  readonly groupFindings: readonly Finding[];
  /** SHA-1 of every file written, kustomizations included, by path (`<env>/…`). */
  readonly files: Readonly<Record<string, string>>;
  /**
   * Modification time of every folder of the environment's output after the write, by path (`<env>`, `<env>/…`):
   * a folder whose files were added, removed or renamed since makes the record untrusted.
   */
  readonly directories: Readonly<Record<string, number>>;
  /**
   * Size and modification time of every file after the write, by path: a file edited since (by hand, by a merge)
   * makes the record untrusted.
   */
  readonly stats: Readonly<Record<string, readonly [size: number, modified: number]>>;
}

/** The record's current format. */
export const RECORD_FORMAT = 1;
