import { resourceQuotaScopes } from "../../../../src/rules/apiserver/core/resource-quota-scopes.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { quota } from "./core-objects.ts";

ruleTable(resourceQuotaScopes, {
  valid: [
    { name: "NotTerminating with pod compute resources", manifests: [quota({ hard: { pods: "10", "requests.cpu": "2" }, scopes: ["NotTerminating"] })] },
    { name: "BestEffort with pods", manifests: [quota({ hard: { pods: "5" }, scopes: ["BestEffort"] })] },
    { name: "a PriorityClass selector with In", manifests: [quota({ hard: { pods: "5" }, scopeSelector: { matchExpressions: [{ scopeName: "PriorityClass", operator: "In", values: ["high"] }] } })] },
    { name: "an extended resource is not checked against scopes", manifests: [quota({ hard: { "requests.example.com/widget": "5" }, scopes: ["BestEffort"] })] },
  ],
  invalid: [
    {
      name: "BestEffort with CPU",
      manifests: [quota({ hard: { pods: "5", "requests.cpu": "1" }, scopes: ["BestEffort"] })],
      errors: ['spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort"}: unsupported scope applied to resource'],
    },
    {
      name: "conflicting scopes",
      manifests: [quota({ hard: { pods: "5" }, scopes: ["Terminating", "NotTerminating"] })],
      errors: ['spec.scopes: Invalid value: []core.ResourceQuotaScope{"Terminating", "NotTerminating"}: conflicting scopes'],
    },
    {
      name: "a scope Kubernetes 1.28 does not know (VolumeAttributesClass came in 1.29)",
      manifests: [quota({ hard: { "requests.storage": "1Ti" }, scopes: ["VolumeAttributesClass"] })],
      errors: ['spec.scopes: Invalid value: []core.ResourceQuotaScope{"VolumeAttributesClass"}: unsupported scope'],
    },
    {
      name: "a Terminating selector with In",
      manifests: [quota({ hard: { pods: "5" }, scopeSelector: { matchExpressions: [{ scopeName: "Terminating", operator: "In", values: ["x"] }] } })],
      errors: [
        'spec.scopeSelector.matchExpressions.operator: Invalid value: "In": must be \'Exists\' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity',
      ],
    },
    {
      name: "In without values, Exists with values",
      manifests: [quota({ hard: { pods: "5" }, scopeSelector: { matchExpressions: [{ scopeName: "PriorityClass", operator: "In" }, { scopeName: "PriorityClass", operator: "Exists", values: ["high"] }] } })],
      errors: [
        'spec.scopeSelector.matchExpressions.values: Invalid value: []string{"high"}: must be no value when `operator` is \'Exist\' or \'DoesNotExist\' for scope selector',
        "spec.scopeSelector.matchExpressions.values: Required value: must be at least one value when `operator` is 'In' or 'NotIn' for scope selector",
      ],
    },
    {
      name: "a BestEffort selector with memory",
      manifests: [quota({ hard: { memory: "1Gi" }, scopeSelector: { matchExpressions: [{ scopeName: "BestEffort", operator: "Exists" }] } })],
      errors: [
        'spec.scopeSelector.matchExpressions: Invalid value: core.ScopeSelector{MatchExpressions:[]core.ScopedResourceSelectorRequirement{core.ScopedResourceSelectorRequirement{ScopeName:"BestEffort", Operator:"Exists", Values:[]string(nil)}}}: unsupported scope applied to resource',
      ],
    },
  ],
});
