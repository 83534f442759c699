import { DEFAULT_EGRESS_PORT } from "../resolve-service.ts";
import { egressEntryName, MAX_OBJECT_NAME_LENGTH } from "../egress-entry-name.ts";
import { joinPath, type FieldProblem } from "../field-problem.ts";
import type { ServiceCheck } from "./service-check.ts";

/** Name suffixes that resolve inside the cluster: such a host is a service of the mesh (declare it in `calls`). */
const CLUSTER_SUFFIXES = [".svc", ".local"];

/** Ports the Istio sidecar itself listens on (or uses for its own traffic) in every pod. */
const SIDECAR_PORTS: ReadonlySet<number> = new Set([15000, 15001, 15004, 15006, 15008, 15009, 15020, 15021, 15053, 15090]);

export const egressHosts: ServiceCheck = {
  id: "service/egress-hosts",
  description:
    "External egress names each host and port once, names a host outside the cluster, avoids the sidecar's own ports, and keeps the ServiceEntry name within 253 characters.",
  check({ name, egress = [] }) {
    const problems: FieldProblem[] = [];
    const seen = new Map<string, number>();
    for (const [index, entry] of egress.entries()) {
      const path = joinPath("egress", index);
      const port = entry.port ?? DEFAULT_EGRESS_PORT;
      const key = `${entry.host}:${port}`;
      const first = seen.get(key);
      if (first !== undefined) problems.push({ path, message: `${key} is already declared by egress[${first}]` });
      else seen.set(key, index);
      const suffix = CLUSTER_SUFFIXES.find((s) => entry.host.endsWith(s));
      if (suffix !== undefined) {
        problems.push({ path: joinPath(path, "host"), message: `"${entry.host}" is a cluster-internal name (*${suffix}); declare a service of the mesh in calls` });
      }
      if (SIDECAR_PORTS.has(port)) problems.push({ path: joinPath(path, "port"), message: `${port} is a port of the Istio sidecar itself` });
      const entryName = egressEntryName(name, entry.host);
      if (entryName.length > MAX_OBJECT_NAME_LENGTH) {
        problems.push({
          path: joinPath(path, "host"),
          message: `"${entry.host}" makes the ServiceEntry name ${entryName.length} characters long (at most ${MAX_OBJECT_NAME_LENGTH})`,
        });
      }
    }
    return problems;
  },
};
