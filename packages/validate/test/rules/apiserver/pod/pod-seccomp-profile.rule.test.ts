import { podSeccompProfile } from "../../../../src/rules/apiserver/pod/pod-seccomp-profile.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const P = `${SPEC}.securityContext.seccompProfile.localhostProfile`;
const profile = (seccompProfile: object) => [withSpec((s) => { s.securityContext.seccompProfile = seccompProfile; })];

ruleTable(podSeccompProfile, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "RuntimeDefault", manifests: profile({ type: "RuntimeDefault" }) },
    { name: "Localhost with a relative profile", manifests: profile({ type: "Localhost", localhostProfile: "profiles/audit.json" }) },
    { name: "Unconfined", manifests: profile({ type: "Unconfined" }) },
  ],
  invalid: [
    { name: "Localhost without a profile", manifests: profile({ type: "Localhost" }), errors: [`${P}: Required value: must be set when seccomp type is Localhost`] },
    { name: "Localhost with an absolute profile", manifests: profile({ type: "Localhost", localhostProfile: "/var/lib/kubelet/seccomp/audit.json" }), errors: [`${P}: Invalid value: "/var/lib/kubelet/seccomp/audit.json": must be a relative path`] },
    { name: "Localhost with '..'", manifests: profile({ type: "Localhost", localhostProfile: "../audit.json" }), errors: [`${P}: Invalid value: "../audit.json": must not contain '..'`] },
    {
      name: "RuntimeDefault with a localhost profile",
      manifests: profile({ type: "RuntimeDefault", localhostProfile: "audit.json" }),
      errors: [`${P}: Invalid value: {"type":"RuntimeDefault","localhostProfile":"audit.json"}: can only be set when seccomp type is Localhost`],
    },
  ],
});
