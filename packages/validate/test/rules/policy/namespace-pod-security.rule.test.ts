import { namespacePodSecurity } from "../../../src/rules/policy/namespace-pod-security.rule.ts";
import { ruleTable } from "../rule-table.ts";

const namespace = (labels?: Record<string, string>) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", ...(labels === undefined ? {} : { labels }) } });
const pinned = (level: string, version = "v1.28", modes = ["enforce", "audit", "warn"]) =>
  Object.fromEntries(modes.flatMap((mode) => [[`pod-security.kubernetes.io/${mode}`, level], [`pod-security.kubernetes.io/${mode}-version`, version]]));
const LABELS = "metadata.labels[pod-security.kubernetes.io/";

ruleTable(namespacePodSecurity, {
  valid: [
    { name: "restricted, enforced, audited and warned, pinned to v1.28", manifests: [namespace(pinned("restricted"))] },
    { name: "baseline", manifests: [namespace({ ...pinned("baseline"), team: "shop" })] },
    { name: "privileged, stated", manifests: [namespace(pinned("privileged", "v1.30"))] },
    { name: "enforce alone, pinned", manifests: [namespace(pinned("restricted", "v1.28", ["enforce"]))] },
    { name: "enforce restricted, warn of a newer version's checks", manifests: [namespace({ ...pinned("restricted"), "pod-security.kubernetes.io/warn-version": "v1.29" })] },
    { name: "not a Namespace", manifests: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "shop", labels: { "pod-security.kubernetes.io/enforce": "strict" } } }] },
  ],
  invalid: [
    {
      name: "no labels at all",
      manifests: [namespace()],
      errors: ['metadata.labels: Required value: label "pod-security.kubernetes.io/enforce" must state the namespace\'s Pod Security level (privileged, baseline, restricted)'],
    },
    {
      name: "audit and warn, but no enforce",
      manifests: [namespace(pinned("restricted", "v1.28", ["audit", "warn"]))],
      errors: ['metadata.labels: Required value: label "pod-security.kubernetes.io/enforce" must state the namespace\'s Pod Security level (privileged, baseline, restricted)'],
    },
    {
      name: "an unknown level, enforced and warned",
      manifests: [namespace({ ...pinned("restricted"), "pod-security.kubernetes.io/enforce": "strict", "pod-security.kubernetes.io/warn": "Restricted" })],
      errors: [
        `${LABELS}enforce]: Unsupported value: "strict": supported values: "privileged", "baseline", "restricted"`,
        `${LABELS}warn]: Unsupported value: "Restricted": supported values: "privileged", "baseline", "restricted"`,
      ],
    },
    {
      name: "a level without its version",
      manifests: [namespace({ "pod-security.kubernetes.io/enforce": "restricted" })],
      errors: ['metadata.labels: Required value: label "pod-security.kubernetes.io/enforce-version" must pin the enforce level\'s checks to a Kubernetes minor version, e.g. "v1.28"'],
    },
    {
      name: "latest, and a version that is not a minor",
      manifests: [namespace({ ...pinned("restricted"), "pod-security.kubernetes.io/enforce-version": "latest", "pod-security.kubernetes.io/audit-version": "1.28.3" })],
      errors: [
        `${LABELS}enforce-version]: Invalid value: "latest": pin a Kubernetes minor version, e.g. "v1.28": with "latest" every upgrade changes what the namespace admits`,
        `${LABELS}audit-version]: Invalid value: "1.28.3": must be a Kubernetes minor version, e.g. "v1.28"`,
      ],
    },
    {
      name: "files validated on their own: a warning",
      complete: false,
      manifests: [namespace()],
      errors: ['metadata.labels: Required value: label "pod-security.kubernetes.io/enforce" must state the namespace\'s Pod Security level (privileged, baseline, restricted)'],
    },
  ],
});
