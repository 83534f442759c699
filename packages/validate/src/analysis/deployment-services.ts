import type { ManifestObject } from "../manifest-object.ts";
import { mapSelects } from "../support/label-selector.ts";
import { asStringMap, at } from "../support/values.ts";
import { namespaceOf } from "./environment-index.ts";
import { meshPods, namespaceLabels, podInMesh, pushTo } from "./workload-selection.ts";

/** A Service selecting a Deployment's pods, with its `namespace/name`. */
export interface SelectingService {
  readonly object: ManifestObject;
  readonly fullName: string;
}

const cache = new WeakMap<readonly ManifestObject[], { deployment: ManifestObject; services: SelectingService[] }[]>();

/**
 * istioctl's `deployment.ServiceAssociationAnalyzer` inputs: each in-mesh Deployment (not a waypoint) with the Services
 * of its namespace whose non-empty selector matches its pod template's labels (built once per array).
 */
export function meshServicesOf(objects: readonly ManifestObject[]): readonly { deployment: ManifestObject; services: readonly SelectingService[] }[] {
  let out = cache.get(objects);
  if (out === undefined) {
    // Each namespace's Services with a non-empty selector, the selector read once.
    const services = new Map<string, { service: SelectingService; selector: Readonly<Record<string, string>> }[]>();
    for (const object of objects) {
      if (object.kind !== "Service" || object.apiVersion !== "v1") continue;
      const selector = asStringMap(at(object.object, "spec", "selector"));
      if (Object.keys(selector).length === 0) continue;
      const namespace = namespaceOf(object) ?? "default";
      pushTo(services, namespace, { service: { object, fullName: `${namespace}/${object.name}` }, selector });
    }
    const namespaces = namespaceLabels(objects);
    out = [];
    for (const pod of meshPods(objects)) {
      const deployment = pod.object;
      if (deployment === undefined || deployment.kind !== "Deployment" || deployment.apiVersion !== "apps/v1") continue;
      if (at(deployment.object, "metadata", "labels", "gateway.istio.io/managed") === "istio.io-mesh-controller" || !podInMesh(pod, namespaces)) continue;
      const selecting = (services.get(pod.namespace) ?? []).filter(({ selector }) => mapSelects(selector, pod.labels)).map(({ service }) => service);
      if (selecting.length > 0) out.push({ deployment, services: selecting });
    }
    cache.set(objects, out);
  }
  return out;
}
