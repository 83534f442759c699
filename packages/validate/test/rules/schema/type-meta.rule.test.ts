import { typeMeta } from "../../../src/rules/schema/type-meta.rule.ts";
import { ruleTable } from "../rule-table.ts";

ruleTable(typeMeta, {
  valid: [
    { name: "apiVersion and kind", manifests: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n" },
    { name: "the items of a v1 List", manifests: "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n" },
    { name: "a kustomization is not an object and is skipped", manifests: "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n" },
  ],
  invalid: [
    { name: "no apiVersion", manifests: "kind: ConfigMap\nmetadata: {name: a}\n", errors: ["1:1 apiVersion: Required value: apiVersion not set"] },
    { name: "no kind, and an empty apiVersion", manifests: 'apiVersion: ""\nmetadata: {name: a}\n', errors: ["1:1 apiVersion: Required value: apiVersion not set", "1:1 kind: Required value: kind not set"] },
    { name: "a kind that is not a string", manifests: "apiVersion: v1\nkind: 3\n", errors: ["2:1 kind: Invalid value: 3: must be of type string"] },
    { name: "a list at the top", manifests: "- a\n- b\n", errors: ['1:1 Invalid value: "array": a Kubernetes object must be a YAML mapping'] },
    { name: "a List item without a kind", manifests: "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    metadata: {name: a}\n", errors: ["4:5 kind: Required value: kind not set"] },
  ],
});
