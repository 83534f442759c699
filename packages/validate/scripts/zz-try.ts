import { validateGroups } from "../src/index.ts";
import { yamlOf, deployment, service, virtualService } from "../test/fixtures.ts";
const show = (name: string, content: string, versions = { kubernetes: "1.28", istio: "1.20" }) => {
  const r = validateGroups([{ environment: "t", sources: [{ file: "t.yaml", content }], versions }]);
  console.log(`== ${name}`); for (const f of r.findings) console.log(`  ${f.line}:${f.column} [${f.ruleId}/${f.severity}] ${f.resource} ${f.path}: ${f.message}`);
};
show("clean", yamlOf(deployment(), service()));
show("replicaz", yamlOf(deployment((d) => { d.spec.replicaz = 3; d.spec.template.spec.containers[0].imagePullPolicyy = "Always"; })));
show("types", yamlOf(deployment((d) => { d.spec.replicas = "three"; d.spec.template.spec.containers[0].imagePullPolicy = "Sometimes"; d.spec.template.spec.containers[0].resources.limits.cpu = "1x"; d.spec.strategy = { rollingUpdate: { maxSurge: true } }; })));
show("vs hostz", yamlOf(virtualService((v) => { v.spec.hostz = ["x"]; v.spec.http[0].route[0].weight = "x"; })));
show("required", yamlOf({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" }, spec: { template: {} } }));
show("syntax", "a: 1\na: 2\n---\nkind: [\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n");
show("not obj", "- a\n- b\n---\njust a string\n---\nkind: X\n");
show("served", yamlOf({ apiVersion: "apps/v1beta1", kind: "Deployment", metadata: { name: "x" } }, { apiVersion: "policy/v1beta1", kind: "PodDisruptionBudget", metadata: { name: "x" } }, { apiVersion: "autoscaling/v2beta2", kind: "HorizontalPodAutoscaler", metadata: { name: "x" } }, { apiVersion: "extensions/v1beta1", kind: "Ingress", metadata: { name: "x" } }, { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "x" } }, { apiVersion: "security.istio.io/v1", kind: "AuthorizationPolicy", metadata: { name: "x" } }, { apiVersion: "security.istio.io/v1", kind: "PeerAuthentication", metadata: { name: "x" } }, { apiVersion: "apps/v1", kind: "Deploymnet", metadata: { name: "x" } }, { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta2", kind: "FlowSchema", metadata: { name: "x" }, spec: { priorityLevelConfiguration: { name: "x" } } }, { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicy", metadata: { name: "x" } }, { apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: "x" } }));
