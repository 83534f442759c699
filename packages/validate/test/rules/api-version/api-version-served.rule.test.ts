import { apiVersionServed } from "../../../src/rules/api-version/api-version-served.rule.ts";
import { deployment, hpa, pdb, virtualService } from "../../fixtures.ts";
import { ruleTable } from "../rule-table.ts";

const meta = { metadata: { name: "a" } };

ruleTable(apiVersionServed, {
  valid: [
    { name: "GA versions on 1.28", manifests: [deployment(), hpa(), pdb()] },
    { name: "Istio v1beta1 on 1.20", manifests: [virtualService()] },
    { name: "security.istio.io/v1 AuthorizationPolicy on Istio 1.20 (its CRD serves v1)", manifests: [{ apiVersion: "security.istio.io/v1", kind: "AuthorizationPolicy", ...meta, spec: {} }] },
    { name: "networking.istio.io/v1 on Istio 1.22", manifests: [virtualService((v) => { v.apiVersion = "networking.istio.io/v1"; })], versions: { istio: "1.22" } },
    { name: "policy/v1beta1 on Kubernetes 1.24", manifests: [pdb((p) => { p.apiVersion = "policy/v1beta1"; })], versions: { kubernetes: "1.24" } },
    { name: "custom resources are not checked", manifests: [{ apiVersion: "cert-manager.io/v1alpha2", kind: "Certificate", ...meta }] },
  ],
  invalid: [
    {
      name: "apps/v1beta1, policy/v1beta1, autoscaling/v2beta2 and extensions/v1beta1 on 1.28, naming the replacement",
      manifests: [
        { apiVersion: "apps/v1beta1", kind: "Deployment", ...meta },
        { apiVersion: "policy/v1beta1", kind: "PodDisruptionBudget", ...meta },
        { apiVersion: "autoscaling/v2beta2", kind: "HorizontalPodAutoscaler", ...meta },
        { apiVersion: "extensions/v1beta1", kind: "Ingress", ...meta },
      ],
      errors: [
        '1:1 apiVersion: apps/v1beta1 Deployment is unavailable in v1.16+; use apps/v1 Deployment (no matches for kind "Deployment" in version "apps/v1beta1" on Kubernetes 1.28)',
        '6:1 apiVersion: policy/v1beta1 PodDisruptionBudget is deprecated in v1.21+, unavailable in v1.25+; use policy/v1 PodDisruptionBudget (no matches for kind "PodDisruptionBudget" in version "policy/v1beta1" on Kubernetes 1.28)',
        '11:1 apiVersion: autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in v1.23+, unavailable in v1.26+; use autoscaling/v2 HorizontalPodAutoscaler (no matches for kind "HorizontalPodAutoscaler" in version "autoscaling/v2beta2" on Kubernetes 1.28)',
        '16:1 apiVersion: extensions/v1beta1 Ingress is deprecated in v1.14+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress (no matches for kind "Ingress" in version "extensions/v1beta1" on Kubernetes 1.28)',
      ],
    },
    {
      name: "PodSecurityPolicy has no replacement",
      manifests: [{ apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy", ...meta }],
      errors: [
        'apiVersion: policy/v1beta1 PodSecurityPolicy is deprecated in v1.21+, unavailable in v1.25+; use Pod Security Admission (pod-security.kubernetes.io namespace labels) instead (no matches for kind "PodSecurityPolicy" in version "policy/v1beta1" on Kubernetes 1.28)',
      ],
    },
    {
      name: "an API newer than the target",
      manifests: [{ apiVersion: "flowcontrol.apiserver.k8s.io/v1", kind: "FlowSchema", ...meta }],
      errors: ['apiVersion: flowcontrol.apiserver.k8s.io/v1 FlowSchema is served from v1.29 (no matches for kind "FlowSchema" in version "flowcontrol.apiserver.k8s.io/v1" on Kubernetes 1.28)'],
    },
    { name: "a kind Kubernetes does not have", manifests: [{ apiVersion: "apps/v1", kind: "Deploymnet", ...meta }], errors: ['apiVersion: no matches for kind "Deploymnet" in version "apps/v1" on Kubernetes 1.28'] },
    {
      name: "networking.istio.io/v1 and security.istio.io/v1 PeerAuthentication on Istio 1.20",
      manifests: [virtualService((v) => { v.apiVersion = "networking.istio.io/v1"; }), { apiVersion: "security.istio.io/v1", kind: "PeerAuthentication", ...meta }],
      errors: [
        'apiVersion: networking.istio.io/v1 VirtualService is served from Istio 1.22; use networking.istio.io/v1beta1 VirtualService (no matches for kind "VirtualService" in version "networking.istio.io/v1" on Istio 1.20)',
        'apiVersion: security.istio.io/v1 PeerAuthentication is served from Istio 1.22; use security.istio.io/v1beta1 PeerAuthentication (no matches for kind "PeerAuthentication" in version "security.istio.io/v1" on Istio 1.20)',
      ],
    },
    { name: "an Istio kind in a version that never served it", manifests: [{ apiVersion: "networking.istio.io/v1beta1", kind: "EnvoyFilter", ...meta }], errors: ['apiVersion: no matches for kind "EnvoyFilter" in version "networking.istio.io/v1beta1" on Istio 1.20'] },
    { name: "a removal depends on the environment's version", manifests: [pdb((p) => { p.apiVersion = "policy/v1beta1"; })], versions: { kubernetes: "1.25" }, errors: ['apiVersion: policy/v1beta1 PodDisruptionBudget is deprecated in v1.21+, unavailable in v1.25+; use policy/v1 PodDisruptionBudget (no matches for kind "PodDisruptionBudget" in version "policy/v1beta1" on Kubernetes 1.25)'] },
  ],
});
