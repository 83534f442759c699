import { tweak, type Json } from "../../../fixtures.ts";

/** A NetworkPolicy `web` in `shop` letting the frontend in on 8080 and DNS out. */
export function networkPolicy(change?: (n: Json) => void): Json {
  return tweak(
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "web", namespace: "shop" },
      spec: {
        podSelector: { matchLabels: { app: "web" } },
        policyTypes: ["Ingress", "Egress"],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: "frontend" } } }], ports: [{ protocol: "TCP", port: 8080 }] }],
        egress: [{ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } } }], ports: [{ protocol: "UDP", port: 53 }] }],
      },
    },
    change,
  );
}

/** An Ingress `web` in `shop` routing shop.example.com to the Service `web`. */
export function ingress(change?: (i: Json) => void): Json {
  return tweak(
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: "web", namespace: "shop" },
      spec: {
        ingressClassName: "nginx",
        tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }],
        rules: [
          {
            host: "shop.example.com",
            http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] },
          },
        ],
      },
    },
    change,
  );
}

/** An IngressClass `nginx`. */
export function ingressClass(change?: (c: Json) => void): Json {
  return tweak(
    { apiVersion: "networking.k8s.io/v1", kind: "IngressClass", metadata: { name: "nginx" }, spec: { controller: "k8s.io/ingress-nginx" } },
    change,
  );
}

/** The apiserver's IsDNS1123Subdomain message. */
export const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** The apiserver's IsWildcardDNS1123Subdomain message. */
export const WILDCARD =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
