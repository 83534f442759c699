import type { ManifestObject } from "../manifest-object.ts";
import { asNumber, at } from "../support/values.ts";
import { destinationsOf, type DestinationAt } from "./virtual-service-destinations.ts";

/** A VirtualService destination with what the host checks need: whether it is a mirror, and its port. */
export interface RouteDestination extends DestinationAt {
  /** `mirror` or `mirrors[]`: istioctl names these "mirror host". */
  readonly mirror: boolean;
  /** `destination.port.number`, when written. */
  readonly port?: number;
}

/** Every destination a VirtualService routes or mirrors to, with its port and whether it is a mirror. */
export function routeDestinationsOf(object: ManifestObject): RouteDestination[] {
  return destinationsOf(object).map((destination) => {
    const port = asNumber(at(object.object, ...destination.path, "port", "number"));
    const mirror = destination.path.includes("mirror") || destination.path.includes("mirrors");
    return { ...destination, mirror, ...(port === undefined ? {} : { port }) };
  });
}
