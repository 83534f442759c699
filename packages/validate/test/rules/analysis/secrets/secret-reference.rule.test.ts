import { secretReference } from "../../../../src/rules/analysis/secrets/secret-reference.rule.ts";
import { deployment, type Json } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const externalSecret = (name: string, namespace = "shop", target?: string): Json => ({
  apiVersion: "external-secrets.io/v1beta1",
  kind: "ExternalSecret",
  metadata: { name, namespace },
  spec: {
    refreshInterval: "1h",
    secretStoreRef: { kind: "ClusterSecretStore", name: "shop-secrets" },
    target: { creationPolicy: "Owner", ...(target === undefined ? {} : { name: target }) },
    data: [{ secretKey: "token", remoteRef: { key: "prod/shop/api", property: "token" } }],
  },
});

const certificate = (secretName: string, namespace = "istio-ingress"): Json => ({
  apiVersion: "cert-manager.io/v1",
  kind: "Certificate",
  metadata: { name: secretName, namespace },
  spec: { secretName, dnsNames: ["shop.example.com"], issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: "letsencrypt" } },
});

const withEnvSecret = (name: string, optional?: boolean) =>
  deployment((d) => {
    d.spec.template.spec.containers[0].env.push({ name: "TOKEN", valueFrom: { secretKeyRef: { name, key: "token", ...(optional === undefined ? {} : { optional }) } } });
  });

const gatewayApi = (secret: string, namespace?: string): Json => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "Gateway",
  metadata: { name: "platform-gateway", namespace: "istio-ingress" },
  spec: {
    gatewayClassName: "istio",
    listeners: [
      { name: "http", port: 80, protocol: "HTTP" },
      { name: "https", port: 443, protocol: "HTTPS", hostname: "shop.example.com", tls: { mode: "Terminate", certificateRefs: [{ kind: "Secret", name: secret, ...(namespace === undefined ? {} : { namespace }) }] } },
    ],
  },
});

const istioGateway = (credentialName: string): Json => ({
  apiVersion: "networking.istio.io/v1beta1",
  kind: "Gateway",
  metadata: { name: "platform-gateway", namespace: "istio-ingress" },
  spec: {
    selector: { istio: "ingressgateway" },
    servers: [{ port: { number: 443, name: "https", protocol: "HTTPS" }, hosts: ["shop.example.com"], tls: { mode: "SIMPLE", credentialName } }],
  },
});

const alertmanagerConfig = (secret: string): Json => ({
  apiVersion: "monitoring.coreos.com/v1alpha1",
  kind: "AlertmanagerConfig",
  metadata: { name: "alert-routing", namespace: "shop" },
  spec: {
    route: { receiver: "pagerduty" },
    receivers: [
      {
        name: "pagerduty",
        pagerdutyConfigs: [{ routingKey: { name: secret, key: "pagerduty-routing-key" }, httpConfig: { tlsConfig: { ca: { configMap: { name: "ca-bundle", key: "ca.crt" } } } } }],
      },
    ],
  },
});

const MISSING = (name: string, namespace: string) =>
  `Secret "${name}" in namespace "${namespace}" is produced by no ExternalSecret, Certificate or Secret of the environment, and the cluster does not provide it`;
const ENV_PATH = "spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef.name";

