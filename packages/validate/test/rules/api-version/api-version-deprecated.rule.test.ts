import { apiVersionDeprecated } from "../../../src/rules/api-version/api-version-deprecated.rule.ts";
import { pdb } from "../../fixtures.ts";
import { ruleTable } from "../rule-table.ts";

const flowSchema = (apiVersion: string) => ({ apiVersion, kind: "FlowSchema", metadata: { name: "a" }, spec: { priorityLevelConfiguration: { name: "global-default" } } });

ruleTable(apiVersionDeprecated, {
  valid: [
    { name: "GA versions", manifests: [pdb()] },
    { name: "flowcontrol v1beta3 on 1.28", manifests: [flowSchema("flowcontrol.apiserver.k8s.io/v1beta3")] },
    { name: "policy/v1beta1 before its deprecation", manifests: [pdb((p) => { p.apiVersion = "policy/v1beta1"; })], versions: { kubernetes: "1.20" } },
  ],
  invalid: [
    {
      name: "flowcontrol v1beta2 on 1.28, in the apiserver's own words",
      manifests: [flowSchema("flowcontrol.apiserver.k8s.io/v1beta2")],
      errors: ["1:1 apiVersion: flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema is deprecated in v1.26+, unavailable in v1.29+; use flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema"],
    },
    {
      name: "policy/v1beta1 on 1.22",
      manifests: [pdb((p) => { p.apiVersion = "policy/v1beta1"; })],
      versions: { kubernetes: "1.22" },
      errors: ["apiVersion: policy/v1beta1 PodDisruptionBudget is deprecated in v1.21+, unavailable in v1.25+; use policy/v1 PodDisruptionBudget"],
    },
  ],
});
