import type { EnvVarSpec, ResolvedService, ResolvedVersion } from "@cloudlab/model";
import type { IIoK8sApiCoreV1Container } from "kubernetes-models/v1/Container";
import type { IIoK8sApiCoreV1EnvVar } from "kubernetes-models/v1/EnvVar";
import { buildProbe } from "./probe.ts";
import { buildContainerSecurityContext } from "./security-context.ts";
import { DATA_VOLUME, writableVolumes } from "./writable-volumes.ts";

function buildEnvVar(variable: EnvVarSpec): IIoK8sApiCoreV1EnvVar {
  if (variable.value !== undefined) return { name: variable.name, value: variable.value };
  if (variable.secretKeyRef !== undefined) return { name: variable.name, valueFrom: { secretKeyRef: { ...variable.secretKeyRef } } };
  if (variable.configMapKeyRef !== undefined) return { name: variable.name, valueFrom: { configMapKeyRef: { ...variable.configMapKeyRef } } };
  return { name: variable.name, valueFrom: { fieldRef: { fieldPath: variable.fieldPath! } } };
}

/** The service's container for one version: image, ports, env, resources and probes from the resolved spec. */
export function buildContainer(service: ResolvedService, version: ResolvedVersion = service.versions[0]!): IIoK8sApiCoreV1Container {
  const container: IIoK8sApiCoreV1Container = {
    name: service.containerName,
    image: version.image,
    imagePullPolicy: "IfNotPresent",
    resources: {
      requests: { cpu: service.resources.requests.cpu, memory: service.resources.requests.memory },
      limits: { cpu: service.resources.limits.cpu, memory: service.resources.limits.memory },
    },
  };
  if (service.ports.length > 0) {
    container.ports = service.ports.map((p) => ({ name: p.name, containerPort: p.targetPort, protocol: "TCP" }));
  }
  if (service.env.length > 0) container.env = service.env.map(buildEnvVar);
  if (service.probes !== undefined) {
    container.readinessProbe = buildProbe(service.probes.readiness);
    container.livenessProbe = buildProbe(service.probes.liveness);
    if (service.probes.startup !== undefined) container.startupProbe = buildProbe(service.probes.startup);
  }
  const mounts = [
    ...(service.storage === undefined ? [] : [{ name: DATA_VOLUME, mountPath: service.storage.mountPath }]),
    ...writableVolumes(service),
  ];
  if (mounts.length > 0) container.volumeMounts = mounts;
  if (service.preStopSleepSeconds !== undefined) {
    container.lifecycle = { preStop: { exec: { command: ["sleep", String(service.preStopSleepSeconds)] } } };
  }
  container.securityContext = buildContainerSecurityContext(service);
  return container;
}
