import { defineEnvironment } from "@cloudlab/model";

export default defineEnvironment({
  name: "prod-us-west-2",
  stage: "prod",
  cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2", role: "primary", network: "network-us-west-2" },
});
