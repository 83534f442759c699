import { joinPath, type FieldProblem } from "../field-problem.ts";
import type { ServiceCheck } from "./service-check.ts";

export const versions: ServiceCheck = {
  id: "service/versions",
  description:
    "Version names are unique; with weighted routing and several versions every version has a weight and the weights sum to 100; blue-green needs two versions and a `routing.live` that names one.",
  check({ versions: declared = [], routing }) {
    const problems: FieldProblem[] = [];
    const seen = new Map<string, number>();
    for (const [index, version] of declared.entries()) {
      const first = seen.get(version.name);
      if (first !== undefined) problems.push({ path: joinPath(joinPath("versions", index), "name"), message: `"${version.name}" is already used by versions[${first}]` });
      else seen.set(version.name, index);
    }
    const strategy = routing?.strategy ?? "weighted";
    if (strategy === "blue-green") {
      if (declared.length !== 2) problems.push({ path: "versions", message: `blue-green needs exactly two versions, found ${declared.length}` });
      if (routing?.live === undefined) problems.push({ path: "routing.live", message: "is required with strategy \"blue-green\"" });
      else if (!seen.has(routing.live)) problems.push({ path: "routing.live", message: `"${routing.live}" is not a declared version (declared: ${[...seen.keys()].join(", ") || "none"})` });
      for (const [index, version] of declared.entries()) {
        if (version.weight !== undefined) problems.push({ path: joinPath(joinPath("versions", index), "weight"), message: "is not used with strategy \"blue-green\": routing.live decides" });
      }
      return problems;
    }
    if (routing?.live !== undefined) problems.push({ path: "routing.live", message: "is only used with strategy \"blue-green\"" });
    if (declared.length < 2) return problems;
    const missing = declared.map((v, i) => (v.weight === undefined ? i : -1)).filter((i) => i >= 0);
    for (const index of missing) problems.push({ path: joinPath(joinPath("versions", index), "weight"), message: "is required when several versions share the traffic" });
    if (missing.length === 0) {
      const sum = declared.reduce((total, v) => total + (v.weight ?? 0), 0);
      if (sum !== 100) problems.push({ path: "versions", message: `weights sum to ${sum}, not 100 (${declared.map((v) => `${v.name} ${v.weight}`).join(", ")})` });
    }
    return problems;
  },
};
