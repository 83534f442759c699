import { defineEnvironment } from "@cloudlab/model";
import { prodRole } from "../lib/failover.ts";

// The DR cluster while apps/platform/lib/failover.ts names us-west-2 primary: a warm standby whose autoscaled
// services keep 30 % of their prod minimum (defaults.drMinReplicasPercent) with the same maximum, so the HPAs absorb
// the traffic of a failover.
export default defineEnvironment({
  name: "prod-us-east-1",
  stage: "prod",
  cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role: prodRole("us-east-1"), network: "network-us-east-1" },
});
