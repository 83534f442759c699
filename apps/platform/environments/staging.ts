import { defineEnvironment } from "@cloudlab/model";

export default defineEnvironment({
  name: "staging",
  stage: "staging",
  cluster: { name: "staging-us-west-2", provider: "eks", region: "us-west-2" },
  // The source document's load test (hey, 100 users for 5 minutes) against the edge services, run on demand before a
  // promotion to prod; the Online Boutique loadgenerator keeps a steady load meanwhile.
  observability: { loadTest: { enabled: true } },
  // Each environment has its own public host names.
  overrides: {
    frontend: { ingress: { hosts: ["shop.staging.cloud-lab.example"] } },
    paymentservice: { egress: [{ host: "sandbox.api.payments.example" }] },
    "cloud-lab-service": { ingress: { hosts: ["api.staging.cloud-lab.example"] } },
  },
});
