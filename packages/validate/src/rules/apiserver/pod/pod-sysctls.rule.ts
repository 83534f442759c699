import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { duplicate, invalid, required } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

const SEGMENT = "[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
const SYSCTL_PATTERN = `^(${SEGMENT}[\\./])*${SEGMENT}$`;
const SYSCTL = new RegExp(SYSCTL_PATTERN);
const MAX_LENGTH = 253;

/**
 * validateSysctls: every sysctl has a name of at most 253 characters of dot- or slash-separated segments, and no name
 * repeats.
 */
export const podSysctls: ObjectRule = {
  id: "pod-sysctls",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Pod sysctl names are present, valid sysctl names (dot- or slash-separated, 253 characters at most) and unique.",
  upstreamMessage: 'spec.template.spec.securityContext.sysctls[1].name: Duplicate value: "net.core.somaxconn"',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    const seen = new Set<string>();
    asArray(at(pod.spec, "securityContext", "sysctls")).forEach((item, index) => {
      const name = asObject(item)?.name;
      const path = [...pod.path, "securityContext", "sysctls", index, "name"];
      if (name === undefined || name === null || name === "") problems.push({ path, message: required() });
      else if (typeof name !== "string") return;
      else if (name.length > MAX_LENGTH || !SYSCTL.test(name)) {
        problems.push({ path, message: invalid(name, `must have at most ${MAX_LENGTH} characters and match regex ${SYSCTL_PATTERN}`) });
      } else if (seen.has(name)) problems.push({ path, message: duplicate(name) });
      if (typeof name === "string") seen.add(name);
    });
    return problems;
  },
};
