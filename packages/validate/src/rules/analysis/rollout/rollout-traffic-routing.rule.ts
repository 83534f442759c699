import { environmentIndex, namespaceOf, objectKey } from "../../../analysis/environment-index.ts";
import type { FieldPath } from "../../../field-path.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, asObject, asString, at } from "../../../support/values.ts";

/** The VirtualServices a Rollout's Istio routing names (`virtualService` or `virtualServices[]`), with their paths. */
function virtualServiceRefs(istio: unknown): { path: FieldPath; name: string | undefined; routes: readonly unknown[] }[] {
  const base: FieldPath = ["spec", "strategy", "canary", "trafficRouting", "istio"];
  const single = asObject(at(istio, "virtualService"));
  const refs = single === undefined ? [] : [{ path: [...base, "virtualService"], ref: single }];
  asArray(at(istio, "virtualServices")).forEach((item, index) => {
    const ref = asObject(item);
    if (ref !== undefined) refs.push({ path: [...base, "virtualServices", index], ref });
  });
  return refs.map(({ path, ref }) => ({ path, name: asString(ref.name), routes: asArray(ref.routes) }));
}

/** The subsets an HTTP route's destinations go to. */
function routeSubsets(route: unknown): (string | undefined)[] {
  return asArray(at(route, "route")).map((destination) => asString(at(destination, "destination", "subset")));
}

/**
 * A canary Rollout's Istio traffic routing points at what Argo Rollouts will change: each VirtualService it names
 * exists in its namespace, each route it names is an HTTP route of it (the only route when it names none) whose
 * destinations are exactly the stable and the canary subsets, and its DestinationRule exists with both subsets.
 */
export const rolloutTrafficRouting: GroupRule = {
  id: "rollout-traffic-routing",
  category: "analysis",
  scope: "group",
  severity: "error",
  description:
    "A canary Rollout's Istio routing names VirtualServices and HTTP routes of its namespace whose destinations are exactly its stable and canary subsets, and a DestinationRule that has both subsets.",
  check(objects) {
    const index = environmentIndex(objects);
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (object.kind !== "Rollout" || !object.apiVersion.startsWith("argoproj.io/")) continue;
      const istio = at(object.object, "spec", "strategy", "canary", "trafficRouting", "istio");
      if (asObject(istio) === undefined) continue;
      const namespace = namespaceOf(object) ?? "default";
      const find = (group: string, kind: string, name: string): ManifestObject | undefined => index.objects.get(objectKey(group, kind, namespace, name));
      const rule = asObject(at(istio, "destinationRule"));
      const stable = asString(rule?.stableSubsetName);
      const canary = asString(rule?.canarySubsetName);
      const ruleName = asString(rule?.name);
      if (ruleName !== undefined) {
        const path: FieldPath = ["spec", "strategy", "canary", "trafficRouting", "istio", "destinationRule"];
        const found = find("networking.istio.io", "DestinationRule", ruleName);
        if (found === undefined) {
          problems.push({ object, unresolved: true, path: [...path, "name"], message: `Referenced DestinationRule "${ruleName}" not found in namespace "${namespace}"` });
        } else {
          const subsets = new Set(asArray(at(found.object, "spec", "subsets")).map((s) => asString(at(s, "name"))));
          for (const [field, subset] of [["stableSubsetName", stable], ["canarySubsetName", canary]] as const) {
            if (subset !== undefined && !subsets.has(subset)) problems.push({ object, path: [...path, field], message: `DestinationRule "${ruleName}" has no subset "${subset}"` });
          }
        }
      }
      for (const ref of virtualServiceRefs(istio)) {
        if (ref.name === undefined) continue;
        const found = find("networking.istio.io", "VirtualService", ref.name);
        if (found === undefined) {
          problems.push({ object, unresolved: true, path: [...ref.path, "name"], message: `Referenced VirtualService "${ref.name}" not found in namespace "${namespace}"` });
          continue;
        }
        const http = asArray(at(found.object, "spec", "http"));
        const named = ref.routes.map((r) => asString(r));
        const targets: { path: FieldPath; label: string; route: unknown }[] =
          named.length === 0
            ? http.length === 1
              ? [{ path: [...ref.path, "name"], label: "its only HTTP route", route: http[0] }]
              : [{ path: [...ref.path, "name"], label: "", route: undefined }]
            : named.map((name, i) => ({ path: [...ref.path, "routes", i], label: `route "${name}"`, route: http.find((r) => asString(at(r, "name")) === name) }));
        for (const target of targets) {
          if (target.label === "") {
            problems.push({ object, path: target.path, message: `VirtualService "${ref.name}" has ${http.length} HTTP routes: name the one to shift (routes)` });
          } else if (target.route === undefined) {
            problems.push({ object, path: target.path, message: `VirtualService "${ref.name}" has no HTTP ${target.label}` });
          } else if (stable !== undefined && canary !== undefined) {
            const subsets = routeSubsets(target.route);
            if (subsets.length !== 2 || !subsets.includes(stable) || !subsets.includes(canary)) {
              problems.push({
                object,
                path: target.path,
                message: `${target.label} of VirtualService "${ref.name}" must have exactly two destinations, subsets "${stable}" and "${canary}" (found ${subsets.map((s) => `"${s ?? "none"}"`).join(", ") || "none"})`,
              });
            }
          }
        }
      }
    }
    return problems;
  },
};
