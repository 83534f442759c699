/** Where a Job's spec is: a Job's `spec`, or a CronJob's `spec.jobTemplate.spec` (validated alike). */
import type { FieldPath } from "../field-path.ts";
import { asObject, at, type PlainObject } from "./values.ts";

/** A Job spec and its path. */
export interface JobSpecAt {
  readonly spec: PlainObject;
  readonly path: FieldPath;
  /**
   * Whether it is a CronJob's job template. Its spec is not defaulted as a Job's is, nor are the alpha fields of 1.28
   * (backoffLimitPerIndex, maxFailedIndexes, podReplacementPolicy, FailIndex rules) dropped from it.
   */
  readonly cronJob: boolean;
}

/** The Job spec of a `batch` Job or CronJob. */
export function jobSpecOf(object: { readonly apiVersion: string; readonly kind: string; readonly object: unknown }): JobSpecAt | undefined {
  if (!object.apiVersion.startsWith("batch/")) return undefined;
  const path: FieldPath | undefined = object.kind === "Job" ? ["spec"] : object.kind === "CronJob" ? ["spec", "jobTemplate", "spec"] : undefined;
  if (path === undefined) return undefined;
  const spec = asObject(at(object.object, ...path));
  return spec === undefined ? undefined : { spec, path, cronJob: object.kind === "CronJob" };
}
