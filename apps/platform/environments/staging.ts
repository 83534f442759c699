import { defineEnvironment } from "@cloudlab/model";

export default defineEnvironment({
  name: "staging",
  stage: "staging",
  cluster: { name: "staging-us-west-2", provider: "eks", region: "us-west-2" },
});
