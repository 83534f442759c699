import type { EnvironmentSpec, PlatformDefinition, ServiceSpec, Sourced, TenantSpec } from "@cloudlab/model";
import { parse } from "yaml";
import type { RenderedFile } from "../src/index.ts";

/**
 * A small fixture platform, built in memory (tests never import apps/platform): tenants `shop` and `storefront`, an
 * autoscaled gRPC service `checkout`, a fixed-size HTTP service `web`, a stateful `cache` with storage, and the four
 * environments dev, staging, prod-us-west-2 (primary) and prod-us-east-1 (DR, with a lower floor for checkout).
 */

/** The environments, in the order every report lists them. */
export const ENVIRONMENTS = ["dev", "staging", "prod-us-west-2", "prod-us-east-1"] as const;

// The service specs and the Sourced wrappers are the constructs tests' own: one fixture, two packages' tests.
export { cacheSpec, checkoutSpec, serviceFile, sourcedEnvironment, sourcedService, sourcedTenant, webSpec } from "../../constructs/test/fixtures.ts";
import { cacheSpec, checkoutSpec, sourcedEnvironment, sourcedService, sourcedTenant, webSpec } from "../../constructs/test/fixtures.ts";

export function fixtureTenants(): Sourced<TenantSpec>[] {
  return [
    sourcedTenant({ name: "shop", team: "shop-team", description: "The shop's back end." }),
    sourcedTenant({ name: "storefront", team: "web-team" }),
  ];
}

/** The DR environment's overrides: checkout keeps a floor of 2 there. */
export const DR_OVERRIDES: NonNullable<EnvironmentSpec["overrides"]> = { checkout: { autoscaling: { minReplicas: 2 } } };

/** dev, staging, prod primary, prod DR (with the given overrides, by default {@link DR_OVERRIDES}). */
export function fixtureEnvironments(drOverrides: EnvironmentSpec["overrides"] = DR_OVERRIDES): Sourced<EnvironmentSpec>[] {
  return [
    sourcedEnvironment({ name: "dev", stage: "dev", cluster: { name: "dev-us-west-2", provider: "eks", region: "us-west-2" } }),
    sourcedEnvironment({ name: "staging", stage: "staging", cluster: { name: "staging-us-west-2", provider: "eks", region: "us-west-2" } }),
    sourcedEnvironment({
      name: "prod-us-west-2",
      stage: "prod",
      cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2", role: "primary" },
    }),
    sourcedEnvironment({
      name: "prod-us-east-1",
      stage: "prod",
      cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role: "dr" },
      ...(drOverrides === undefined ? {} : { overrides: drOverrides }),
    }),
  ];
}

/** The fixture platform: checkout, web and cache in the four environments. */
export function fixturePlatform(changes: Partial<PlatformDefinition> = {}): PlatformDefinition {
  return {
    tenants: fixtureTenants(),
    services: [sourcedService(checkoutSpec()), sourcedService(webSpec()), sourcedService(cacheSpec())],
    environments: fixtureEnvironments(),
    ...changes,
  };
}

/** A parsed Kubernetes manifest, loosely typed for assertions. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string> };
  readonly spec?: Record<string, any>;
  readonly [key: string]: unknown;
}

/** The content of the file at `path`; throws when there is none. */
export function fileAt(files: readonly RenderedFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no rendered file ${path} (have: ${files.map((f) => f.path).join(", ")})`);
  return file.content;
}

/** The parsed manifest at `path`. */
export function manifestAt(files: readonly RenderedFile[], path: string): Manifest {
  return parse(fileAt(files, path)) as Manifest;
}

/** The rendered files under a folder, e.g. `dev/shop/checkout/`. */
export function filesUnder(files: readonly RenderedFile[], folder: string): RenderedFile[] {
  return files.filter((f) => f.path.startsWith(folder));
}
