import { hpaScaleTargetRef } from "../../../../src/rules/apiserver/autoscaling/hpa-scale-target-ref.rule.ts";
import { deployment, hpa } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const target = (ref: object) => hpa((h) => { h.spec.scaleTargetRef = ref; });
const v1 = (ref: object) => ({ apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler", metadata: { name: "web", namespace: "shop" }, spec: { scaleTargetRef: ref, maxReplicas: 3 } });

ruleTable(hpaScaleTargetRef, {
  valid: [
    { name: "a Deployment", manifests: [hpa(), deployment()] },
    { name: "a custom resource", manifests: [target({ apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", name: "web" })] },
    { name: "autoscaling/v1", manifests: [v1({ apiVersion: "apps/v1", kind: "Deployment", name: "web" })] },
  ],
  invalid: [
    { name: "an empty name", manifests: [target({ apiVersion: "apps/v1", kind: "Deployment", name: "" })], errors: ["spec.scaleTargetRef.name: Required value"] },
    { name: "an empty kind", manifests: [target({ apiVersion: "apps/v1", kind: "", name: "web" })], errors: ["spec.scaleTargetRef.kind: Required value"] },
    {
      name: "a name with '/' and '%'",
      manifests: [target({ apiVersion: "apps/v1", kind: "Deployment", name: "shop/web%20" })],
      errors: ["spec.scaleTargetRef.name: Invalid value: \"shop/web%20\": may not contain '%'", "spec.scaleTargetRef.name: Invalid value: \"shop/web%20\": may not contain '/'"],
    },
    { name: "autoscaling/v1 with a name of '..'", manifests: [v1({ kind: "Deployment", name: ".." })], errors: ["spec.scaleTargetRef.name: Invalid value: \"..\": may not be '..'"] },
  ],
});
