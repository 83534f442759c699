import type { FieldProblem } from "./field-problem.ts";

/** What kind of spec a problem was found in. */
export type SpecKind = "service" | "tenant" | "environment";

/** A problem in a spec, attributed to the file that declares it and, when it depends on one, an environment. */
export interface SpecError extends FieldProblem {
  /** The file that declares the offending value, relative to the working directory. */
  readonly file: string;
  /** The kind of spec. */
  readonly kind: SpecKind;
  /** The spec's name (a service, tenant or environment name). */
  readonly subject: string;
  /** The environment in which the value is wrong; absent when it is wrong everywhere. */
  readonly environment?: string;
}

/**
 * The one-line form of a spec error, e.g.
 * `apps/platform/services/checkout.ts: checkout (prod-us-west-2): resources.limits.cpu: "500mm" is not a quantity`.
 */
export function formatSpecError(error: SpecError): string {
  const where = error.environment === undefined ? error.subject : `${error.subject} (${error.environment})`;
  const field = error.path === "" ? "" : `${error.path}: `;
  return `${error.file}: ${where}: ${field}${error.message}`;
}

/** Sorts errors by file, subject, environment and path, so reports read the same on every run. */
export function sortSpecErrors(errors: readonly SpecError[]): SpecError[] {
  const key = (e: SpecError) => [e.file, e.subject, e.environment ?? "", e.path, e.message];
  return [...errors].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const c = compareStrings(ka[i]!, kb[i]!);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
