/** Which Istio objects a webhook rule judges, and the shapes istiod's validation shares between kinds. */
import type { FieldPath } from "../../field-path.ts";
import type { ManifestObject } from "../../manifest-object.ts";
import type { RuleProblem } from "../../rule.ts";
import { asObject, type PlainObject } from "../values.ts";

/** The API groups istiod's validating webhook serves. */
export type IstioGroup = "networking.istio.io" | "security.istio.io" | "telemetry.istio.io";

/** The object's `spec` when it is a `kind` of `group` (any version), else `undefined`: the cheap first test of every webhook rule. */
export function istioSpec(object: ManifestObject, group: IstioGroup, kind: string): PlainObject | undefined {
  if (object.kind !== kind || !object.apiVersion.startsWith(`${group}/`)) return undefined;
  return asObject(object.object.spec) ?? {};
}

/** Collects problems: `add(path, message)` skips `undefined` messages, so validators returning `string | undefined` chain. */
export class Problems {
  readonly list: RuleProblem[] = [];

  public add(path: FieldPath, message: string | undefined): void {
    if (message !== undefined) this.list.push({ path, message });
  }

  public addAll(path: FieldPath, messages: readonly string[]): void {
    for (const message of messages) this.list.push({ path, message });
  }
}

/**
 * The environment's Istio version as `[major, minor]` compared with `[1, minor]`: whether it is at least 1.`minor`.
 * An unreadable version counts as the newest.
 */
export function istioAtLeast(version: string, minor: number): boolean {
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (match === null) return true;
  const major = Number(match[1]);
  return major > 1 || (major === 1 && Number(match[2]) >= minor);
}

/** A number as Go's `%v` prints a float64 (`1e-05`, `150`, `0.5`). */
export function goFloat(value: number): string {
  if (value !== 0 && Math.abs(value) < 1e-4) {
    const [mantissa, exponent = "0"] = value.toExponential().split("e");
    const sign = exponent.startsWith("-") ? "-" : "+";
    return `${mantissa}e${sign}${exponent.replace(/^[-+]/, "").padStart(2, "0")}`;
  }
  return String(value);
}

/** A string as Go's `%q` quotes it (for the printable ASCII Istio names hold, JSON quoting is the same). */
export function goQuote(value: string): string {
  return JSON.stringify(value);
}
