import { hostFqdn, namespaceOf } from "../../../analysis/environment-index.ts";
import { gatewaysOf, isVirtualService } from "../../../analysis/virtual-service-destinations.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import type { FieldPath } from "../../../field-path.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, at } from "../../../support/values.ts";

/** istioctl's IST0109: two VirtualServices bound to the `mesh` gateway must not claim the same host. */
export const virtualServiceHostConflict: GroupRule = {
  id: "virtual-service-host-conflict",
  category: "analysis",
  scope: "group",
  severity: "error",
  description: "No two VirtualServices bound to the mesh gateway declare the same host (istioctl IST0109).",
  upstreamMessage:
    "Error [IST0109] (VirtualService default/a) The VirtualServices default/a,default/b associated with mesh gateway define the same host */reviews.default.svc.cluster.local which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.",
  check(objects) {
    const claims = new Map<string, { object: ManifestObject; path: FieldPath }[]>();
    for (const object of objects.filter(isVirtualService)) {
      if (!gatewaysOf(object).some((g) => g.gateway === "mesh") || at(object.object, "spec", "delegate") !== undefined) continue;
      const namespace = namespaceOf(object) ?? "default";
      asArray(at(object.object, "spec", "hosts")).forEach((host, i) => {
        if (typeof host !== "string") return;
        const fqdn = hostFqdn(host, namespace);
        claims.set(fqdn, [...(claims.get(fqdn) ?? []), { object, path: ["spec", "hosts", i] }]);
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
          message: `The VirtualServices ${names.join(",")} associated with mesh gateway define the same host */${host} which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource. (IST0109)`,
        });
      }
    }
    return problems;
  },
};
