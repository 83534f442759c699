import type { TenantCheck } from "./tenant-check.ts";

/**
 * The names a tenant may not take, each with what already has it. A tenant's name is its namespace and the name of
 * its Argo CD Application and Flux Kustomization, so it may be neither a namespace Kubernetes or the platform uses nor
 * the name of a delivery object the platform renders (the add-ons' Applications and HelmReleases, the root app, Flux's
 * `platform`). The constructs' tests hold every add-on's name and namespace to this list.
 */
export const RESERVED_TENANT_NAMES: Readonly<Record<string, string>> = {
  default: "a Kubernetes namespace",
  "kube-system": "a Kubernetes namespace",
  "kube-public": "a Kubernetes namespace",
  "kube-node-lease": "a Kubernetes namespace",
  "istio-system": "istiod's namespace",
  monitoring: "the monitoring add-ons' namespace",
  logging: "the logging add-on's namespace",
  tracing: "the tracing add-on's namespace",
  velero: "the Velero add-on and its namespace",
  "cert-manager": "the cert-manager add-on and its namespace",
  "external-secrets": "the External Secrets add-on and its namespace",
  "argo-rollouts": "the Argo Rollouts add-on and its namespace",
  argocd: "Argo CD's namespace",
  "flux-system": "Flux's namespace",
  "config-control": "the Config Connector namespace of GKE cluster definitions",
  root: "the root delivery object (Argo CD's app of apps, Flux's root Kustomization)",
  platform: "Flux's Kustomization of the platform's objects",
  "gateway-api-crds": "an add-on's delivery object",
  "istio-base": "an add-on's delivery object",
  "istio-cni": "an add-on's delivery object",
  istiod: "an add-on's delivery object",
  "istio-ingressgateway": "an add-on's delivery object",
  "istio-eastwestgateway": "an add-on's delivery object",
  "kube-prometheus-stack": "an add-on's delivery object",
  jaeger: "an add-on's delivery object",
  "fluent-bit": "an add-on's delivery object",
};

/**
 * A tenant named like a platform namespace or delivery object would share that namespace (its policies, quota and
 * Pod Security level) or be rendered as a second object of one name (the render stopped with an exception before this
 * check).
 */
export const reservedName: TenantCheck = {
  id: "tenant/reserved-name",
  description: "A tenant's name is not a namespace or delivery object name Kubernetes or the platform uses.",
  check({ name }) {
    const holder = Object.hasOwn(RESERVED_TENANT_NAMES, name) ? RESERVED_TENANT_NAMES[name] : undefined;
    return holder === undefined ? [] : [{ path: "name", message: `"${name}" is reserved: it is ${holder}` }];
  },
};
