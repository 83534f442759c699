import { networkPolicyPeers } from "../../../../src/rules/apiserver/networking/network-policy-peers.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { networkPolicy } from "./fixtures.ts";

const from = (...peers: object[]) => networkPolicy((n) => { n.spec.ingress[0].from = peers; });
const ipBlock = (cidr: string, except?: string[]) => from({ ipBlock: except === undefined ? { cidr } : { cidr, except } });

ruleTable(networkPolicyPeers, {
  valid: [
    { name: "pod and namespace selectors together", manifests: [from({ podSelector: { matchLabels: { app: "a" } }, namespaceSelector: {} })] },
    { name: "an IPv4 block with exceptions", manifests: [ipBlock("10.0.0.0/8", ["10.1.0.0/16", "10.2.3.4/32"])] },
    { name: "host bits set in the CIDR", manifests: [ipBlock("10.1.2.3/8", ["10.1.0.0/16"])] },
    { name: "leading zeros (Go's sloppy parser)", manifests: [ipBlock("010.000.0.0/8")] },
    { name: "an IPv6 block", manifests: [ipBlock("2001:db8::/32", ["2001:db8:1::/48"])] },
    { name: "everything", manifests: [ipBlock("0.0.0.0/0", ["169.254.169.254/32"])] },
    { name: "egress to a namespace", manifests: [networkPolicy()] },
  ],
  invalid: [
    { name: "an empty peer", manifests: [from({})], errors: ["spec.ingress[0].from[0]: Required value: must specify a peer"] },
    {
      name: "an ipBlock with a selector",
      manifests: [from({ ipBlock: { cidr: "10.0.0.0/8" }, podSelector: {} })],
      errors: ["spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer"],
    },
    { name: "an empty cidr", manifests: [ipBlock("")], errors: ["spec.ingress[0].from[0].ipBlock.cidr: Required value"] },
    { name: "an address without a prefix", manifests: [ipBlock("10.0.0.1")], errors: ['spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.1": not a valid CIDR'] },
    { name: "a prefix too long", manifests: [ipBlock("10.0.0.0/33")], errors: ['spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.0/33": not a valid CIDR'] },
    {
      name: "an exception outside the block",
      manifests: [ipBlock("10.0.0.0/16", ["10.1.0.0/24"])],
      errors: ['spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`'],
    },
    {
      name: "an exception equal to the block",
      manifests: [ipBlock("10.0.0.0/16", ["10.0.0.0/16"])],
      errors: ['spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.0.0.0/16": must be a strict subset of `cidr`'],
    },
    {
      name: "an IPv6 exception in an IPv4 block",
      manifests: [ipBlock("10.0.0.0/8", ["2001:db8::/64"])],
      errors: ['spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "2001:db8::/64": must be a strict subset of `cidr`'],
    },
    {
      name: "checking stops at the first bad exception",
      manifests: [ipBlock("10.0.0.0/8", ["10.0.0.0/8", "bogus", "11.0.0.0/16"])],
      errors: [
        'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.0.0.0/8": must be a strict subset of `cidr`',
        'spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: "bogus": not a valid CIDR',
      ],
    },
    {
      name: "in an egress rule",
      manifests: [networkPolicy((n) => { n.spec.egress[0].to = [{ ipBlock: { cidr: "192.168.0.0/24" }, namespaceSelector: {} }]; })],
      errors: ["spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer"],
    },
  ],
});
