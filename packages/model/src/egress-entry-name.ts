/** The longest name Kubernetes accepts for a ServiceEntry (a DNS-1123 subdomain). */
export const MAX_OBJECT_NAME_LENGTH = 253;

/**
 * The name of the ServiceEntry rendered for one external host of a service: `<service>-egress-<host>`, unique in the
 * tenant's namespace (two services of a tenant calling the same host each own their entry).
 */
export function egressEntryName(service: string, host: string): string {
  return `${service}-egress-${host}`;
}