ruleTable(secretReference, {
  valid: [
    { name: "a pod reading a Secret an ExternalSecret produces", manifests: [withEnvSecret("api"), externalSecret("api")] },
    { name: "an ExternalSecret whose target names another Secret", manifests: [withEnvSecret("api-token"), externalSecret("api", "shop", "api-token")] },
    { name: "an optional reference (the pod starts without it)", manifests: [withEnvSecret("maybe", true)] },
    { name: "a Secret object of the environment (e.g. a service-account token)", manifests: [withEnvSecret("sa-token"), { apiVersion: "v1", kind: "Secret", metadata: { name: "sa-token", namespace: "shop", annotations: { "kubernetes.io/service-account.name": "web" } }, type: "kubernetes.io/service-account-token" }] },
    { name: "a Gateway API certificate a Certificate produces", manifests: [gatewayApi("ingress-tls"), certificate("ingress-tls")] },
    { name: "a Gateway API certificate in another namespace, produced there", manifests: [gatewayApi("shared-tls", "certs"), certificate("shared-tls", "certs")] },
    { name: "an Istio Gateway credential (kubernetes:// prefix) a Certificate produces", manifests: [istioGateway("kubernetes://ingress-tls"), certificate("ingress-tls")] },
    { name: "alert receivers from an ExternalSecret; the ConfigMap selector is not a Secret", manifests: [alertmanagerConfig("alert-receivers"), externalSecret("alert-receivers")] },
    {
      name: "a Secret the cluster provides (Istio's plugged-in CA)",
      manifests: [deployment((d) => { d.metadata.namespace = "istio-system"; d.spec.template.spec.volumes = [{ name: "ca", secret: { secretName: "cacerts" } }]; })],
    },
    { name: "no references at all", manifests: [deployment()] },
  ],
  invalid: [
    { name: "a typo in a pod's secretKeyRef", manifests: [withEnvSecret("apii"), externalSecret("api")], errors: [`${ENV_PATH}: ${MISSING("apii", "shop")}`] },
    { name: "an ExternalSecret in another namespace does not count", manifests: [withEnvSecret("api"), externalSecret("api", "other")], errors: [`${ENV_PATH}: ${MISSING("api", "shop")}`] },
    {
      name: "envFrom, a secret volume, a projected secret and an image pull secret",
      manifests: [
        deployment((d) => {
          const spec = d.spec.template.spec;
          spec.containers[0].envFrom = [{ secretRef: { name: "env-all" } }];
          spec.volumes = [{ name: "creds", secret: { secretName: "creds" } }, { name: "mix", projected: { sources: [{ secret: { name: "mixed" } }, { serviceAccountToken: { path: "token" } }] } }];
          spec.imagePullSecrets = [{ name: "registry" }];
        }),
      ],
      errors: [
        `spec.template.spec.containers[0].envFrom[0].secretRef.name: ${MISSING("env-all", "shop")}`,
        `spec.template.spec.volumes[0].secret.secretName: ${MISSING("creds", "shop")}`,
        `spec.template.spec.volumes[1].projected.sources[0].secret.name: ${MISSING("mixed", "shop")}`,
        `spec.template.spec.imagePullSecrets[0].name: ${MISSING("registry", "shop")}`,
      ],
    },
    { name: "a Gateway API host without a Certificate", manifests: [gatewayApi("ingress-tls")], errors: [`spec.listeners[1].tls.certificateRefs[0].name: ${MISSING("ingress-tls", "istio-ingress")}`] },
    { name: "a Certificate of another name", manifests: [istioGateway("ingress-tls"), certificate("other-tls")], errors: [`spec.servers[0].tls.credentialName: ${MISSING("ingress-tls", "istio-ingress")}`] },
    { name: "alert receivers nobody produces", manifests: [alertmanagerConfig("alert-receivers")], errors: [`spec.receivers[0].pagerdutyConfigs[0].routingKey.name: ${MISSING("alert-receivers", "shop")}`] },
    { name: "Istio's CA name outside istio-system is not the cluster's", manifests: [deployment((d) => { d.spec.template.spec.volumes = [{ name: "ca", secret: { secretName: "cacerts" } }]; })], errors: [`spec.template.spec.volumes[0].secret.secretName: ${MISSING("cacerts", "shop")}`] },
    {
      name: "partial input: a warning that the producer may live elsewhere",
      complete: false,
      manifests: [withEnvSecret("api")],
      errors: [`${ENV_PATH}: ${MISSING("api", "shop")}; the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)`],
    },
  ],
});
