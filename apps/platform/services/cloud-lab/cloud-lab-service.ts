import { defineService } from "@cloudlab/model";

export default defineService({
  name: "cloud-lab-service",
  team: "cloud-lab",
  tenant: "cloud-lab",
  description: "The cloud-lab HTTP service.",
  image: { repository: "registry.cloud-lab.example/cloud-lab/cloud-lab-service", tag: "1.0.0" },
  ports: [{ name: "http", port: 8080, protocol: "http" }],
  resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
  probes: {
    readiness: { http: { path: "/healthz", port: "http" } },
    liveness: { http: { path: "/healthz", port: "http" } },
  },
  // The source document's RBAC example: ServiceAccount cloud-lab-sa, Role cloud-lab-role, RoleBinding
  // cloud-lab-rolebinding, with get/list/watch/create/update/delete on pods, services and deployments.
  serviceAccountName: "cloud-lab-sa",
  apiAccess: {
    roleName: "cloud-lab-role",
    roleBindingName: "cloud-lab-rolebinding",
    rules: [
      { apiGroups: [""], resources: ["pods", "services"], verbs: ["get", "list", "watch", "create", "update", "delete"] },
      { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "watch", "create", "update", "delete"] },
    ],
  },
  autoscaling: {
    minReplicas: 2,
    maxReplicas: 10,
    cpuTargetPercent: 70,
    // The source document's quota for this tenant (limits.cpu 8) holds at most 11 pods of 500m plus a 200m sidecar.
    belowTenfoldReason: "bounded by the cloud-lab tenant quota (limits.cpu 8): 10 pods × (500m + 200m sidecar) = 7 CPU",
  },
});
