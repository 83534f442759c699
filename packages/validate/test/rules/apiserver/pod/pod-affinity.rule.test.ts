import { podAffinity } from "../../../../src/rules/apiserver/pod/pod-affinity.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { DNS_LABEL, LABEL_VALUE, QNAME_NAME_PART, REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const anti = `${SPEC}.affinity.podAntiAffinity`;
const affinity = (value: object) => [withSpec((s) => { s.affinity = value; })];
const requiredAnti = (term: object) => affinity({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } });

ruleTable(podAffinity, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    {
      name: "spread replicas over hosts, near a cache",
      manifests: affinity({
        podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "web" } } } }] },
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { topologyKey: "topology.kubernetes.io/zone", labelSelector: { matchExpressions: [{ key: "app", operator: "In", values: ["cache"] }] }, namespaces: ["cache"], namespaceSelector: {} },
          ],
        },
      }),
    },
  ],
  invalid: [
    { name: "an empty topology key", manifests: requiredAnti({ topologyKey: "", labelSelector: { matchLabels: { app: "web" } } }), errors: [`${anti}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty`, `${anti}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": ${QNAME_NAME_PART}`, `${anti}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty`] },
    {
      name: "a weight of 101",
      manifests: affinity({ podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 101, podAffinityTerm: { topologyKey: "kubernetes.io/hostname" } }] } }),
      errors: [`${SPEC}.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 101: must be in the range 1-100`],
    },
    {
      name: "a selector value that is not a label value",
      manifests: requiredAnti({ topologyKey: "kubernetes.io/hostname", labelSelector: { matchExpressions: [{ key: "app", operator: "In", values: ["web app"] }] } }),
      errors: [`${anti}.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].values[0]: Invalid value: "web app": ${LABEL_VALUE}`],
    },
    {
      name: "a selector operator that does not exist",
      manifests: requiredAnti({ topologyKey: "kubernetes.io/hostname", labelSelector: { matchExpressions: [{ key: "app", operator: "Equals", values: ["web"] }] } }),
      errors: [`${anti}.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator`],
    },
    {
      name: "Exists with values in a namespace selector",
      manifests: requiredAnti({ topologyKey: "kubernetes.io/hostname", namespaceSelector: { matchExpressions: [{ key: "team", operator: "Exists", values: ["a"] }] } }),
      errors: [`${anti}.requiredDuringSchedulingIgnoredDuringExecution[0].namespaceSelector.matchExpressions[0].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`],
    },
    {
      name: "an invalid namespace (reported at namespace)",
      manifests: requiredAnti({ topologyKey: "kubernetes.io/hostname", namespaces: ["Shop"] }),
      errors: [`${anti}.requiredDuringSchedulingIgnoredDuringExecution[0].namespace: Invalid value: "Shop": ${DNS_LABEL}`],
    },
  ],
});
