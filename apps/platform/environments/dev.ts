import { defineEnvironment } from "@cloudlab/model";

export default defineEnvironment({
  name: "dev",
  stage: "dev",
  cluster: { name: "dev-us-west-2", provider: "eks", region: "us-west-2" },
  // Each environment has its own public host names.
  overrides: {
    frontend: { ingress: { hosts: ["shop.dev.cloud-lab.example"] } },
    paymentservice: { egress: [{ host: "sandbox.api.payments.example" }] },
    "cloud-lab-service": { ingress: { hosts: ["api.dev.cloud-lab.example"] } },
  },
});
