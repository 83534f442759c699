import type { CheckedEnvironment, EnvironmentsCheckContext } from "../../../src/checks/environments/index.ts";
import { resolveEnvironment, type ClusterRole, type ClusterSpec, type EnvironmentSpec, type ServiceSpec, type Stage } from "../../../src/index.ts";
import { environmentSpec, sourcedEnvironment, sourcedService, sourcedTenant } from "../../fixtures.ts";

/** An environment named `<stage>-<region>` on its own cluster of that name, with `changes` to its spec and cluster. */
export function checked(
  name: string,
  role: ClusterRole = "primary",
  cluster: Partial<ClusterSpec> = {},
  changes: Partial<EnvironmentSpec> = {},
): CheckedEnvironment {
  const stage = name.split("-")[0] as Stage;
  const base = environmentSpec(name, stage, role);
  const spec = { ...base, ...changes, cluster: { ...base.cluster, ...cluster } };
  return { spec, resolved: resolveEnvironment(sourcedEnvironment(spec)) };
}

/** The context of a platform of these environments (in this order), services and tenants (by default shop and payments). */
export function contextOf(environments: readonly CheckedEnvironment[], services: readonly ServiceSpec[] = [], tenants: readonly string[] = ["shop", "payments"]): EnvironmentsCheckContext {
  return { environments, services: services.map((spec) => sourcedService(spec)), tenants: tenants.map((name) => sourcedTenant(name)) };
}

/** The file the fixture declares environment `name` in. */
export const file = (name: string) => `apps/platform/environments/${name}.ts`;
