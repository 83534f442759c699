/** The render unit (what an incremental render caches) of the objects that belong to no service (tenants, cluster, delivery, cluster definition). */
export const ENVIRONMENT_UNIT = "_environment";

/** The render unit of a service's objects: its folder, `<tenant>/<service>`. */
export function serviceUnit(service: { readonly tenant: string; readonly name: string }): string {
  return `${service.tenant}/${service.name}`;
}
