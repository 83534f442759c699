import { gatewayServers } from "../../../../src/rules/webhook/gateway/gateway-servers.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { gw } from "../istio-fixtures.ts";

const server = (s: object) => gw((g) => { g.spec.servers = [s]; });

ruleTable(gatewayServers, {
  valid: [
    { name: "HTTP with an HTTPS redirect, and HTTPS", manifests: [gw((g) => { g.spec.servers[0].tls = { httpsRedirect: true }; g.spec.servers.push({ port: { number: 443, name: "https", protocol: "HTTPS" }, hosts: ["*/shop.example.com"], tls: { mode: "SIMPLE", credentialName: "shop-cert" } }); })] },
    { name: "a bare host, *, and an IP host", manifests: [server({ port: { number: 8080, name: "http-alt", protocol: "http" }, hosts: ["*", "shop.example.com", "./*.example.com", "10.0.0.1"] })] },
  ],
  invalid: [
    { name: "no servers", manifests: [gw((g) => { g.spec.servers = []; })], errors: ["spec.servers: gateway must have at least one server"] },
    { name: "no hosts", manifests: [server({ port: { number: 80, name: "http", protocol: "HTTP" } })], errors: ["spec.servers[0]: server config must contain at least one host"] },
    { name: "a short name host", manifests: [server({ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["shop/web"] })], errors: ["spec.servers[0].hosts[0]: short names (non FQDN) are not allowed"] },
    { name: "a partial wildcard host", manifests: [server({ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["web*.example.com"] })], errors: ['spec.servers[0].hosts[0]: domain name "web*.example.com" invalid (label "web*" invalid)', 'spec.servers[0].hosts[0]: partial wildcard "web*.example.com" not allowed'] },
    { name: "an unnamed port", manifests: [server({ port: { number: 80, protocol: "HTTP" }, hosts: ["*"] })], errors: ['spec.servers[0].port.name: port name must be set: number:80 protocol:"HTTP"'] },
    { name: "an unknown protocol", manifests: [server({ port: { number: 80, name: "x", protocol: "QUIC" }, hosts: ["*"] })], errors: ['spec.servers[0].port.protocol: invalid protocol "QUIC", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP'] },
    { name: "HTTPS without TLS", manifests: [server({ port: { number: 443, name: "https", protocol: "HTTPS" }, hosts: ["*"] })], errors: ["spec.servers[0]: server must have TLS settings for HTTPS/TLS protocols"] },
    { name: "HTTP terminating TLS", manifests: [server({ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"], tls: { mode: "SIMPLE", credentialName: "c" } })], errors: ["spec.servers[0].tls: server cannot have TLS settings for plain text HTTP ports"] },
    { name: "TCP with TLS", manifests: [server({ port: { number: 5432, name: "tcp", protocol: "TCP" }, hosts: ["*"], tls: { mode: "PASSTHROUGH" } })], errors: ["spec.servers[0].tls: server cannot have TLS settings for non HTTPS/TLS ports"] },
    { name: "duplicate port names", manifests: [gw((g) => { g.spec.servers.push({ port: { number: 8080, name: "http", protocol: "HTTP" }, hosts: ["*"] }); })], errors: ["spec.servers[1].port.name: port names in servers must be unique: duplicate name http"] },
    { name: "a target port and an invalid bind", manifests: [server({ port: { number: 80, name: "http", protocol: "HTTP", targetPort: 8080 }, hosts: ["*"], bind: "localhost" })], errors: ["spec.servers[0].port.targetPort: targetPort has no impact on Gateways", "spec.servers[0].bind: localhost is not a valid IP"] },
  ],
});
