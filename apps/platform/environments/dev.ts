import { defineEnvironment } from "@cloudlab/model";

export default defineEnvironment({
  name: "dev",
  stage: "dev",
  cluster: { name: "dev-us-west-2", provider: "eks", region: "us-west-2" },
});
