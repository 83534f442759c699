import { namespaceOf } from "../../../analysis/environment-index.ts";
import { EXPORT_TO_ALL, exportScopes, exportToOf } from "../../../analysis/export-to.ts";
import { isServiceEntry } from "../../../analysis/host-resolution.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, asNumber, asObject, asString, at } from "../../../support/values.ts";

interface PortClaim {
  readonly object: ManifestObject;
  readonly protocol: string;
}

/**
 * istioctl's IST0177 (`serviceentry.ConflictingServiceEntryProtocolAnalyzer`): ServiceEntries visible in the same
 * namespace do not define the same host and port with different protocols (compared case-insensitively; an unset
 * protocol is one of its own). Entries exported to a namespace are compared with those exported to all. Each
 * ServiceEntry is reported once, at its name.
 */
export const serviceEntryProtocolConflict: GroupRule = {
  id: "service-entry-protocol-conflict",
  category: "analysis",
  scope: "group",
  code: "IST0177",
  severity: "warning",
  description: "ServiceEntries visible in the same namespace give the same host and port the same protocol (istioctl IST0177).",
  upstreamMessage:
    'Warning [IST0177] (ServiceEntry default/api-http) Multiple ServiceEntries (default/api-http, default/api-tls) define the same host "api.example.com" and port 443 with conflicting protocols (HTTP, TLS).',
  check(objects) {
    const claims = new Map<string, PortClaim[]>();
    const keys: { scope: string; host: string; port: number }[] = [];
    for (const object of objects) {
      if (!isServiceEntry(object)) continue;
      const namespace = namespaceOf(object) ?? "default";
      for (const scope of exportScopes(exportToOf(at(object.object, "spec", "exportTo")), namespace)) {
        for (const host of asArray(at(object.object, "spec", "hosts"))) {
          if (typeof host !== "string") continue;
          for (const item of asArray(at(object.object, "spec", "ports"))) {
            const port = asNumber(asObject(item)?.number);
            if (port === undefined) continue;
            const key = `${scope}\u0000${host}\u0000${port}`;
            if (!claims.has(key)) keys.push({ scope, host, port });
            claims.set(key, [...(claims.get(key) ?? []), { object, protocol: asString(asObject(item)?.protocol) ?? "" }]);
          }
        }
      }
    }
    const reported = new Set<ManifestObject>();
    const problems: GroupProblem[] = [];
    for (const { scope, host, port } of keys) {
      const entries = [...(claims.get(`${scope}\u0000${host}\u0000${port}`) ?? [])];
      if (scope !== EXPORT_TO_ALL) entries.push(...(claims.get(`${EXPORT_TO_ALL}\u0000${host}\u0000${port}`) ?? []));
      const protocols = [...new Set(entries.map((e) => e.protocol.toUpperCase()))].sort();
      if (protocols.length < 2) continue;
      const names = [...new Set(entries.map((e) => `${namespaceOf(e.object) ?? "default"}/${e.object.name}`))].sort();
      for (const { object } of entries) {
        if (reported.has(object)) continue;
        reported.add(object);
        problems.push({
          object,
          path: ["metadata", "name"],
          message: `Multiple ServiceEntries (${names.join(", ")}) define the same host "${host}" and port ${port} with conflicting protocols (${protocols.join(", ")}). (IST0177)`,
        });
      }
    }
    return problems;
  },
};
