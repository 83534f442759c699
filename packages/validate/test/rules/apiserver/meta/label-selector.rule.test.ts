import { labelSelector } from "../../../../src/rules/apiserver/meta/label-selector.rule.ts";
import { deployment, pdb, statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { networkPolicy } from "../networking/fixtures.ts";
import { clusterRole } from "../rbac/fixtures.ts";

const VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const expression = (value: object) => pdb((p) => { p.spec.selector = { matchExpressions: [value] }; });
const podSelector = (selector: object) => networkPolicy((n) => { n.spec.podSelector = selector; });
const pvc = (selector: object) => ({
  apiVersion: "v1",
  kind: "PersistentVolumeClaim",
  metadata: { name: "data", namespace: "shop" },
  spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, selector },
});

ruleTable(labelSelector, {
  valid: [
    { name: "match labels", manifests: [deployment(), pdb()] },
    {
      name: "every operator",
      manifests: [
        expression({ key: "tier", operator: "In", values: ["web", "api"] }),
        podSelector({ matchExpressions: [{ key: "app.kubernetes.io/name", operator: "NotIn", values: ["db"] }, { key: "canary", operator: "DoesNotExist" }, { key: "app", operator: "Exists" }] }),
      ],
    },
    { name: "an empty pod selector (every pod of the namespace)", manifests: [podSelector({})] },
    { name: "an empty value in In", manifests: [expression({ key: "tier", operator: "In", values: [""] })] },
    { name: "a ClusterRole aggregation selector", manifests: [clusterRole((r) => { r.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { "rbac.example.com/aggregate-to-view": "true" } }] }; })] },
    {
      name: "a workload selector's label keys and values are left to metadata-labels",
      manifests: [deployment((d) => { d.spec.selector.matchLabels["bad key"] = "x"; d.spec.template.metadata.labels["bad key"] = "x"; })],
    },
  ],
  invalid: [
    { name: "In without values", manifests: [expression({ key: "tier", operator: "In" })], errors: ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"] },
    { name: "NotIn with no values", manifests: [expression({ key: "tier", operator: "NotIn", values: [] })], errors: ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"] },
    {
      name: "Exists with values",
      manifests: [deployment((d) => { d.spec.selector.matchExpressions = [{ key: "tier", operator: "Exists", values: ["web"] }]; })],
      errors: ["spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"],
    },
    { name: "an unknown operator", manifests: [expression({ key: "tier", operator: "Equals", values: ["web"] })], errors: ['spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator'] },
    { name: "an invalid value", manifests: [expression({ key: "tier", operator: "In", values: ["web", "-api"] })], errors: [`spec.selector.matchExpressions[0].values[1]: Invalid value: "-api": ${VALUE}`] },
    {
      name: "a NetworkPolicy peer's namespace selector, invalid key and value (reported at matchLabels)",
      manifests: [networkPolicy((n) => { n.spec.ingress[0].from = [{ namespaceSelector: { matchLabels: { "team name": "web!" } } }]; })],
      errors: [`spec.ingress[0].from[0].namespaceSelector.matchLabels: Invalid value: "team name": ${NAME}`, `spec.ingress[0].from[0].namespaceSelector.matchLabels: Invalid value: "web!": ${VALUE}`],
    },
    { name: "a NetworkPolicy pod selector expression key", manifests: [podSelector({ matchExpressions: [{ key: "-tier", operator: "Exists" }] })], errors: [`spec.podSelector.matchExpressions[0].key: Invalid value: "-tier": ${NAME}`] },
    { name: "a PVC selector", manifests: [pvc({ matchExpressions: [{ key: "disk", operator: "DoesNotExist", values: ["ssd"] }] })], errors: ["spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"] },
    {
      name: "a volume claim template selector",
      manifests: [statefulSet((s) => { s.spec.volumeClaimTemplates[0].spec.selector = { matchExpressions: [{ key: "disk", operator: "In" }] }; })],
      errors: ["spec.volumeClaimTemplates[0].spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
    },
    {
      name: "a webhook's namespace selector",
      manifests: [
        {
          apiVersion: "admissionregistration.k8s.io/v1",
          kind: "ValidatingWebhookConfiguration",
          metadata: { name: "policy" },
          webhooks: [
            {
              name: "policy.example.com",
              admissionReviewVersions: ["v1"],
              sideEffects: "None",
              clientConfig: { service: { name: "policy", namespace: "policy" } },
              namespaceSelector: { matchExpressions: [{ key: "policy.example.com/skip", operator: "NotIn" }] },
            },
          ],
        },
      ],
      errors: ["webhooks[0].namespaceSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
    },
    {
      name: "a ClusterRole aggregation selector",
      manifests: [clusterRole((r) => { r.aggregationRule = { clusterRoleSelectors: [{ matchExpressions: [{ key: "aggregate", operator: "Exist" }] }] }; })],
      errors: ['aggregationRule.clusterRoleSelectors[0].matchExpressions[0].operator: Invalid value: "Exist": not a valid selector operator'],
    },
  ],
});
