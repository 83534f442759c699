import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { asObject, asString, type PlainObject } from "../../../support/values.ts";

/** A data source reference's group, kind and name. */
interface Reference {
  readonly apiGroup: string | undefined;
  readonly kind: string;
  readonly name: string;
}

function referenceOf(value: PlainObject): Reference {
  return { apiGroup: asString(value.apiGroup), kind: asString(value.kind) ?? "", name: asString(value.name) ?? "" };
}

function checkReference(reference: Reference, path: FieldPath, problems: RuleProblem[]): void {
  if (reference.name === "") problems.push({ path: [...path, "name"], message: required() });
  if (reference.kind === "") problems.push({ path: [...path, "kind"], message: required() });
  if ((reference.apiGroup ?? "") === "" && reference.kind !== "PersistentVolumeClaim") problems.push({ path, message: `Invalid value: ${JSON.stringify(reference.kind)}` });
}

/**
 * A PersistentVolumeClaim's `dataSource` and `dataSourceRef` name a kind and an object, a PersistentVolumeClaim
 * when no API group is given, and agree when both are set. As the apiserver does (AnyVolumeDataSource is on), a
 * claim with only one of them gets the other copied from it first, so a problem shows on both.
 */
export const pvcDataSource: ObjectRule = {
  id: "pvc-data-source",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "PersistentVolumeClaim dataSource and dataSourceRef have a kind and a name, are PersistentVolumeClaims when no apiGroup is given, and match each other.",
  upstreamMessage: "spec.dataSource.name: Required value",
  kinds: new Set(["PersistentVolumeClaim"]),
  check(object) {
    if (object.kind !== "PersistentVolumeClaim" || object.apiVersion !== "v1") return [];
    const spec = asObject(object.object.spec);
    if (spec === undefined) return [];
    const written = asObject(spec.dataSource);
    const writtenRef = asObject(spec.dataSourceRef);
    // CrossNamespaceVolumeDataSource is off at 1.28: dataSourceRef.namespace is dropped.
    const dataSource = written ?? writtenRef;
    const dataSourceRef = writtenRef ?? written;
    if (dataSource === undefined || dataSourceRef === undefined) return [];
    const problems: RuleProblem[] = [];
    const source = referenceOf(dataSource);
    const ref = referenceOf(dataSourceRef);
    checkReference(source, ["spec", "dataSource"], problems);
    checkReference(ref, ["spec", "dataSourceRef"], problems);
    if (written !== undefined && writtenRef !== undefined && (source.apiGroup !== ref.apiGroup || source.kind !== ref.kind || source.name !== ref.name)) {
      problems.push({ path: ["spec"], message: invalid("spec.dataSource", "must match dataSourceRef") });
    }
    return problems;
  },
};
