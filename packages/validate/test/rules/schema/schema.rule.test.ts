import { schema } from "../../../src/rules/schema/schema.rule.ts";
import { deployment, destinationRule, hpa, service, virtualService } from "../../fixtures.ts";
import { ruleTable } from "../rule-table.ts";

ruleTable(schema, {
  valid: [
    { name: "objects of several packages", manifests: [deployment(), service(), virtualService(), destinationRule(), hpa()] },
    {
      name: "a field the schema requires but the apiserver defaults (a pod failure policy pattern's status)",
      manifests: [
        {
          apiVersion: "batch/v1",
          kind: "Job",
          metadata: { name: "migrate", namespace: "shop" },
          spec: {
            podFailurePolicy: { rules: [{ action: "Ignore", onPodConditions: [{ type: "DisruptionTarget" }] }] },
            template: { spec: { restartPolicy: "Never", containers: [{ name: "migrate", image: "registry.example/migrate:1.0.0" }] } },
          },
        },
      ],
    },
    { name: "int-or-string and quantities in either form", manifests: [deployment((d) => {
      d.spec.strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: "25%" } };
      d.spec.template.spec.containers[0].resources.limits = { cpu: 1, memory: "1.5Gi" };
    })] },
    { name: "YAML 1.1 scalars kubectl reads: an octal mode", manifests: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {mode: \"0644\"}\n" },
    { name: "null fields", manifests: "apiVersion: v1\nkind: Service\nmetadata: {name: a, labels: ~}\nspec:\n  ports: [{port: 80}]\n  selector:\n" },
    // 2.3.0's classes validate Istio objects; they ignore the newer fields the catalog knows from 3.0.1.
    { name: "Istio fields newer than 2.3.0: VirtualService mirrors, AuthorizationPolicy targetRef", manifests: [
      virtualService((v) => { v.spec.http[0].mirrors = [{ destination: { host: "web-canary.shop.svc.cluster.local" }, percentage: { value: 10 } }]; }),
      { apiVersion: "security.istio.io/v1", kind: "AuthorizationPolicy", metadata: { name: "gateway", namespace: "shop" }, spec: { targetRef: { kind: "Gateway", group: "gateway.networking.k8s.io", name: "web" }, action: "DENY", rules: [{}] } },
    ] },
    { name: "a networking.istio.io/v1 object, checked by 2.3.0's v1beta1 class (the same schema)", versions: { istio: "1.24" }, manifests: [virtualService((v) => { v.apiVersion = "networking.istio.io/v1"; })] },
  ],
  invalid: [
    {
      name: "wrong types, an enum value and a malformed quantity, each where it is",
      manifests: [deployment((d) => {
        d.spec.replicas = "three";
        d.spec.template.spec.containers[0].imagePullPolicy = "Sometimes";
        d.spec.template.spec.containers[0].resources.limits.cpu = "1x";
      })],
      errors: [
        '11:3 spec.replicas: Invalid value: "three": must be of type integer',
        "43:15 spec.template.spec.containers[0].resources.limits.cpu: Invalid value: \"1x\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
        '59:11 spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      ],
    },
    {
      name: "an int-or-string that is neither",
      manifests: [deployment((d) => { d.spec.strategy = { rollingUpdate: { maxSurge: true } }; })],
      errors: ["spec.strategy.rollingUpdate.maxSurge: Invalid value: true: must be of type string or integer"],
    },
    {
      name: "an ExternalSecret's enum and a Certificate's required issuer (external-secrets and cert-manager models)",
      manifests: [
        { apiVersion: "external-secrets.io/v1beta1", kind: "ExternalSecret", metadata: { name: "a", namespace: "shop" }, spec: { target: { creationPolicy: "Sometimes" } } },
        { apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: "tls", namespace: "shop" }, spec: { secretName: "tls" } },
      ],
      errors: ['spec.target.creationPolicy: Unsupported value: "Sometimes": supported values: "Owner", "Orphan", "Merge", "None"', "spec.issuerRef: Required value"],
    },
    { name: "a required field missing", manifests: [{ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { template: {} } }], errors: ["spec.selector: Required value"] },
    {
      name: "YAML 1.1: an unquoted `yes` is a boolean, as kubectl reads it",
      manifests: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  enabled: yes\n",
      errors: ["5:3 data.enabled: Invalid value: true: must be of type string"],
    },
    {
      name: "an Istio field of the wrong type",
      manifests: [virtualService((v) => { v.spec.hosts = "web"; v.spec.http[0].route[0].weight = "half"; })],
      errors: ['spec.hosts: Invalid value: "web": must be of type array', 'spec.http[0].route[0].weight: Invalid value: "half": must be of type integer'],
    },
    {
      name: "an Istio v1 field of the wrong type, found by the v1beta1 class",
      versions: { istio: "1.24" },
      manifests: [virtualService((v) => { v.apiVersion = "networking.istio.io/v1"; v.spec.http[0].route[0].weight = "half"; })],
      errors: ['spec.http[0].route[0].weight: Invalid value: "half": must be of type integer'],
    },
  ],
});
