import type { Manifest } from "../rendered-object.ts";
import { listItemKey } from "../list-item-key.ts";
import { at, deltaId, list } from "./manifest-fields.ts";
import type { RiskFinding, RiskRule } from "./risk-rule.ts";

/** The weight of each destination of each HTTP route: route name (or index) → destination subset (or host) → percent. */
function weights(manifest: Manifest | undefined): Map<string, Map<string, number>> {
  const routes = new Map<string, Map<string, number>>();
  for (const [index, route] of list(at(manifest, "spec", "http")).entries()) {
    const name = at(route, "name");
    const destinations = list(at(route, "route"));
    const byDestination = new Map<string, number>();
    for (const destination of destinations) {
      const key = listItemKey(destination) ?? "(unnamed)";
      const weight = at(destination, "weight");
      // A lone destination without a weight takes all the traffic; several without weights: Istio requires weights.
      byDestination.set(key, typeof weight === "number" ? weight : destinations.length === 1 ? 100 : 0);
    }
    routes.set(typeof name === "string" ? name : `#${index}`, byDestination);
  }
  return routes;
}

/**
 * A canary step too large: a VirtualService route whose share for one destination moves by more than the allowed
 * step (`--max-weight-step`, default 25 points). A new destination starts from 0, a removed one ends at 0. Only
 * existing VirtualServices: a new service takes no traffic before it is deployed.
 */
export const canaryWeightStep: RiskRule = {
  id: "canary-weight-step",
  description: "A route's traffic weight for one version moves by more than the allowed step.",
  check: ({ environments, settings }) => {
    const out: RiskFinding[] = [];
    for (const { environment, deltas } of environments) {
      for (const delta of deltas) {
        if (delta.change !== "changed" || delta.object.kind !== "VirtualService") continue;
        const before = weights(delta.before);
        for (const [route, after] of weights(delta.after)) {
          const old = before.get(route);
          if (old === undefined) continue;
          for (const destination of new Set([...old.keys(), ...after.keys()])) {
            const from = old.get(destination) ?? 0;
            const to = after.get(destination) ?? 0;
            const step = Math.abs(to - from);
            if (step <= settings.maxWeightStep) continue;
            out.push({
              environment: environment.name,
              object: deltaId(delta),
              reason: `route ${route}: ${destination} weight ${from} → ${to} (a step of ${step} > ${settings.maxWeightStep})`,
            });
          }
        }
      }
    }
    return out;
  },
};
