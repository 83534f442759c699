/**
 * What the kube-apiserver's container validation depends on besides the container: the Kubernetes version's
 * default feature gates, and which containers have their probes and lifecycle hooks validated.
 */
import type { FieldPath } from "../field-path.ts";
import { compareMinor, type TargetVersions } from "../versions/target-versions.ts";
import { containersOf, type ContainerAt } from "./pod-spec.ts";
import type { PlainObject } from "./values.ts";

/** Whether the SidecarContainers feature gate is on by default (beta from Kubernetes 1.29; alpha, off, in 1.28). */
export function sidecarContainersEnabled(versions: TargetVersions): boolean {
  return compareMinor(versions.kubernetes, "1.29") >= 0;
}

/** Whether the PodHostIPs feature gate is on by default (beta from 1.29), which lets env vars read `status.hostIPs`. */
export function podHostIPsEnabled(versions: TargetVersions): boolean {
  return compareMinor(versions.kubernetes, "1.29") >= 0;
}

/**
 * Whether an init container is a restartable ("sidecar") one: `restartPolicy: Always` with the SidecarContainers gate
 * on. With the gate off the apiserver drops the field, so the container is an ordinary init container.
 */
export function isRestartableInitContainer(container: PlainObject, versions: TargetVersions): boolean {
  return sidecarContainersEnabled(versions) && container.restartPolicy === "Always";
}

/**
 * The containers whose probes and lifecycle hooks the apiserver validates: the regular containers and the
 * restartable init containers (on other init containers and on ephemeral containers those fields are forbidden).
 */
export function probedContainersOf(spec: PlainObject, specPath: FieldPath, versions: TargetVersions): ContainerAt[] {
  return containersOf(spec, specPath, ["initContainers", "containers"]).filter((c) => c.list === "containers" || isRestartableInitContainer(c.container, versions));
}
