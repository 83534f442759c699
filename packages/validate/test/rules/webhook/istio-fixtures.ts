/** Istio objects for the webhook rules' tables: each valid as given, changed by a callback. */
import { tweak, type Json } from "../../fixtures.ts";

function istio(apiVersion: string, kind: string, name: string, spec: Json, change?: (o: Json) => void): Json {
  return tweak({ apiVersion, kind, metadata: { name, namespace: "shop" }, spec }, change);
}

/** A VirtualService `web` for the mesh, routing to `web.shop.svc.cluster.local`. */
export function vs(change?: (v: Json) => void): Json {
  return istio("networking.istio.io/v1beta1", "VirtualService", "web", { hosts: ["web.shop.svc.cluster.local"], http: [{ route: [{ destination: { host: "web.shop.svc.cluster.local" } }] }] }, change);
}

/** A VirtualService `web` whose first HTTP route is changed by `change`. */
export function vsHttp(change: (http: Json) => void): Json {
  return vs((v) => change(v.spec.http[0]));
}

/** A DestinationRule `web` for `web.shop.svc.cluster.local`. */
export function dr(change?: (d: Json) => void): Json {
  return istio("networking.istio.io/v1beta1", "DestinationRule", "web", { host: "web.shop.svc.cluster.local", subsets: [{ name: "v1", labels: { version: "v1" } }] }, change);
}

/** A Gateway `public` with an HTTP server on port 80. */
export function gw(change?: (g: Json) => void): Json {
  return istio("networking.istio.io/v1beta1", "Gateway", "public", { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["shop/web.example.com"] }] }, change);
}

/** A ServiceEntry `api` for `api.example.com` (DNS, HTTPS on 443). */
export function se(change?: (s: Json) => void): Json {
  return istio("networking.istio.io/v1beta1", "ServiceEntry", "api", { hosts: ["api.example.com"], location: "MESH_EXTERNAL", resolution: "DNS", ports: [{ number: 443, name: "https", protocol: "HTTPS" }] }, change);
}

/** A Sidecar `web` limiting egress to its namespace and istio-system. */
export function sidecar(change?: (s: Json) => void): Json {
  return istio("networking.istio.io/v1beta1", "Sidecar", "web", { workloadSelector: { labels: { app: "web" } }, egress: [{ hosts: ["./*", "istio-system/*"] }] }, change);
}

/** A PeerAuthentication `web` (STRICT). */
export function pa(change?: (p: Json) => void): Json {
  return istio("security.istio.io/v1beta1", "PeerAuthentication", "web", { selector: { matchLabels: { app: "web" } }, mtls: { mode: "STRICT" } }, change);
}

/** An AuthorizationPolicy `web` allowing GETs from the frontend's service account. */
export function ap(change?: (p: Json) => void): Json {
  return istio(
    "security.istio.io/v1beta1",
    "AuthorizationPolicy",
    "web",
    { selector: { matchLabels: { app: "web" } }, action: "ALLOW", rules: [{ from: [{ source: { principals: ["cluster.local/ns/shop/sa/frontend"] } }], to: [{ operation: { methods: ["GET"] } }] }] },
    change,
  );
}

/** A RequestAuthentication `web` with one JWT issuer. */
export function ra(change?: (r: Json) => void): Json {
  return istio("security.istio.io/v1beta1", "RequestAuthentication", "web", { selector: { matchLabels: { app: "web" } }, jwtRules: [{ issuer: "https://issuer.example.com", jwksUri: "https://issuer.example.com/jwks.json" }] }, change);
}

/** A Telemetry `web` with tracing at 10 %. */
export function telemetry(change?: (t: Json) => void): Json {
  return istio("telemetry.istio.io/v1alpha1", "Telemetry", "web", { selector: { matchLabels: { app: "web" } }, tracing: [{ randomSamplingPercentage: 10 }] }, change);
}
