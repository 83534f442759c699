import { sidecarIngress } from "../../../../src/rules/webhook/sidecar/sidecar-ingress.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { sidecar } from "../istio-fixtures.ts";

const ingress = (...listeners: object[]) => sidecar((s) => { s.spec.ingress = listeners; });

ruleTable(sidecarIngress, {
  valid: [{ name: "loopback and socket endpoints", manifests: [ingress({ port: { number: 8080, name: "http", protocol: "HTTP" }, defaultEndpoint: "127.0.0.1:8080" }, { port: { number: 9090, protocol: "GRPC" }, defaultEndpoint: "unix:///var/run/app.sock" }, { port: { number: 9443, protocol: "HTTPS" }, defaultEndpoint: "[::1]:9443", tls: { mode: "SIMPLE", serverCertificate: "/c.pem", privateKey: "/k.pem" } })] }],
  invalid: [
    { name: "no port", manifests: [ingress({ defaultEndpoint: "127.0.0.1:8080" })], errors: ["spec.ingress[0]: sidecar: port is required for ingress listeners"] },
    { name: "a duplicate port", manifests: [ingress({ port: { number: 8080, protocol: "HTTP" } }, { port: { number: 8080, protocol: "TCP" } })], errors: ["spec.ingress[1].port.number: sidecar: ports on IP bound listeners must be unique"] },
    { name: "a remote default endpoint", manifests: [ingress({ port: { number: 8080, protocol: "HTTP" }, defaultEndpoint: "10.0.0.1:8080" })], errors: ["spec.ingress[0].defaultEndpoint: sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset"] },
    { name: "an ISTIO_MUTUAL listener", manifests: [ingress({ port: { number: 8443, protocol: "HTTPS" }, tls: { mode: "ISTIO_MUTUAL" } })], errors: ["spec.ingress[0].tls.mode: configuration is invalid: cannot set mode to ISTIO_MUTUAL in sidecar ingress tls"] },
  ],
});
