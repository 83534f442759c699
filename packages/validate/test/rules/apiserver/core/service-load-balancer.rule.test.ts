import { serviceLoadBalancer } from "../../../../src/rules/apiserver/core/service-load-balancer.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { svc } from "./core-objects.ts";

const ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";
const NOT_CIDRS = "must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24 ";

ruleTable(serviceLoadBalancer, {
  valid: [
    {
      name: "a LoadBalancer with source ranges (space-padded), a class and no node ports",
      manifests: [svc({ type: "LoadBalancer", loadBalancerSourceRanges: [" 10.0.0.0/8", "2001:db8::/32"], loadBalancerClass: "example.com/internal", allocateLoadBalancerNodePorts: false })],
    },
    { name: "the source ranges annotation on a LoadBalancer", manifests: [svc({ type: "LoadBalancer" }, { annotations: { [ANNOTATION]: "10.0.0.0/8, 192.168.0.0/16" } })] },
    { name: "a host address with a prefix length", manifests: [svc({ type: "LoadBalancer", loadBalancerSourceRanges: ["10.0.0.1/24"] })] },
    { name: "a ClusterIP Service", manifests: [svc({})] },
  ],
  invalid: [
    {
      name: "LoadBalancer fields on a NodePort Service",
      manifests: [svc({ type: "NodePort", loadBalancerSourceRanges: ["10.0.0.0/8"], allocateLoadBalancerNodePorts: true, loadBalancerClass: "example.com/internal" })],
      errors: [
        "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
        "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
        "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'",
      ],
    },
    {
      name: "a source range that is not a CIDR",
      manifests: [svc({ type: "LoadBalancer", loadBalancerSourceRanges: ["10.0.0.0/33", "10.0.0.1"] })],
      errors: [`spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0/33": ${NOT_CIDRS}`, `spec.LoadBalancerSourceRanges[1]: Invalid value: "10.0.0.1": ${NOT_CIDRS}`],
    },
    {
      name: "a bad annotation on a ClusterIP Service",
      manifests: [svc({}, { annotations: { [ANNOTATION]: "10.0.0.0/8,office" } })],
      errors: [`metadata.annotations[${ANNOTATION}]: Forbidden: may only be used when \`type\` is 'LoadBalancer'`, `metadata.annotations[${ANNOTATION}]: Invalid value: "10.0.0.0/8,office": ${NOT_CIDRS}`],
    },
    {
      name: "a class that is not a qualified name",
      manifests: [svc({ type: "LoadBalancer", loadBalancerClass: "example.com/" })],
      errors: ['spec.loadBalancerClass: Invalid value: "example.com/": name part must be non-empty', "spec.loadBalancerClass: Invalid value: \"example.com/\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"],
    },
  ],
});
