import { podSpec, tweak, type Json } from "../../../fixtures.ts";

const template = (labels: Record<string, string>) => ({ metadata: { labels }, spec: podSpec() });

/** A DaemonSet `agent` in namespace `shop`. */
export function daemonSet(change?: (d: Json) => void): Json {
  return tweak(
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "agent", namespace: "shop" },
      spec: { selector: { matchLabels: { app: "agent" } }, template: template({ app: "agent" }) },
    },
    change,
  );
}

/** A ReplicaSet `web-1` in namespace `shop`. */
export function replicaSet(change?: (r: Json) => void): Json {
  return tweak(
    {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "web-1", namespace: "shop" },
      spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: template({ app: "web" }) },
    },
    change,
  );
}

/** A ReplicationController `legacy` in namespace `shop` (its selector defaults to the template's labels). */
export function replicationController(change?: (r: Json) => void): Json {
  return tweak(
    {
      apiVersion: "v1",
      kind: "ReplicationController",
      metadata: { name: "legacy", namespace: "shop" },
      spec: { replicas: 1, template: template({ app: "legacy" }) },
    },
    change,
  );
}
