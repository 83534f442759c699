import { serviceEntryAddressesRequired } from "../../../../src/rules/analysis/service-entry/service-entry-addresses-required.rule.ts";
import type { Json } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const entry = (ports: Json[], change?: (s: Json) => void): Json => {
  const serviceEntry: Json = { apiVersion: "networking.istio.io/v1beta1", kind: "ServiceEntry", metadata: { name: "service-entry", namespace: "default" }, spec: { hosts: ["istio.io"], exportTo: ["."], ports, location: "MESH_EXTERNAL", resolution: "DNS" } };
  change?.(serviceEntry);
  return serviceEntry;
};
const meshConfig = (metadata: Record<string, string>): Json => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "istio", namespace: "istio-system" },
  data: { mesh: `defaultConfig:\n  proxyMetadata:\n${Object.entries(metadata).map(([k, v]) => `    ${k}: "${v}"\n`).join("")}` },
});
/** istiod installed by Argo CD: its chart's `meshConfig` value becomes the istio ConfigMap. */
const istiodApplication = (metadata: Record<string, string>): Json => ({
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Application",
  metadata: { name: "istiod", namespace: "argocd" },
  spec: { source: { chart: "istiod", helm: { valuesObject: { meshConfig: { defaultConfig: { proxyMetadata: metadata } } } } } },
});
const MESSAGE = "ServiceEntry addresses are required for this protocol. (IST0134)";

ruleTable(serviceEntryAddressesRequired, {
  valid: [
    { name: "an HTTPS port", manifests: [entry([{ number: 443, name: "https", protocol: "HTTPS" }])] },
    { name: "a TCP port with addresses", manifests: [entry([{ number: 5432, name: "tcp", protocol: "TCP" }], (s) => { s.spec.addresses = ["10.1.2.3"]; })] },
    { name: "DNS auto-allocation in the mesh config", manifests: [meshConfig({ ISTIO_META_DNS_CAPTURE: "true", ISTIO_META_DNS_AUTO_ALLOCATE: "true" }), entry([{ number: 5432, name: "tcp", protocol: "TCP" }])] },
    { name: "DNS auto-allocation in istiod's Helm values", manifests: [istiodApplication({ ISTIO_META_DNS_CAPTURE: "true", ISTIO_META_DNS_AUTO_ALLOCATE: "true" }), entry([{ number: 587, name: "tcp-587", protocol: "TCP" }])] },
  ],
  invalid: [
    { name: "an unset protocol (istio.io's example)", manifests: [entry([{ number: 443, name: "https" }])], errors: [`spec.ports[0]: ${MESSAGE}`] },
    { name: "TCP, and only the TCP port", manifests: [entry([{ number: 80, name: "http", protocol: "HTTP" }, { number: 443, name: "https", protocol: "TCP" }])], errors: [`spec.ports[1]: ${MESSAGE}`] },
    { name: "empty addresses", manifests: [entry([{ number: 5432, name: "tcp", protocol: "TCP" }], (s) => { s.spec.addresses = []; })], errors: [`spec.ports[0]: ${MESSAGE}`] },
    { name: "istiod's Helm values without DNS capture", manifests: [istiodApplication({ ISTIO_META_DNS_AUTO_ALLOCATE: "true" }), entry([{ number: 587, name: "tcp-587", protocol: "TCP" }])], errors: [`spec.ports[0]: ${MESSAGE}`] },
    { name: "auto-allocation needs DNS capture too", manifests: [meshConfig({ ISTIO_META_DNS_AUTO_ALLOCATE: "true" }), entry([{ number: 5432, name: "tcp", protocol: "TCP" }])], errors: [`spec.ports[0]: ${MESSAGE}`] },
  ],
});
