import { joinPath, type FieldProblem } from "../field-problem.ts";
import type { ProbeSpec, ServiceSpec } from "../spec/service-spec.ts";
import type { ServiceCheck } from "./service-check.ts";

const HANDLERS = ["http", "grpc", "tcp"] as const;

function checkProbe(service: ServiceSpec, probe: ProbeSpec, path: string): FieldProblem[] {
  const set = HANDLERS.filter((h) => probe[h] !== undefined);
  if (set.length !== 1) {
    const found = set.length === 0 ? "none" : set.join(", ");
    return [{ path, message: `set exactly one of http, grpc, tcp (found ${found})` }];
  }
  const handler = set[0]!;
  const port = probe[handler]!.port;
  const ports = service.ports ?? [];
  const known = typeof port === "string" ? ports.some((p) => p.name === port) : ports.some((p) => (p.targetPort ?? p.port) === port);
  if (known) return [];
  const what = typeof port === "string" ? `"${port}" is not the name of a port` : `${port} is not a container port`;
  const declared = ports.map((p) => (typeof port === "string" ? p.name : String(p.targetPort ?? p.port))).join(", ") || "none";
  return [{ path: joinPath(joinPath(path, handler), "port"), message: `${what} of this service (declared: ${declared})` }];
}

export const probeHandler: ServiceCheck = {
  id: "service/probe-handler",
  description: "Each probe has exactly one handler (http, grpc or tcp), aimed at a port the service declares.",
  check(service) {
    const probes = service.probes;
    if (probes === undefined) return [];
    const problems: FieldProblem[] = [];
    for (const kind of ["readiness", "liveness", "startup"] as const) {
      const probe = probes[kind];
      if (probe !== undefined) problems.push(...checkProbe(service, probe, `probes.${kind}`));
    }
    return problems;
  },
};
