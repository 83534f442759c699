import { virtualServiceJwtClaimRouteUnauthenticated } from "../../../../src/rules/analysis/virtual-service/virtual-service-jwt-claim-route-unauthenticated.rule.ts";
import { deployment, virtualService, type Json } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const gateway: Json = {
  apiVersion: "networking.istio.io/v1beta1",
  kind: "Gateway",
  metadata: { name: "public", namespace: "istio-system" },
  spec: { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"] }] },
};
const ingressPods = deployment((d) => {
  d.metadata = { name: "istio-ingressgateway", namespace: "istio-ingress" };
  d.spec.selector.matchLabels = { istio: "ingressgateway" };
  d.spec.template.metadata.labels = { istio: "ingressgateway" };
});
const requestAuthentication = (namespace: string, matchLabels?: Record<string, string>): Json => ({
  apiVersion: "security.istio.io/v1",
  kind: "RequestAuthentication",
  metadata: { name: "jwt", namespace },
  spec: { ...(matchLabels === undefined ? {} : { selector: { matchLabels } }), jwtRules: [{ issuer: "https://issuer.example.com", jwksUri: "https://issuer.example.com/jwks" }] },
});
const claimRoute = (change?: (v: Json) => void) =>
  virtualService((v) => {
    v.spec.hosts = ["shop.example.com"];
    v.spec.gateways = ["istio-system/public"];
    v.spec.http[0].match = [{ headers: { "@request.auth.claims.group": { exact: "admin" } } }];
    change?.(v);
  });
const MESSAGE =
  "spec.gateways[0]: The virtual service uses the JWT claim based routing (key: @request.auth.claims.group) but found no request authentication for the gateway (istio-system/public) pod (istio-ingressgateway). The request authentication must first be applied for the gateway pods to validate the JWT token and make the claims available for routing. (IST0149)";

ruleTable(virtualServiceJwtClaimRouteUnauthenticated, {
  valid: [
    { name: "a RequestAuthentication in the gateway pods' namespace", manifests: [gateway, ingressPods, requestAuthentication("istio-ingress", { istio: "ingressgateway" }), claimRoute()] },
    { name: "a mesh-wide RequestAuthentication in istio-system without selector", manifests: [gateway, ingressPods, requestAuthentication("istio-system"), claimRoute()] },
    { name: "no claim-based match", manifests: [gateway, ingressPods, claimRoute((v) => { v.spec.http[0].match = [{ headers: { "x-group": { exact: "admin" } } }]; })] },
    { name: "claim routing on the mesh gateway only", manifests: [gateway, ingressPods, claimRoute((v) => { v.spec.gateways = ["mesh"]; })] },
    { name: "a Gateway that is not found is IST0101's", manifests: [ingressPods, claimRoute()] },
    { name: "no pods run the Gateway's selector", manifests: [gateway, claimRoute()] },
  ],
  invalid: [
    { name: "no RequestAuthentication", manifests: [gateway, ingressPods, claimRoute()], errors: [MESSAGE] },
    { name: "a RequestAuthentication of another namespace", manifests: [gateway, ingressPods, requestAuthentication("shop"), claimRoute()], errors: [MESSAGE] },
    { name: "a RequestAuthentication selecting other pods", manifests: [gateway, ingressPods, requestAuthentication("istio-ingress", { app: "web" }), claimRoute()], errors: [MESSAGE] },
    {
      name: "withoutHeaders routes on claims too",
      manifests: [gateway, ingressPods, claimRoute((v) => { v.spec.http[0].match = [{ withoutHeaders: { "@request.auth.claims.group": { exact: "guest" } } }]; })],
      errors: [MESSAGE],
    },
    {
      name: "partial input: the RequestAuthentication may be defined elsewhere",
      complete: false,
      manifests: [gateway, ingressPods, claimRoute()],
      errors: [`${MESSAGE}; the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)`],
    },
  ],
});
