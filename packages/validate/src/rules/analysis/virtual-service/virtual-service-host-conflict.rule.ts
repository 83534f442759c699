import { namespaceOf } from "../../../analysis/environment-index.ts";
import { exportScopes, exportToOf } from "../../../analysis/export-to.ts";
import { bindsMeshGateway } from "../../../analysis/gateway-references.ts";
import { istioHostFqdn } from "../../../analysis/host-resolution.ts";
import { isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import type { FieldPath } from "../../../field-path.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, at } from "../../../support/values.ts";

/**
 * istioctl's IST0109 (`virtualservice.ConflictingMeshGatewayHostsAnalyzer`): two VirtualServices bound to the `mesh`
 * gateway (no `gateways`, or `mesh` among them) do not claim the same host in the same scope. The scope is `*` for a
 * VirtualService exported to all namespaces (no `exportTo`, or `*` in it), else each namespace it is exported to; a
 * short host is qualified with the VirtualService's namespace. VirtualServices bound to ingress gateways only are merged
 * by Istio and never conflict.
 */
export const virtualServiceHostConflict: GroupRule = {
  id: "virtual-service-host-conflict",
  category: "analysis",
  scope: "group",
  code: "IST0109",
  severity: "error",
  description: "No two VirtualServices bound to the mesh gateway and visible in the same namespaces declare the same host (istioctl IST0109).",
  upstreamMessage:
    "Error [IST0109] (VirtualService default/a) The VirtualServices default/a,default/b associated with mesh gateway define the same host */reviews.default.svc.cluster.local which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.",
  check(objects) {
    const claims = new Map<string, { object: ManifestObject; path: FieldPath }[]>();
    for (const object of objects) {
      if (!isVirtualService(object) || !bindsMeshGateway(object)) continue;
      const namespace = namespaceOf(object) ?? "default";
      const scopes = exportScopes(exportToOf(at(object.object, "spec", "exportTo")), namespace);
      asArray(at(object.object, "spec", "hosts")).forEach((host, i) => {
        if (typeof host !== "string") return;
        for (const scope of scopes) {
          const scoped = `${scope}/${istioHostFqdn(namespace, host)}`;
          claims.set(scoped, [...(claims.get(scoped) ?? []), { object, path: ["spec", "hosts", i] }]);
        }
      });
    }
    const problems: GroupProblem[] = [];
    for (const [host, claimants] of claims) {
      const names = [...new Set(claimants.map((c) => `${namespaceOf(c.object) ?? "default"}/${c.object.name}`))].sort();
      if (names.length < 2) continue;
      for (const { object, path } of claimants) {
        problems.push({
          object,
          path,
          message: `The VirtualServices ${names.join(",")} associated with mesh gateway define the same host ${host} which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource. (IST0109)`,
        });
      }
    }
    return problems;
  },
};
