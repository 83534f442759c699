import { unknownField } from "../../../src/rules/schema/unknown-field.rule.ts";
import { deployment, virtualService } from "../../fixtures.ts";
import { ruleTable } from "../rule-table.ts";

ruleTable(unknownField, {
  valid: [
    { name: "every field declared", manifests: [deployment(), virtualService()] },
    { name: "maps stay open: labels, annotations, data, resource names", manifests: [deployment((d) => {
      d.metadata.annotations = { "example.com/anything": "x" };
      d.spec.template.spec.containers[0].resources.limits["nvidia.com/gpu"] = 1;
    }), { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { "any-key": "v" } }] },
    { name: "free-form fields stay open: Flux HelmRelease values, Argo CD valuesObject", manifests: [
      { apiVersion: "helm.toolkit.fluxcd.io/v2beta2", kind: "HelmRelease", metadata: { name: "a" }, spec: { interval: "5m", chart: { spec: { chart: "c", sourceRef: { kind: "HelmRepository", name: "r" } } }, values: { anything: { nested: true } } } },
      { apiVersion: "argoproj.io/v1alpha1", kind: "Application", metadata: { name: "a" }, spec: { project: "p", destination: {}, source: { repoURL: "r", helm: { valuesObject: { free: { form: 1 } } } } } },
    ] },
    { name: "an Istio map of objects (portLevelMtls) keeps checking its values' fields", manifests: [{ apiVersion: "security.istio.io/v1beta1", kind: "PeerAuthentication", metadata: { name: "a" }, spec: { mtls: { mode: "STRICT" }, portLevelMtls: { "8080": { mode: "STRICT" } } } }] },
    // Istio's field shapes come from @kubernetes-models/istio 3.0.1's declarations: fields Istio 1.20 serves that 2.3.0 lacks.
    { name: "VirtualService http[].mirrors (Istio 1.20)", manifests: [virtualService((v) => {
      v.spec.http[0].mirrors = [{ destination: { host: "web-canary.shop.svc.cluster.local" }, percentage: { value: 10 } }];
    })] },
    { name: "AuthorizationPolicy targetRef (Istio 1.20)", manifests: [{
      apiVersion: "security.istio.io/v1", kind: "AuthorizationPolicy", metadata: { name: "gateway", namespace: "shop" },
      spec: { targetRef: { group: "gateway.networking.k8s.io", kind: "Gateway", name: "web" }, action: "ALLOW", rules: [{ from: [{ source: { principals: ["cluster.local/ns/shop/sa/web"] } }] }] },
    }] },
    { name: "a networking.istio.io/v1 kind 2.3.0 has no class of (Istio 1.24)", versions: { istio: "1.24" }, manifests: [virtualService((v) => {
      v.apiVersion = "networking.istio.io/v1";
      v.spec.http[0].mirrors = [{ destination: { host: "web-canary.shop.svc.cluster.local" } }];
    })] },
    { name: "Istio status stays free-form, as the 1.20 and 1.24 CRDs keep it", manifests: [virtualService((v) => { v.status = { anything: { nested: true } }; })] },
  ],
  invalid: [
    {
      name: "misspelled Deployment fields",
      manifests: [deployment((d) => {
        d.spec.replicaz = 3;
        d.spec.template.spec.containers[0].imagePullPolicyy = "Always";
      })],
      errors: [
        '59:11 spec.template.spec.containers[0].imagePullPolicyy: unknown field "spec.template.spec.containers[0].imagePullPolicyy"',
        '60:3 spec.replicaz: unknown field "spec.replicaz"',
      ],
    },
    { name: "VirtualService spec.hostz", manifests: [virtualService((v) => { v.spec.hostz = ["web"]; })], errors: ['spec.hostz: unknown field "spec.hostz"'] },
    {
      name: "fields named after Object.prototype's members, and a misspelled field inside a map of objects",
      manifests: [
        { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", constructor: "x", toString: "y" }, data: { constructor: "kept: data is a map" } },
        { apiVersion: "security.istio.io/v1beta1", kind: "PeerAuthentication", metadata: { name: "a" }, spec: { selector: { matchLabels: { app: "web" } }, mtls: { mode: "STRICT" }, portLevelMtls: { "8080": { mod: "STRICT" } } } },
      ],
      errors: ['metadata.constructor: unknown field "metadata.constructor"', 'metadata.toString: unknown field "metadata.toString"', 'spec.portLevelMtls[8080].mod: unknown field "spec.portLevelMtls[8080].mod"'],
    },
    {
      name: "a misspelled field of a networking.istio.io/v1 kind, and inside a mirror",
      versions: { istio: "1.24" },
      manifests: [virtualService((v) => {
        v.apiVersion = "networking.istio.io/v1";
        v.spec.hostz = ["web"];
        v.spec.http[0].mirrors = [{ destination: { hots: "web-canary" } }];
      })],
      errors: ['spec.http[0].mirrors[0].destination.hots: unknown field "spec.http[0].mirrors[0].destination.hots"', 'spec.hostz: unknown field "spec.hostz"'],
    },
    {
      name: "an ExternalSecret's and a Certificate's misspelled fields (external-secrets and cert-manager models)",
      manifests: [
        { apiVersion: "external-secrets.io/v1beta1", kind: "ExternalSecret", metadata: { name: "a", namespace: "shop" }, spec: { refreshIntervall: "1h", secretStoreRef: { kind: "ClusterSecretStore", name: "s" } } },
        { apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: "tls", namespace: "shop" }, spec: { secretName: "tls", dnsName: ["a.example.com"], issuerRef: { name: "letsencrypt" } } },
      ],
      errors: ['spec.refreshIntervall: unknown field "spec.refreshIntervall"', 'spec.dnsName: unknown field "spec.dnsName"'],
    },
    { name: "a top-level field", manifests: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, dat: { a: "b" } }], errors: ['dat: unknown field "dat"'] },
    {
      name: "inside a map's values",
      manifests: [{ apiVersion: "security.istio.io/v1beta1", kind: "PeerAuthentication", metadata: { name: "a" }, spec: { portLevelMtls: { "8080": { mod: "STRICT" } } } }],
      errors: ['spec.portLevelMtls[8080].mod: unknown field "spec.portLevelMtls[8080].mod"'],
    },
  ],
});
