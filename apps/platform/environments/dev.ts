import { defineEnvironment } from "@cloudlab/model";

export default defineEnvironment({
  name: "dev",
  stage: "dev",
  cluster: { name: "dev-us-west-2", provider: "eks", region: "us-west-2" },
  // Each environment has its own public host names. Dev takes every commit at once: cloud-lab-service's canary runs
  // in staging and prod only, and the frontend's blue-green promotes itself here (its analysis still judges it).
  overrides: {
    frontend: { ingress: { hosts: ["shop.dev.cloud-lab.example"] }, delivery: { strategy: "blue-green", analysis: "slo", autoPromote: true } },
    paymentservice: { egress: [{ host: "sandbox.api.payments.example" }] },
    "cloud-lab-service": { ingress: { hosts: ["api.dev.cloud-lab.example"] }, delivery: { strategy: "weights" } },
  },
});
