import { key } from "../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../rule.ts";
import { invalid, notSupported, required } from "../../support/apiserver-validation.ts";
import { asObject } from "../../support/values.ts";

/** The Pod Security Standards' levels, from the most to the least permissive. */
const LEVELS = ["privileged", "baseline", "restricted"] as const;
/** The modes of Pod Security admission, each a label with its level and a label with the version of its checks. */
const MODES = ["enforce", "audit", "warn"] as const;
const PREFIX = "pod-security.kubernetes.io/";

/**
 * Every Namespace states the Pod Security level Pod Security admission enforces in it (`pod-security.kubernetes.io/
 * enforce`): without the label a namespace gets the cluster's default, usually `privileged`, unreviewed. A level label
 * (enforce, audit or warn) names one of the three levels (the apiserver refuses any other), and its version label pins
 * the checks to a Kubernetes minor (`v1.28`): `latest` or no version changes what a namespace admits with every
 * Kubernetes upgrade, unreviewed.
 */
export const namespacePodSecurity: ObjectRule = {
  id: "namespace-pod-security",
  category: "policy",
  scope: "object",
  severity: "error",
  description: "A Namespace sets its Pod Security level (`pod-security.kubernetes.io/enforce`) to a known level, each level label pinned to a Kubernetes minor version.",
  upstreamMessage: 'metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted',
  kinds: new Set(["Namespace"]),
  check(object) {
    if (object.kind !== "Namespace" || object.apiVersion !== "v1") return [];
    const labels = asObject(asObject(object.raw.metadata)?.labels) ?? {};
    const problems: RuleProblem[] = [];
    if (labels[`${PREFIX}enforce`] === undefined) {
      problems.push({ path: ["metadata", "labels"], message: required(`label "${PREFIX}enforce" must state the namespace's Pod Security level (${LEVELS.join(", ")})`) });
    }
    for (const mode of MODES) {
      const level = labels[`${PREFIX}${mode}`];
      if (level === undefined) continue;
      if (!(LEVELS as readonly unknown[]).includes(level)) problems.push({ path: ["metadata", "labels", key(`${PREFIX}${mode}`)], message: notSupported(level, LEVELS) });
      const versionKey = `${PREFIX}${mode}-version`;
      const version = labels[versionKey];
      if (version === undefined) {
        problems.push({ path: ["metadata", "labels"], message: required(`label "${versionKey}" must pin the ${mode} level's checks to a Kubernetes minor version, e.g. "v1.28"`) });
      } else if (typeof version !== "string" || !/^v1\.(0|[1-9][0-9]*)$/.test(version)) {
        const detail = version === "latest" ? "pin a Kubernetes minor version, e.g. \"v1.28\": with \"latest\" every upgrade changes what the namespace admits" : 'must be a Kubernetes minor version, e.g. "v1.28"';
        problems.push({ path: ["metadata", "labels", key(versionKey)], message: invalid(version, detail) });
      }
    }
    return problems;
  },
};
