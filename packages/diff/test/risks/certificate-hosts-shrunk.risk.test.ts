import { certificateHostsShrunk } from "../../src/risks/certificate-hosts-shrunk.risk.ts";
import type { Manifest } from "../../src/index.ts";
import { manifest, rendered } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

function certificate(name: string, dnsNames: readonly string[]): Manifest {
  return manifest(
    "cert-manager.io/v1",
    "Certificate",
    name,
    { secretName: name, dnsNames, issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: "letsencrypt" } },
    "istio-ingress",
  );
}

const BOTH = certificate("ingress-tls", ["api.example.com", "shop.example.com"]);

riskTable(certificateHostsShrunk, [
  { name: "a host added", base: [rendered("prod-us-west-2", certificate("ingress-tls", ["shop.example.com"]))], head: () => [rendered("prod-us-west-2", BOTH)], flags: [] },
  {
    name: "a host dropped in prod",
    base: [rendered("prod-us-west-2", BOTH)],
    head: () => [rendered("prod-us-west-2", certificate("ingress-tls", ["shop.example.com"]))],
    flags: ["prod-us-west-2 Certificate/istio-ingress/ingress-tls: no longer covers api.example.com"],
  },
  {
    name: "a host dropped in staging too (every environment)",
    base: [rendered("staging", BOTH)],
    head: () => [rendered("staging", certificate("ingress-tls", []))],
    flags: ["staging Certificate/istio-ingress/ingress-tls: no longer covers api.example.com, shop.example.com"],
  },
  {
    name: "a host moved to a Certificate of its own",
    base: [rendered("prod-us-west-2", BOTH)],
    head: () => [rendered("prod-us-west-2", certificate("ingress-tls", ["shop.example.com"])), rendered("prod-us-west-2", certificate("api-tls", ["api.example.com"]))],
    flags: ["prod-us-west-2 Certificate/istio-ingress/ingress-tls: api.example.com moved to another Certificate"],
  },
  { name: "the hosts reordered", base: [rendered("prod-us-west-2", BOTH)], head: () => [rendered("prod-us-west-2", certificate("ingress-tls", ["shop.example.com", "api.example.com"]))], flags: [] },
]);
