import { probeTerminationGracePeriod } from "../../../../src/rules/apiserver/container/probe-termination-grace-period.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { withContainer } from "./helpers.ts";

ruleTable(probeTerminationGracePeriod, {
  valid: [
    { name: "unset everywhere", manifests: [deployment()] },
    { name: "set on liveness and startup probes", manifests: [withContainer((c) => { c.livenessProbe.terminationGracePeriodSeconds = 10; c.startupProbe = { tcpSocket: { port: 8080 }, terminationGracePeriodSeconds: 1 }; })] },
  ],
  invalid: [
    { name: "set on a readiness probe", manifests: [withContainer((c) => { c.readinessProbe.terminationGracePeriodSeconds = 10; })], errors: ["spec.template.spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes"] },
    { name: "0 on a liveness probe", manifests: [withContainer((c) => { c.livenessProbe.terminationGracePeriodSeconds = 0; })], errors: ["spec.template.spec.containers[0].livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0"] },
    {
      name: "negative on a readiness probe: both findings",
      manifests: [withContainer((c) => { c.readinessProbe.terminationGracePeriodSeconds = -1; })],
      errors: [
        "spec.template.spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: -1: must be greater than 0",
        "spec.template.spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: -1: must not be set for readinessProbes",
      ],
    },
  ],
});
