import { outboundRegistryOnly } from "../../../src/rules/policy/outbound-registry-only.rule.ts";
import { ruleTable } from "../rule-table.ts";

const ALLOW_ANY = "lets every sidecar reach any host outside the mesh; the platform requires REGISTRY_ONLY (declare external hosts as egress)";
const registryOnly = { outboundTrafficPolicy: { mode: "REGISTRY_ONLY" } };
const allowAny = { outboundTrafficPolicy: { mode: "ALLOW_ANY" } };

/** istiod installed by Argo CD with the chart's `meshConfig` value (as the platform renders it). */
const application = (meshConfig?: object, chart = "istiod") => ({
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Application",
  metadata: { name: chart, namespace: "argocd" },
  spec: {
    project: "platform",
    destination: { namespace: "istio-system", server: "https://kubernetes.default.svc" },
    source: {
      repoURL: "https://istio-release.storage.googleapis.com/charts",
      chart,
      targetRevision: "1.20.8",
      helm: { releaseName: chart, valuesObject: { global: { meshID: "cloud-lab-mesh" }, ...(meshConfig === undefined ? {} : { meshConfig }) } },
    },
  },
});

/** istiod installed by Argo CD with its values as YAML text. */
const applicationWithValuesText = (values: string) => {
  const app = application();
  return { ...app, spec: { ...app.spec, source: { ...app.spec.source, helm: { releaseName: "istiod", values } } } };
};

/** istiod installed by Flux. */
const helmRelease = (meshConfig?: object) => ({
  apiVersion: "helm.toolkit.fluxcd.io/v2beta2",
  kind: "HelmRelease",
  metadata: { name: "istiod", namespace: "flux-system" },
  spec: {
    interval: "10m",
    chart: { spec: { chart: "istiod", version: "1.20.8", sourceRef: { kind: "HelmRepository", name: "istio" } } },
    values: meshConfig === undefined ? {} : { meshConfig },
  },
});

const configMap = (mesh: string, name = "istio") => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "istio-system" }, data: { mesh } });
const operator = (meshConfig: object) => ({ apiVersion: "install.istio.io/v1alpha1", kind: "IstioOperator", metadata: { name: "installed-state", namespace: "istio-system" }, spec: { meshConfig } });
const sidecar = (outboundTrafficPolicy?: object) => ({
  apiVersion: "networking.istio.io/v1beta1",
  kind: "Sidecar",
  metadata: { name: "payment", namespace: "shop" },
  spec: { egress: [{ hosts: ["istio-system/*", "./api.payments.example"] }], ...(outboundTrafficPolicy === undefined ? {} : { outboundTrafficPolicy }) },
});

ruleTable(outboundRegistryOnly, {
  valid: [
    { name: "istiod's Argo CD values with REGISTRY_ONLY", manifests: [application(registryOnly)] },
    { name: "istiod's values as YAML text with REGISTRY_ONLY", manifests: [applicationWithValuesText("meshConfig:\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n")] },
    { name: "istiod's Flux values with REGISTRY_ONLY", manifests: [helmRelease(registryOnly)] },
    {
      name: "istiod as the second of an Application's sources",
      manifests: [(() => { const app = application(registryOnly); const { source, ...spec } = app.spec; return { ...app, spec: { ...spec, sources: [{ repoURL: "https://github.com/cloud-lab/values.git", targetRevision: "v1", ref: "values" }, source] } }; })()],
    },
    { name: "the istio ConfigMap with REGISTRY_ONLY", manifests: [configMap("outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\n")] },
    { name: "an IstioOperator with REGISTRY_ONLY", manifests: [operator(registryOnly)] },
    { name: "another chart's Application (not a mesh config)", manifests: [application(undefined, "gateway")] },
    { name: "a ConfigMap named istio in another namespace", manifests: [{ ...configMap("{}"), metadata: { name: "istio", namespace: "shop" } }] },
    { name: "a Sidecar without its own outbound policy", manifests: [sidecar()] },
    { name: "a Sidecar that repeats REGISTRY_ONLY", manifests: [sidecar({ mode: "REGISTRY_ONLY" })] },
  ],
  invalid: [
    { name: "istiod's Argo CD values with ALLOW_ANY", manifests: [application(allowAny)], errors: [`spec.source.helm.valuesObject.meshConfig.outboundTrafficPolicy.mode: "ALLOW_ANY" ${ALLOW_ANY}`] },
    {
      name: "istiod's Argo CD values without a mode (Istio's default is ALLOW_ANY)",
      manifests: [application({ accessLogFile: "/dev/stdout" })],
      errors: [`spec.source.helm.valuesObject.meshConfig.outboundTrafficPolicy.mode: unset (Istio's default, ALLOW_ANY) ${ALLOW_ANY}`],
    },
    { name: "istiod's Argo CD values without a meshConfig", manifests: [application()], errors: [`spec.source.helm.valuesObject.meshConfig.outboundTrafficPolicy.mode: unset (Istio's default, ALLOW_ANY) ${ALLOW_ANY}`] },
    {
      name: "istiod's values as YAML text with ALLOW_ANY",
      manifests: [applicationWithValuesText("meshConfig:\n  outboundTrafficPolicy:\n    mode: ALLOW_ANY\n")],
      errors: [`spec.source.helm.values: "ALLOW_ANY" ${ALLOW_ANY}`],
    },
    {
      name: "istiod as the second of an Application's sources, with ALLOW_ANY",
      manifests: [(() => { const app = application(allowAny); const { source, ...spec } = app.spec; return { ...app, spec: { ...spec, sources: [{ repoURL: "https://github.com/cloud-lab/values.git", targetRevision: "v1", ref: "values" }, source] } }; })()],
      errors: [`spec.sources[1].helm.valuesObject.meshConfig.outboundTrafficPolicy.mode: "ALLOW_ANY" ${ALLOW_ANY}`],
    },
    { name: "istiod's Flux values with ALLOW_ANY", manifests: [helmRelease(allowAny)], errors: [`spec.values.meshConfig.outboundTrafficPolicy.mode: "ALLOW_ANY" ${ALLOW_ANY}`] },
    { name: "istiod's Flux values without a mode", manifests: [helmRelease()], errors: [`spec.values.meshConfig.outboundTrafficPolicy.mode: unset (Istio's default, ALLOW_ANY) ${ALLOW_ANY}`] },
    { name: "a revision's istio ConfigMap without a mode", manifests: [configMap("accessLogFile: /dev/stdout\n", "istio-canary")], errors: [`data.mesh: unset (Istio's default, ALLOW_ANY) ${ALLOW_ANY}`] },
    { name: "an IstioOperator with ALLOW_ANY", manifests: [operator(allowAny)], errors: [`spec.meshConfig.outboundTrafficPolicy.mode: "ALLOW_ANY" ${ALLOW_ANY}`] },
    {
      name: "a Sidecar that reopens the mesh for its workloads",
      manifests: [sidecar({ mode: "ALLOW_ANY" })],
      errors: ['spec.outboundTrafficPolicy.mode: "ALLOW_ANY" lets the selected workloads reach any host outside the mesh; the platform requires REGISTRY_ONLY (declare external hosts as egress)'],
    },
    {
      name: "files picked out of a larger whole: still flagged (as a warning)",
      manifests: [operator(allowAny)],
      complete: false,
      errors: [`spec.meshConfig.outboundTrafficPolicy.mode: "ALLOW_ANY" ${ALLOW_ANY}`],
    },
  ],
});
