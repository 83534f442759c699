import { tweak, type Json } from "../../../fixtures.ts";

const RBAC = "rbac.authorization.k8s.io/v1";

/** A Role `web-reader` in `shop` reading ConfigMaps. */
export function role(change?: (r: Json) => void): Json {
  return tweak(
    { apiVersion: RBAC, kind: "Role", metadata: { name: "web-reader", namespace: "shop" }, rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] }] },
    change,
  );
}

/** A ClusterRole `metrics-reader` reading nodes' metrics and /metrics. */
export function clusterRole(change?: (r: Json) => void): Json {
  return tweak(
    {
      apiVersion: RBAC,
      kind: "ClusterRole",
      metadata: { name: "metrics-reader" },
      rules: [
        { apiGroups: ["metrics.k8s.io"], resources: ["nodes", "pods"], verbs: ["get", "list"] },
        { nonResourceURLs: ["/metrics"], verbs: ["get"] },
      ],
    },
    change,
  );
}

/** A RoleBinding granting `web-reader` to the ServiceAccount `web`. */
export function roleBinding(change?: (b: Json) => void): Json {
  return tweak(
    {
      apiVersion: RBAC,
      kind: "RoleBinding",
      metadata: { name: "web-reader", namespace: "shop" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "web-reader" },
      subjects: [{ kind: "ServiceAccount", name: "web", namespace: "shop" }],
    },
    change,
  );
}

/** A ClusterRoleBinding granting `metrics-reader` to the ServiceAccount `shop/web`. */
export function clusterRoleBinding(change?: (b: Json) => void): Json {
  return tweak(
    {
      apiVersion: RBAC,
      kind: "ClusterRoleBinding",
      metadata: { name: "web-metrics-reader" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "metrics-reader" },
      subjects: [{ kind: "ServiceAccount", name: "web", namespace: "shop" }],
    },
    change,
  );
}
