import { nodeAffinity } from "../../../../src/rules/apiserver/pod/node-affinity.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { DNS_SUBDOMAIN, QNAME_NAME_PART, REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const A = `${SPEC}.affinity.nodeAffinity`;
const R = `${A}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
const affinity = (node: object) => [withSpec((s) => { s.affinity = { nodeAffinity: node }; })];
const requiring = (...matchExpressions: object[]) => affinity({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions }] } });

ruleTable(nodeAffinity, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    {
      name: "required and preferred terms",
      manifests: affinity({
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: "kubernetes.io/os", operator: "In", values: ["linux"] }, { key: "example.com/gpu", operator: "DoesNotExist" }, { key: "example.com/cores", operator: "Gt", values: ["4"] }] },
            { matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["node-1"] }] },
          ],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: { matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["us-east-1a"] }] } }],
      }),
    },
    { name: "a value that is not a label value (Kubernetes 1.28 does not check node affinity values)", manifests: requiring({ key: "example.com/team", operator: "In", values: ["Platform Team"] }) },
  ],
  invalid: [
    { name: "no required terms", manifests: affinity({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } }), errors: [`${R}: Required value: must have at least one node selector term`] },
    { name: "In without values", manifests: requiring({ key: "kubernetes.io/os", operator: "In", values: [] }), errors: [`${R}[0].matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`] },
    { name: "Exists with values", manifests: requiring({ key: "example.com/gpu", operator: "Exists", values: ["gpu"] }), errors: [`${R}[0].matchExpressions[0].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`] },
    { name: "Gt with two values", manifests: requiring({ key: "example.com/cores", operator: "Gt", values: ["4", "8"] }), errors: [`${R}[0].matchExpressions[0].values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`] },
    { name: "an invalid key", manifests: requiring({ key: "-zone", operator: "Exists" }), errors: [`${R}[0].matchExpressions[0].key: Invalid value: "-zone": ${QNAME_NAME_PART}`] },
    {
      name: "a preferred weight of 0",
      manifests: affinity({ preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: { matchExpressions: [{ key: "a", operator: "Exists" }] } }] }),
      errors: [`${A}.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100`],
    },
    {
      name: "a field selector on a label",
      manifests: affinity({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.labels", operator: "In", values: ["a", "b"] }] }] } }),
      errors: [`${R}[0].matchFields[0].key: Invalid value: "metadata.labels": not a valid field selector key`, `${R}[0].matchFields[0].values: Required value: must be only one value when \`operator\` is 'In' or 'NotIn' for node field selector`],
    },
    {
      name: "a field selector on an invalid node name",
      manifests: affinity({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["Node_1"] }] }] } }),
      errors: [`${R}[0].matchFields[0].values[0]: Invalid value: "Node_1": ${DNS_SUBDOMAIN}`],
    },
  ],
});
