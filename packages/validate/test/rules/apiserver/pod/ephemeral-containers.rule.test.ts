import { ephemeralContainers } from "../../../../src/rules/apiserver/pod/ephemeral-containers.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, pod, withSpec } from "./pod-fixtures.ts";

const debug = { name: "debug", image: "busybox:1.36", targetContainerName: "web" };

ruleTable(ephemeralContainers, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "a pod without ephemeral containers", manifests: [pod()] },
    { name: "an empty list", manifests: [withSpec((s) => { s.ephemeralContainers = []; })] },
  ],
  invalid: [
    { name: "a template with an ephemeral container", manifests: [withSpec((s) => { s.ephemeralContainers = [debug]; })], errors: [`${SPEC}.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template`] },
    { name: "a Pod created with an ephemeral container", manifests: [pod((s) => { s.ephemeralContainers = [debug]; })], errors: ["spec.ephemeralContainers: Forbidden: cannot be set on create"] },
  ],
});
