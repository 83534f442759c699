import { applicationUidReserved } from "../../../../src/rules/analysis/workload/application-uid-reserved.rule.ts";
import { container, deployment, statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(applicationUidReserved, {
  valid: [
    { name: "another UID", manifests: [deployment()] },
    { name: "an istio-proxy container running as 1337", manifests: [deployment((d) => { d.spec.template.spec.containers.push({ ...container("istio-proxy"), securityContext: { runAsUser: 1337 } }); })] },
    { name: "Istio's own workloads (labelled istio)", manifests: [deployment((d) => { d.metadata.labels.istio = "ingressgateway"; d.spec.template.spec.securityContext.runAsUser = 1337; })] },
    { name: "init containers are not checked", manifests: [deployment((d) => { d.spec.template.spec.initContainers = [{ ...container("init"), securityContext: { runAsUser: 1337 } }]; })] },
  ],
  invalid: [
    {
      name: "the pod and a container run as 1337",
      manifests: [deployment((d) => { d.spec.template.spec.securityContext.runAsUser = 1337; d.spec.template.spec.containers[0].securityContext.runAsUser = 1337; })],
      errors: ["spec.template.spec.securityContext.runAsUser: User ID (UID) 1337 is reserved for the sidecar proxy. (IST0144)", "spec.template.spec.containers[0].securityContext.runAsUser: User ID (UID) 1337 is reserved for the sidecar proxy. (IST0144)"],
    },
    { name: "a StatefulSet's pods", manifests: [statefulSet((s) => { s.spec.template.spec.securityContext.runAsUser = 1337; })], errors: ["spec.template.spec.securityContext.runAsUser: User ID (UID) 1337 is reserved for the sidecar proxy. (IST0144)"] },
  ],
});
