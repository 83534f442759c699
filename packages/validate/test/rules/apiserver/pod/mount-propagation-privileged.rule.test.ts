import { mountPropagationPrivileged } from "../../../../src/rules/apiserver/pod/mount-propagation-privileged.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, daemonSet, withSpec } from "./pod-fixtures.ts";

const mounting = (propagation: string, privileged?: boolean) =>
  withSpec((s) => {
    s.volumes = [{ name: "host", hostPath: { path: "/var/lib/kubelet" } }];
    s.containers[0].volumeMounts = [{ name: "host", mountPath: "/var/lib/kubelet", mountPropagation: propagation }];
    if (privileged !== undefined) s.containers[0].securityContext = { privileged };
  });

ruleTable(mountPropagationPrivileged, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "HostToContainer in an unprivileged container", manifests: [mounting("HostToContainer")] },
    { name: "None", manifests: [mounting("None", false)] },
    { name: "Bidirectional in a privileged container", manifests: [mounting("Bidirectional", true)] },
  ],
  invalid: [
    {
      name: "Bidirectional in an unprivileged container (reported without the mount's index)",
      manifests: [mounting("Bidirectional")],
      errors: [`${SPEC}.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers`],
    },
    {
      name: "Bidirectional with privileged: false in a DaemonSet",
      manifests: [daemonSet((s) => { s.volumes = [{ name: "host", hostPath: { path: "/mnt" } }]; s.containers[0].volumeMounts = [{ name: "host", mountPath: "/mnt", mountPropagation: "Bidirectional" }]; s.containers[0].securityContext = { privileged: false }; })],
      errors: [`${SPEC}.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers`],
    },
  ],
});
