import { externalServiceEntryScoped } from "../../../src/rules/policy/external-service-entry-scoped.rule.ts";
import { ruleTable } from "../rule-table.ts";

const HOST = "api.payments.example";
const entry = (spec: object, annotations?: Record<string, string>) => ({
  apiVersion: "networking.istio.io/v1beta1",
  kind: "ServiceEntry",
  metadata: { name: "payment-egress", namespace: "shop", ...(annotations === undefined ? {} : { annotations }) },
  spec: { hosts: [HOST], location: "MESH_EXTERNAL", resolution: "DNS", ports: [{ number: 443, name: "tls-443", protocol: "TLS" }], ...spec },
});
const meshConfig = (mesh: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "istio", namespace: "istio-system" }, data: { mesh } });
const EVERY = `exported to every namespace: any workload of the mesh may reach ${HOST}; export it to its own namespace (".")`;
const DEFAULT = `no exportTo, so the mesh's default (every namespace) applies: any workload of the mesh may reach ${HOST}; export it to its own namespace (".")`;

ruleTable(externalServiceEntryScoped, {
  valid: [
    { name: "exported to its own namespace (as the platform renders egress)", manifests: [entry({ exportTo: ["."] })] },
    { name: "exported to two named namespaces", manifests: [entry({ exportTo: [".", "checkout"] })] },
    { name: "a MESH_INTERNAL entry exported to all (a VM of the mesh)", manifests: [entry({ location: "MESH_INTERNAL", exportTo: ["*"] })] },
    { name: "no exportTo, while the mesh's default is the own namespace", manifests: [meshConfig('defaultServiceExportTo: ["."]\n'), entry({})] },
    { name: "exported to all, suppressed with a reason", manifests: [entry({ exportTo: ["*"] }, { "cloudlab.io/allow-external-service-entry-scoped": "the platform's shared SMTP relay" })] },
  ],
  invalid: [
    { name: "exported to every namespace", manifests: [entry({ exportTo: ["*"] })], errors: [`spec.exportTo[0]: ${EVERY}`] },
    { name: "no location (Istio's default is MESH_EXTERNAL), `*` after its own namespace", manifests: [entry({ location: undefined, exportTo: [".", "*"] })], errors: [`spec.exportTo[1]: ${EVERY}`] },
    { name: "no exportTo and no mesh config (Istio's default is every namespace)", manifests: [entry({})], errors: [`spec: ${DEFAULT}`] },
    { name: "no exportTo, while the mesh's default is every namespace", manifests: [meshConfig('defaultServiceExportTo: ["*"]\n'), entry({})], errors: [`spec: ${DEFAULT}`] },
    {
      name: "exported to all, suppressed without a reason",
      manifests: [entry({ exportTo: ["*"] }, { "cloudlab.io/allow-external-service-entry-scoped": "" })],
      errors: [`spec.exportTo[0]: ${EVERY} (the cloudlab.io/allow-external-service-entry-scoped annotation gives no reason, so it does not apply)`],
    },
  ],
});
