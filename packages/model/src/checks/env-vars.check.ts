import { joinPath, type FieldProblem } from "../field-problem.ts";
import type { ServiceCheck } from "./service-check.ts";

const SOURCES = ["value", "secretKeyRef", "configMapKeyRef", "fieldPath"] as const;

export const envVars: ServiceCheck = {
  id: "service/env-vars",
  description: "Environment variable names are unique and each variable has exactly one source (value, secretKeyRef, configMapKeyRef or fieldPath).",
  check({ env = [] }) {
    const problems: FieldProblem[] = [];
    const names = new Map<string, number>();
    for (const [index, variable] of env.entries()) {
      const path = joinPath("env", index);
      const first = names.get(variable.name);
      if (first !== undefined) problems.push({ path: joinPath(path, "name"), message: `"${variable.name}" is already set by env[${first}]` });
      else names.set(variable.name, index);
      const set = SOURCES.filter((s) => variable[s] !== undefined);
      if (set.length !== 1) {
        problems.push({ path, message: `set exactly one of value, secretKeyRef, configMapKeyRef, fieldPath (found ${set.length === 0 ? "none" : set.join(", ")})` });
      }
    }
    return problems;
  },
};
