import { podSecurityContext } from "../../../../src/rules/apiserver/pod/pod-security-context.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const S = `${SPEC}.securityContext`;
const context = (securityContext: object, extra: object = {}) => [withSpec((s) => { s.securityContext = securityContext; Object.assign(s, extra); })];

ruleTable(podSecurityContext, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "IDs in range, root included", manifests: context({ runAsUser: 0, runAsGroup: 2147483647, fsGroup: 2000, supplementalGroups: [0, 1000], fsGroupChangePolicy: "OnRootMismatch" }) },
    { name: "shareProcessNamespace without hostPID", manifests: context({ runAsNonRoot: true }, { shareProcessNamespace: true, hostPID: false }) },
    { name: "Windows options with a domain user", manifests: context({ windowsOptions: { runAsUserName: "CONTOSO\\svc-web", gmsaCredentialSpecName: "web-gmsa" } }) },
  ],
  invalid: [
    { name: "a negative runAsUser", manifests: context({ runAsUser: -1 }), errors: [`${S}.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive`] },
    { name: "an fsGroup over 2^31-1", manifests: context({ fsGroup: 2147483648 }), errors: [`${S}.fsGroup: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive`] },
    { name: "a negative supplemental group", manifests: context({ supplementalGroups: [1000, -5] }), errors: [`${S}.supplementalGroups[1]: Invalid value: -5: must be between 0 and 2147483647, inclusive`] },
    { name: "shareProcessNamespace with hostPID (reported in securityContext)", manifests: context({}, { shareProcessNamespace: true, hostPID: true }), errors: [`${S}.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled`] },
    { name: "a Windows user name with two backslashes", manifests: context({ windowsOptions: { runAsUserName: "A\\B\\C" } }), errors: [`${S}.windowsOptions.runAsUserName: Invalid value: "A\\\\B\\\\C": runAsUserName cannot contain more than one backslash`] },
    { name: "an empty GMSA credential spec", manifests: context({ windowsOptions: { gmsaCredentialSpec: "" } }), errors: [`${S}.windowsOptions.gmsaCredentialSpec: Invalid value: "": gmsaCredentialSpec cannot be an empty string`] },
  ],
});
