import { defineService } from "@cloudlab/model";

export default defineService({
  name: "cloud-lab-service",
  team: "cloud-lab",
  tenant: "cloud-lab",
  description: "The cloud-lab HTTP service.",
  image: { repository: "registry.cloud-lab.example/cloud-lab/cloud-lab-service", tag: "1.1.0" },
  ports: [{ name: "http", port: 8080, protocol: "http" }],
  // The service's database credentials, from `<stage>/cloud-lab/cloud-lab-service/db`, read again every 30 minutes.
  env: [
    { name: "DB_USER", secretKeyRef: { name: "cloud-lab-db", key: "username" } },
    { name: "DB_PASSWORD", secretKeyRef: { name: "cloud-lab-db", key: "password" } },
  ],
  secrets: [{ name: "cloud-lab-db", from: "cloud-lab-service/db", keys: ["username", "password"], refresh: "30m" }],
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
  // The source document's canary, run by Argo Rollouts instead of by hand: a release (a new image tag) takes 10 %,
  // 25 %, 50 % and then all requests, five minutes a step, while its own p95 latency and error ratio are measured
  // against the SLO below; a failing measurement aborts it back to the stable pods. Retries 3 × 2s and a 10s timeout
  // are the platform defaults.
  delivery: { strategy: "canary", steps: [10, 25, 50, 100], pause: "5m", analysis: "slo" },
  traffic: { timeout: "10s", retries: { attempts: 3, perTryTimeout: "2s" } },
  ingress: { hosts: ["api.cloud-lab.example"] },
  // The source document's service serves Prometheus metrics on its HTTP port; the platform's defaults are its SLO.
  observability: { metrics: { port: "http", path: "/metrics" } },
  autoscaling: {
    minReplicas: 1,
    maxReplicas: 5,
    cpuTargetPercent: 70,
    // The source document's quota for this tenant (limits.cpu 8) holds 11 pods of 500m plus a 200m sidecar: at the
    // last canary step the stable and the canary pods both run at full size.
    belowTenfoldReason: "bounded by the cloud-lab tenant quota (limits.cpu 8): stable + canary × 5 pods × (500m + 200m sidecar) = 7 CPU",
  },
});
