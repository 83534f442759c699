import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { forbidden, invalid, required } from "../../../support/apiserver-validation.ts";
import { networkContains, parseCidrSloppy } from "../../../support/ip-address.ts";
import { asArray, asObject, asString, at } from "../../../support/values.ts";

const isSet = (value: unknown) => value !== undefined && value !== null;

/** ValidateIPBlock: a valid `cidr`, and each `except` a valid CIDR strictly inside it (checking stops at a bad one). */
function ipBlockProblems(ipBlock: unknown, path: FieldPath, problems: RuleProblem[]): void {
  const cidr = asString(asObject(ipBlock)?.cidr) ?? "";
  if (cidr === "") {
    problems.push({ path: [...path, "cidr"], message: required() });
    return;
  }
  const network = parseCidrSloppy(cidr);
  if (network === undefined) {
    problems.push({ path: [...path, "cidr"], message: invalid(cidr, "not a valid CIDR") });
    return;
  }
  const except = asArray(asObject(ipBlock)?.except);
  for (const [index, item] of except.entries()) {
    const text = asString(item) ?? "";
    const excluded = parseCidrSloppy(text);
    if (excluded === undefined) {
      problems.push({ path: [...path, "except", index], message: invalid(text, "not a valid CIDR") });
      return;
    }
    if (!networkContains(network, excluded.ip) || network.prefix >= excluded.prefix) {
      problems.push({ path: [...path, "except", index], message: invalid(text, "must be a strict subset of `cidr`") });
    }
  }
}

/** ValidateNetworkPolicyPeer, the selectors aside (`label-selector` checks them). */
function peerProblems(peer: unknown, path: FieldPath, problems: RuleProblem[]): void {
  const object = asObject(peer) ?? {};
  const ipBlock = object.ipBlock;
  const count = [object.podSelector, object.namespaceSelector, ipBlock].filter(isSet).length;
  if (isSet(ipBlock)) ipBlockProblems(ipBlock, [...path, "ipBlock"], problems);
  if (count === 0) problems.push({ path, message: required("must specify a peer") });
  else if (count > 1 && isSet(ipBlock)) problems.push({ path, message: forbidden("may not specify both ipBlock and another peer") });
}

/**
 * Every NetworkPolicy peer (`from`, `to`) names a pod selector, a namespace selector or an IP block; an IP block stands
 * alone, has a valid CIDR, and its exceptions are CIDRs strictly inside it.
 */
export const networkPolicyPeers: ObjectRule = {
  id: "network-policy-peers",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "NetworkPolicy peers specify a selector or an ipBlock (not both), with a valid CIDR whose exceptions lie strictly inside it.",
  upstreamMessage: "spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer",
  kinds: new Set(["NetworkPolicy"]),
  check(object) {
    if (object.kind !== "NetworkPolicy" || apiGroup(object.apiVersion) !== "networking.k8s.io") return [];
    const problems: RuleProblem[] = [];
    for (const [direction, peers] of [["ingress", "from"], ["egress", "to"]] as const) {
      asArray(at(object.object, "spec", direction)).forEach((rule, ruleIndex) => {
        asArray(at(rule, peers)).forEach((peer, index) => peerProblems(peer, ["spec", direction, ruleIndex, peers, index], problems));
      });
    }
    return problems;
  },
};
