import type { EnvironmentModel, PlatformDefinition } from "@cloudlab/model";
import {
  cacheSpec,
  checkoutSpec,
  cloudLabSpec,
  fixtureEnvironments,
  modelOf,
  sourcedService,
  TENANTS,
  webSpec,
} from "../../../constructs/test/fixtures.ts";
import { sourcedTenant } from "../../../constructs/test/fixtures.ts";

/**
 * The graph tests' platform: storefront/web (public at shop.example.com, calls shop/checkout across tenants), shop/
 * checkout (accepts only PlaceOrder from web, calls the stateful shop/cache), and cloud-lab/cloud-lab-service with a
 * v1 90 / v2 10 canary, called by nobody.
 */
export function graphPlatform(changes: Partial<PlatformDefinition> = {}): PlatformDefinition {
  return {
    tenants: [...TENANTS, sourcedTenant({ name: "cloud-lab", team: "cloud-lab" })],
    services: [
      sourcedService(checkoutSpec({ accepts: [{ from: ["storefront/web"], paths: ["/checkout.v1.Checkout/PlaceOrder"], methods: ["POST"] }] })),
      sourcedService(webSpec({ ingress: { hosts: ["shop.example.com"] } })),
      sourcedService(cacheSpec()),
      sourcedService(cloudLabSpec()),
    ],
    environments: fixtureEnvironments(),
    ...changes,
  };
}

/** One environment's model of {@link graphPlatform} (or of the given platform). */
export function graphModel(environment = "prod-us-west-2", definition: PlatformDefinition = graphPlatform()): EnvironmentModel {
  return modelOf(environment, definition);
}
