import type { ResolvedProbe } from "@cloudlab/model";
import type { IIoK8sApiCoreV1Probe } from "kubernetes-models/v1/Probe";

/** A Kubernetes probe from a resolved probe spec; timings are written out so the file says what the cluster does. */
export function buildProbe(probe: ResolvedProbe): IIoK8sApiCoreV1Probe {
  const timing = {
    initialDelaySeconds: probe.initialDelaySeconds,
    periodSeconds: probe.periodSeconds,
    timeoutSeconds: probe.timeoutSeconds,
    failureThreshold: probe.failureThreshold,
    successThreshold: 1,
  };
  if (probe.http !== undefined) {
    const headers = Object.entries(probe.http.headers ?? {}).map(([name, value]) => ({ name, value }));
    return {
      ...timing,
      httpGet: { path: probe.http.path, port: probe.http.port, ...(headers.length > 0 ? { httpHeaders: headers } : {}) },
    };
  }
  if (probe.grpc !== undefined) {
    return { ...timing, grpc: { port: probe.grpc.port, ...(probe.grpc.service === undefined ? {} : { service: probe.grpc.service }) } };
  }
  return { ...timing, tcpSocket: { port: probe.tcp!.port } };
}
