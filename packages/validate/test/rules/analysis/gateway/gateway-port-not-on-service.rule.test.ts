import { gatewayPortNotOnService } from "../../../../src/rules/analysis/gateway/gateway-port-not-on-service.rule.ts";
import { deployment, service, tweak } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const gateway = (...ports: number[]) => ({
  apiVersion: "networking.istio.io/v1beta1",
  kind: "Gateway",
  metadata: { name: "shop", namespace: "shop" },
  spec: { selector: { istio: "ingress" }, servers: ports.map((number) => ({ port: { number, name: `http-${number}`, protocol: "HTTP" }, hosts: ["shop.example.com"] })) },
});
const ingress = deployment((d) => {
  d.metadata = { name: "istio-ingressgateway", namespace: "istio-system" };
  d.spec.selector.matchLabels = { istio: "ingress" };
  d.spec.template.metadata.labels = { app: "istio-ingress", istio: "ingress" };
});
const ingressService = (ports: object[]) => service((s) => {
  s.metadata = { name: "istio-ingressgateway", namespace: "istio-system" };
  s.spec = { selector: { istio: "ingress" }, ports };
});
const chartApplication = (valuesObject: object) => ({
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Application",
  metadata: { name: "istio-ingressgateway", namespace: "argocd" },
  spec: { project: "default", destination: { namespace: "istio-system", server: "https://kubernetes.default.svc" }, source: { chart: "gateway", repoURL: "https://istio-release.storage.googleapis.com/charts", targetRevision: "1.20.8", helm: { releaseName: "istio-ingress", valuesObject } } },
});

ruleTable(gatewayPortNotOnService, {
  valid: [
    { name: "the gateway listens on the Service's target port", manifests: [ingress, ingressService([{ name: "http2", port: 80, targetPort: 8080 }]), gateway(8080)] },
    { name: "a named target port: the port number counts", manifests: [ingress, ingressService([{ name: "http2", port: 80, targetPort: "http" }]), gateway(80)] },
    { name: "any Service selecting the gateway's pods will do", manifests: [ingress, ingressService([{ name: "http2", port: 80 }]), tweak(ingressService([{ name: "https", port: 443 }]), (s) => { s.metadata.name = "other"; }), gateway(80, 443)] },
    { name: "no pod matches: IST0101's finding, not this one", manifests: [gateway(8080)] },
    {
      name: "Istio's default ingress gateway (files that do not install Istio): its Service and target ports",
      manifests: [{ apiVersion: "networking.istio.io/v1beta1", kind: "Gateway", metadata: { name: "shop", namespace: "shop" }, spec: { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"] }, { port: { number: 8443, name: "https", protocol: "HTTPS" }, hosts: ["*"], tls: { mode: "SIMPLE", credentialName: "c" } }] } }],
    },
    { name: "the istio gateway chart's default Service ports (15021, 80, 443)", manifests: [chartApplication({}), gateway(80, 443)] },
    { name: "the chart's configured Service ports, by target port", manifests: [chartApplication({ service: { ports: [{ name: "tls", port: 15443, targetPort: 15443 }] } }), gateway(15443)] },
  ],
  invalid: [
    {
      name: "the gateway listens on the Service port instead of the target port",
      manifests: [ingress, ingressService([{ name: "http2", port: 80, targetPort: 8080 }]), gateway(80, 8080)],
      errors: ["spec.servers[0].port.number: The gateway is listening on a target port (port 80) that is not defined in the Service associated with its workload instances (Pod selector istio=ingress). If you need to access the gateway port through the gateway Service, it will not be available. (IST0162)"],
    },
    {
      name: "a UDP port does not count",
      manifests: [ingress, ingressService([{ name: "udp", port: 53, protocol: "UDP" }]), gateway(53)],
      errors: ["spec.servers[0].port.number: The gateway is listening on a target port (port 53) that is not defined in the Service associated with its workload instances (Pod selector istio=ingress). If you need to access the gateway port through the gateway Service, it will not be available. (IST0162)"],
    },
    {
      name: "partial input: no Service of the gateway's pods among the files",
      complete: false,
      manifests: [ingress, gateway(443)],
      errors: ["spec.servers[0].port.number: The gateway is listening on a target port (port 443) that is not defined in the Service associated with its workload instances (Pod selector istio=ingress). If you need to access the gateway port through the gateway Service, it will not be available. (IST0162); the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)"],
    },
  ],
});
