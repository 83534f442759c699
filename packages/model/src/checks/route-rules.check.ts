import { joinPath, type FieldProblem } from "../field-problem.ts";
import type { StringMatchSpec } from "../spec/mesh-spec.ts";
import type { ServiceCheck } from "./service-check.ts";

const KINDS = ["exact", "prefix", "regex"] as const;

function matchProblem(match: StringMatchSpec, path: string): FieldProblem[] {
  const set = KINDS.filter((k) => match[k] !== undefined);
  if (set.length === 1) return [];
  return [{ path, message: `set exactly one of exact, prefix, regex (found ${set.length === 0 ? "none" : set.join(", ")})` }];
}

export const routeRules: ServiceCheck = {
  id: "service/route-rules",
  description:
    "A/B rules and mirroring name declared versions, rule names are unique, each rule has a condition, and each header condition sets exactly one of exact, prefix, regex.",
  check({ versions = [], routing }) {
    if (routing === undefined) return [];
    const names = versions.length === 0 ? ["v1"] : versions.map((v) => v.name);
    const unknown = (version: string) => `"${version}" is not a declared version (declared: ${names.join(", ")})`;
    const problems: FieldProblem[] = [];
    const seen = new Map<string, number>();
    for (const [index, rule] of (routing.matches ?? []).entries()) {
      const path = joinPath("routing.matches", index);
      const first = seen.get(rule.name);
      if (first !== undefined) problems.push({ path: joinPath(path, "name"), message: `"${rule.name}" is already used by routing.matches[${first}]` });
      else seen.set(rule.name, index);
      if (!names.includes(rule.version)) problems.push({ path: joinPath(path, "version"), message: unknown(rule.version) });
      const headers = Object.entries(rule.headers ?? {});
      if (headers.length === 0 && rule.cookie === undefined) problems.push({ path, message: "needs a condition: headers or cookie" });
      for (const [header, match] of headers) problems.push(...matchProblem(match, joinPath(joinPath(path, "headers"), header)));
    }
    if (routing.mirror !== undefined && !names.includes(routing.mirror.version)) {
      problems.push({ path: "routing.mirror.version", message: unknown(routing.mirror.version) });
    }
    return problems;
  },
};
