import { gatewaySelectorNoWorkload } from "../../../../src/rules/analysis/gateway/gateway-selector-no-workload.rule.ts";
import { deployment, tweak, type Json } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const gateway = (selector: Record<string, string> | undefined, namespace = "shop") => ({
  apiVersion: "networking.istio.io/v1beta1",
  kind: "Gateway",
  metadata: { name: "shop", namespace },
  spec: { ...(selector === undefined ? {} : { selector }), servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["shop.example.com"] }] },
});
const ingress = deployment((d) => {
  d.metadata = { name: "istio-ingressgateway", namespace: "istio-system" };
  d.spec.selector.matchLabels = { istio: "ingressgateway" };
  d.spec.template.metadata.labels = { app: "istio-ingressgateway", istio: "ingressgateway" };
});
const chartApplication = {
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Application",
  metadata: { name: "istio-eastwestgateway", namespace: "argocd" },
  spec: {
    project: "default",
    destination: { namespace: "istio-system", server: "https://kubernetes.default.svc" },
    source: { chart: "gateway", repoURL: "https://istio-release.storage.googleapis.com/charts", targetRevision: "1.20.8", helm: { releaseName: "istio-eastwestgateway", valuesObject: { labels: { istio: "eastwestgateway" } } } },
  },
};
const gatewayApi = { apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", metadata: { name: "platform", namespace: "istio-ingress" }, spec: { gatewayClassName: "istio", listeners: [{ name: "http", port: 80, protocol: "HTTP" }] } };

ruleTable(gatewaySelectorNoWorkload, {
  valid: [
    { name: "a selector matching a workload of another namespace (istioctl looks in every namespace)", manifests: [ingress, gateway({ istio: "ingressgateway" })] },
    { name: "an empty selector matches every pod", manifests: [deployment(), gateway(undefined)] },
    { name: "the pods of the istio gateway Helm chart an Argo CD Application installs", manifests: [chartApplication, gateway({ istio: "eastwestgateway" }, "istio-system")] },
    { name: "the chart's default labels (istio: the release name without istio-)", manifests: [tweak(chartApplication as Json, (a) => { a.spec.source.helm = { releaseName: "istio-ingress" }; }), gateway({ app: "istio-ingress", istio: "ingress" })] },
    { name: "Istio's default ingress gateway, when the files do not say how Istio is installed", manifests: [gateway({ istio: "ingressgateway" })] },
    { name: "the deployment of a Gateway API gateway of class istio", manifests: [gatewayApi, gateway({ "gateway.networking.k8s.io/gateway-name": "platform" })] },
  ],
  invalid: [
    {
      name: "no pod with the selector's labels (sorted as Kubernetes prints a selector)",
      manifests: [deployment(), gateway({ istio: "ingressgateway", app: "ingress" })],
      errors: ['spec.selector: Referenced selector not found: "app=ingress,istio=ingressgateway" (IST0101)'],
    },
    { name: "a workload with only some of the labels", manifests: [ingress, gateway({ istio: "ingressgateway", version: "v2" })], errors: ['spec.selector: Referenced selector not found: "istio=ingressgateway,version=v2" (IST0101)'] },
    {
      name: "an environment that installs Istio itself has no default ingress gateway",
      manifests: [chartApplication, gateway({ istio: "ingressgateway" })],
      errors: ['spec.selector: Referenced selector not found: "istio=ingressgateway" (IST0101)'],
    },
    {
      name: "partial input: the gateway's workload may be elsewhere",
      complete: false,
      manifests: [gateway({ istio: "internal" })],
      errors: ['spec.selector: Referenced selector not found: "istio=internal" (IST0101); the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)'],
    },
  ],
});
