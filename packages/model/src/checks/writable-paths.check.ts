import { joinPath, type FieldProblem } from "../field-problem.ts";
import type { ServiceCheck } from "./service-check.ts";

export const writablePaths: ServiceCheck = {
  id: "service/writable-paths",
  description: "Writable paths are unique and do not repeat the storage mount path.",
  check({ security, storage }) {
    const problems: FieldProblem[] = [];
    const seen = new Map<string, number>();
    for (const [index, path] of (security?.writablePaths ?? []).entries()) {
      const field = joinPath("security.writablePaths", index);
      const first = seen.get(path);
      if (first !== undefined) problems.push({ path: field, message: `"${path}" is already listed at security.writablePaths[${first}]` });
      else seen.set(path, index);
      if (storage !== undefined && storage.mountPath === path) {
        problems.push({ path: field, message: `"${path}" is the storage mount path, which is already writable` });
      }
    }
    return problems;
  },
};
