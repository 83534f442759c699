import { defineEnvironment } from "@cloudlab/model";
import { prodRole } from "../lib/failover.ts";

export default defineEnvironment({
  name: "prod-us-west-2",
  stage: "prod",
  cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2", role: prodRole("us-west-2"), network: "network-us-west-2" },
});
