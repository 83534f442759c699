/** The versions of the cluster software objects must be served by, as minor versions (`"1.28"`). */
export interface TargetVersions {
  /** The Kubernetes minor version, e.g. `"1.28"`. */
  readonly kubernetes: string;
  /** The Istio minor version, e.g. `"1.20"`. */
  readonly istio: string;
}

/** Kubernetes 1.28 and Istio 1.20, the platform's defaults. */
export const DEFAULT_TARGET_VERSIONS: TargetVersions = { kubernetes: "1.28", istio: "1.20" };

const MINOR = /^(\d+)\.(\d+)$/;

/** Whether `version` is a minor version such as `1.28`. */
export function isMinorVersion(version: string): boolean {
  return MINOR.test(version);
}

/** Compares two minor versions numerically (`1.9` < `1.28`). */
export function compareMinor(a: string, b: string): number {
  const [, aMajor, aMinor] = MINOR.exec(a) ?? [];
  const [, bMajor, bMinor] = MINOR.exec(b) ?? [];
  return Number(aMajor) - Number(bMajor) || Number(aMinor) - Number(bMinor);
}
