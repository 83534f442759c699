import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { base64Length, isConfigMapKey, utf8Length } from "../../../support/core-values.ts";
import { asObject } from "../../../support/values.ts";

/** `core.MaxSecretSize`, the limit of a ConfigMap's (and a Secret's) data: 1 MiB. */
const MAX_SIZE = 1024 * 1024;

/**
 * A ConfigMap's `data` and `binaryData` keys are config keys (alphanumerics, '-', '_' and '.', not `.` or `..`),
 * no key is in both, and the values total at most 1 MiB.
 */
export const configmapData: ObjectRule = {
  id: "configmap-data",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "ConfigMap data and binaryData keys are valid config keys, appear in only one of the two, and the values total at most 1 MiB.",
  upstreamMessage: "data[app/config.yaml]: Invalid value: \"app/config.yaml\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (…)",
  kinds: new Set(["ConfigMap"]),
  check(object) {
    if (object.kind !== "ConfigMap" || object.apiVersion !== "v1") return [];
    const data = asObject(object.object.data) ?? {};
    const binaryData = asObject(object.object.binaryData) ?? {};
    const problems: RuleProblem[] = [];
    let size = 0;
    for (const [name, value] of Object.entries(data)) {
      for (const message of isConfigMapKey(name)) problems.push({ path: ["data", key(name)], message: invalid(name, message) });
      if (Object.hasOwn(binaryData, name)) problems.push({ path: ["data", key(name)], message: invalid(name, "duplicate of key present in binaryData") });
      if (typeof value === "string") size += utf8Length(value);
    }
    for (const [name, value] of Object.entries(binaryData)) {
      for (const message of isConfigMapKey(name)) problems.push({ path: ["binaryData", key(name)], message: invalid(name, message) });
      if (typeof value === "string") size += base64Length(value);
    }
    if (size > MAX_SIZE) problems.push({ path: [], message: `Too long: must have at most ${MAX_SIZE} bytes` });
    return problems;
  },
};
