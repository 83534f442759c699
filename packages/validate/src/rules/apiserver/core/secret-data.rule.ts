import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { base64Length, isConfigMapKey, utf8Length } from "../../../support/core-values.ts";
import { asObject } from "../../../support/values.ts";

/** `core.MaxSecretSize`: 1 MiB. */
const MAX_SIZE = 1024 * 1024;

/**
 * A Secret's keys are config keys and its values total at most 1 MiB. `stringData` is merged into `data` before
 * validation (its entries win), so its keys are reported at `data[key]`, as the apiserver does.
 */
export const secretData: ObjectRule = {
  id: "secret-data",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Secret data and stringData keys are valid config keys, and the values total at most 1 MiB.",
  upstreamMessage: "data[.ssh/id_rsa]: Invalid value: \".ssh/id_rsa\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (…)",
  kinds: new Set(["Secret"]),
  check(object) {
    if (object.kind !== "Secret" || object.apiVersion !== "v1") return [];
    const sizes = new Map<string, number>();
    for (const [name, value] of Object.entries(asObject(object.object.data) ?? {})) sizes.set(name, typeof value === "string" ? base64Length(value) : 0);
    for (const [name, value] of Object.entries(asObject(object.object.stringData) ?? {})) sizes.set(name, typeof value === "string" ? utf8Length(value) : 0);
    const problems: RuleProblem[] = [];
    let size = 0;
    for (const [name, bytes] of sizes) {
      for (const message of isConfigMapKey(name)) problems.push({ path: ["data", key(name)], message: invalid(name, message) });
      size += bytes;
    }
    if (size > MAX_SIZE) problems.push({ path: ["data"], message: `Too long: must have at most ${MAX_SIZE} bytes` });
    return problems;
  },
};
