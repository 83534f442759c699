import { EXPORT_TO_ALL, exportToOf } from "../../analysis/export-to.ts";
import { isServiceEntry } from "../../analysis/host-resolution.ts";
import { meshConfigs } from "../../analysis/mesh-config.ts";
import type { GroupProblem, GroupRule } from "../../rule.ts";
import { asArray, asString, at } from "../../support/values.ts";

/** Whether the mesh's default export scope (`defaultServiceExportTo`, Istio's default `*`) is every namespace. */
function meshExportsToAll(configs: readonly unknown[]): boolean {
  const defaults = configs.map((mesh) => exportToOf(at(mesh, "defaultServiceExportTo"))).filter((list) => list.length > 0);
  return defaults.length === 0 || defaults.some((list) => list.includes(EXPORT_TO_ALL));
}

/**
 * A ServiceEntry of hosts outside the mesh (MESH_EXTERNAL, Istio's default location) is visible only where it is
 * needed: exported to every namespace (`*`, or no `exportTo` while the mesh's `defaultServiceExportTo` is every
 * namespace), it lets any workload of the mesh reach its hosts past REGISTRY_ONLY. A warning: a platform-wide entry
 * can be meant (suppress it on the object with the reason).
 */
export const externalServiceEntryScoped: GroupRule = {
  id: "external-service-entry-scoped",
  category: "policy",
  scope: "group",
  severity: "warning",
  description: "A ServiceEntry of external hosts is not exported to every namespace (export it to its own, `.`).",
  check(objects) {
    const problems: GroupProblem[] = [];
    let meshDefaultAll: boolean | undefined;
    for (const object of objects) {
      if (!isServiceEntry(object)) continue;
      const location = asString(at(object.object, "spec", "location")) ?? "MESH_EXTERNAL";
      if (location !== "MESH_EXTERNAL") continue;
      const exportTo = exportToOf(at(object.object, "spec", "exportTo"));
      const hosts = asArray(at(object.object, "spec", "hosts")).filter((h): h is string => typeof h === "string").join(", ");
      if (exportTo.includes(EXPORT_TO_ALL)) {
        problems.push({ object, path: ["spec", "exportTo", exportTo.indexOf(EXPORT_TO_ALL)], message: `exported to every namespace: any workload of the mesh may reach ${hosts}; export it to its own namespace (".")` });
      } else if (exportTo.length === 0 && (meshDefaultAll ??= meshExportsToAll(meshConfigs(objects)))) {
        problems.push({ object, path: ["spec"], message: `no exportTo, so the mesh's default (every namespace) applies: any workload of the mesh may reach ${hosts}; export it to its own namespace (".")` });
      }
    }
    return problems;
  },
};
