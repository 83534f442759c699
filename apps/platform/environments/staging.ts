import { defineEnvironment } from "@cloudlab/model";

export default defineEnvironment({
  name: "staging",
  stage: "staging",
  cluster: { name: "staging-us-west-2", provider: "eks", region: "us-west-2" },
  // Each environment has its own public host names.
  overrides: {
    frontend: { ingress: { hosts: ["shop.staging.cloud-lab.example"] } },
    "cloud-lab-service": { ingress: { hosts: ["api.staging.cloud-lab.example"] } },
  },
});
