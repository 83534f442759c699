import { metadataName } from "../../../../src/rules/apiserver/meta/metadata-name.rule.ts";
import { deployment, service, statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const namespace = (name: string) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } });
const role = (name: string) => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name, namespace: "shop" }, rules: [] });

ruleTable(metadataName, {
  valid: [
    { name: "a dotted Deployment name (a subdomain)", manifests: [deployment((d) => { d.metadata.name = "web.v2"; })] },
    { name: "a Service name starting with a letter", manifests: [service()] },
    { name: "RBAC names only avoid / and %", manifests: [role("system:controller:web")] },
    { name: "generateName instead of a name", manifests: [{ apiVersion: "batch/v1", kind: "Job", metadata: { generateName: "migrate-" }, spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "m", image: "m:1" }] } } } }] },
    { name: "a 253-character subdomain", manifests: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}` } }] },
  ],
  invalid: [
    { name: "an underscore", manifests: [deployment((d) => { d.metadata.name = "web_v2"; })], errors: [`4:3 metadata.name: Invalid value: "web_v2": ${SUBDOMAIN}`] },
    { name: "a Service name starting with a digit (DNS-1035)", manifests: [service((s) => { s.metadata.name = "1web"; })], errors: [`metadata.name: Invalid value: "1web": ${DNS1035}`] },
    { name: "a dotted Namespace name (DNS-1123 label)", manifests: [namespace("shop.eu")], errors: ['metadata.name: Invalid value: "shop.eu": must not contain dots'] },
    { name: "a dotted StatefulSet name (DNS-1123 label since 1.27)", manifests: [statefulSet((s) => { s.metadata.name = "db.eu"; })], errors: ['metadata.name: Invalid value: "db.eu": must not contain dots'] },
    { name: "a 64-character Namespace name", manifests: [namespace("n".repeat(64))], errors: [`metadata.name: Invalid value: "${"n".repeat(64)}": must be no more than 63 characters`] },
    { name: "a Role name with a slash", manifests: [role("a/b")], errors: ['metadata.name: Invalid value: "a/b": may not contain \'/\''] },
    { name: "no name", manifests: [{ apiVersion: "v1", kind: "ConfigMap", metadata: {} }], errors: ["metadata.name: Required value: name or generateName is required"] },
    { name: "an upper-case namespace", manifests: [deployment((d) => { d.metadata.namespace = "Shop"; })], errors: [`metadata.namespace: Invalid value: "Shop": ${LABEL}`] },
    {
      name: "a CronJob name longer than 52 characters",
      manifests: [{ apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "c".repeat(53) }, spec: { schedule: "@daily", jobTemplate: { spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "c", image: "c:1" }] } } } } } }],
      errors: [`metadata.name: Invalid value: "${"c".repeat(53)}": must be no more than 52 characters`],
    },
    { name: "a custom resource's name is a subdomain too", manifests: [{ apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: "Web", namespace: "a" }, spec: { secretName: "web-tls", issuerRef: { name: "letsencrypt", kind: "ClusterIssuer" }, dnsNames: ["shop.example.com"] } }], errors: [`metadata.name: Invalid value: "Web": ${SUBDOMAIN}`] },
  ],
});
