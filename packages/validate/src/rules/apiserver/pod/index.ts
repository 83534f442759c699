import type { Rule } from "../../../rule.ts";
import { activeDeadlineSeconds } from "./active-deadline-seconds.rule.ts";
import { dnsConfig } from "./dns-config.rule.ts";
import { ephemeralContainers } from "./ephemeral-containers.rule.ts";
import { ephemeralVolume } from "./ephemeral-volume.rule.ts";
import { hostAliases } from "./host-aliases.rule.ts";
import { hostNetworkPorts } from "./host-network-ports.rule.ts";
import { mountPropagationPrivileged } from "./mount-propagation-privileged.rule.ts";
import { nodeAffinity } from "./node-affinity.rule.ts";
import { nodeSelector } from "./node-selector.rule.ts";
import { podAffinity } from "./pod-affinity.rule.ts";
import { podHostname } from "./pod-hostname.rule.ts";
import { podObjectNames } from "./pod-object-names.rule.ts";
import { podOs } from "./pod-os.rule.ts";
import { podOverhead } from "./pod-overhead.rule.ts";
import { podSeccompProfile } from "./pod-seccomp-profile.rule.ts";
import { podSecurityContext } from "./pod-security-context.rule.ts";
import { podSysctls } from "./pod-sysctls.rule.ts";
import { readinessGates } from "./readiness-gates.rule.ts";
import { schedulingGates } from "./scheduling-gates.rule.ts";
import { tolerations } from "./tolerations.rule.ts";
import { topologySpreadConstraints } from "./topology-spread-constraints.rule.ts";
import { volumeDevice } from "./volume-device.rule.ts";
import { volumeItems } from "./volume-items.rule.ts";
import { volumeMountPath } from "./volume-mount-path.rule.ts";
import { volumeMountVolume } from "./volume-mount-volume.rule.ts";
import { volumeName } from "./volume-name.rule.ts";
import { volumeSource } from "./volume-source.rule.ts";
import { windowsHostProcess } from "./windows-host-process.rule.ts";

/** The rules of `rules/apiserver/pod/`, in the order they run (ValidatePodSpec's order: volumes, containers' mounts, then the pod fields). */
export const APISERVER_POD_RULES: readonly Rule[] = [
  volumeSource,
  volumeItems,
  ephemeralVolume,
  volumeName,
  volumeMountVolume,
  volumeMountPath,
  volumeDevice,
  mountPropagationPrivileged,
  hostNetworkPorts,
  nodeSelector,
  podSecurityContext,
  podSysctls,
  podSeccompProfile,
  nodeAffinity,
  podAffinity,
  dnsConfig,
  readinessGates,
  schedulingGates,
  topologySpreadConstraints,
  windowsHostProcess,
  podObjectNames,
  activeDeadlineSeconds,
  podHostname,
  tolerations,
  hostAliases,
  podOverhead,
  podOs,
  ephemeralContainers,
];
