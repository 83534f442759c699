import { probesRequired } from "../../../src/rules/policy/probes-required.rule.ts";
import { deployment, statefulSet } from "../../fixtures.ts";
import { ruleTable } from "../rule-table.ts";

const job = { apiVersion: "batch/v1", kind: "Job", metadata: { name: "migrate" }, spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "m", image: "m:1" }] } } } };

ruleTable(probesRequired, {
  valid: [
    { name: "readiness and liveness", manifests: [deployment()] },
    { name: "a Job runs to completion: no probes needed", manifests: [job] },
    { name: "suppressed with a reason", manifests: [deployment((d) => { d.metadata.annotations = { "cloudlab.io/allow-probes-required": "a load generator serves nothing" }; delete d.spec.template.spec.containers[0].livenessProbe; })] },
  ],
  invalid: [
    { name: "no liveness probe", manifests: [deployment((d) => { delete d.spec.template.spec.containers[0].livenessProbe; })], errors: ['spec.template.spec.containers[0].livenessProbe: Required value: container "web" must set livenessProbe'] },
    { name: "neither, in a StatefulSet", manifests: [statefulSet((s) => { delete s.spec.template.spec.containers[0].livenessProbe; delete s.spec.template.spec.containers[0].readinessProbe; })], errors: ['spec.template.spec.containers[0].readinessProbe: Required value: container "db" must set readinessProbe and livenessProbe'] },
  ],
});
