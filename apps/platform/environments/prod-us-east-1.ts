import { defineEnvironment } from "@cloudlab/model";

export default defineEnvironment({
  name: "prod-us-east-1",
  stage: "prod",
  cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role: "dr", network: "network-us-east-1" },
  // A warm standby: the DR cluster serves no traffic until failover, so the busiest services keep a small floor
  // here instead of their production minimums; the HPA (same maxReplicas as the primary) scales them up on failover.
  overrides: {
    frontend: { autoscaling: { minReplicas: 3 } },
    checkoutservice: { autoscaling: { minReplicas: 3 } },
  },
});
