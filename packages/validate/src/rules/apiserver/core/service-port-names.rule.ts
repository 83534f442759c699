import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { duplicate, invalid, isDns1123Label, required } from "../../../support/apiserver-validation.ts";
import { asArray, asObject } from "../../../support/values.ts";

/** A Service with several ports names every one of them; port names are DNS-1123 labels and unique. */
export const servicePortNames: ObjectRule = {
  id: "service-port-names",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Service port names are required when there are several ports, are DNS-1123 labels, and are unique.",
  upstreamMessage: 'spec.ports[1].name: Duplicate value: "http"',
  kinds: new Set(["Service"]),
  check(object) {
    if (object.kind !== "Service" || object.apiVersion !== "v1") return [];
    const ports = asArray(asObject(object.raw.spec)?.ports);
    const problems: RuleProblem[] = [];
    const seen = new Set<string>();
    ports.forEach((item, index) => {
      const name = asObject(item)?.name;
      const path = ["spec", "ports", index, "name"];
      if (name === undefined || name === "") {
        if (ports.length > 1) problems.push({ path, message: required() });
        return;
      }
      if (typeof name !== "string") return;
      for (const message of isDns1123Label(name)) problems.push({ path, message: invalid(name, message) });
      if (seen.has(name)) problems.push({ path, message: duplicate(name) });
      seen.add(name);
    });
    return problems;
  },
};
