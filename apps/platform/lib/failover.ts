import type { ClusterRole } from "@cloudlab/model";

/**
 * The prod region that serves traffic. A DR failover (or failback) is a change of this one line: both prod
 * environments take their role from it, and `npm run synth` renders what changes in both clusters (warm-standby
 * HPA minimums, stateful services, DNS failover priority on the ingress gateway). See docs/operations.md and
 * docs/multi-cluster.md.
 */
export const PRIMARY_PROD_REGION = "us-west-2";

/** The role of the prod cluster in `region`. */
export function prodRole(region: string): ClusterRole {
  return region === PRIMARY_PROD_REGION ? "primary" : "dr";
}
