import type { Rule } from "../../../rule.ts";
import { ingressBackend } from "./ingress-backend.rule.ts";
import { ingressClassName } from "./ingress-class-name.rule.ts";
import { ingressClassSpec } from "./ingress-class-spec.rule.ts";
import { ingressRules } from "./ingress-rules.rule.ts";
import { ingressTls } from "./ingress-tls.rule.ts";
import { networkPolicyPeers } from "./network-policy-peers.rule.ts";
import { networkPolicyPorts } from "./network-policy-ports.rule.ts";
import { networkPolicyTypes } from "./network-policy-types.rule.ts";

/** The rules of `rules/apiserver/networking/`, in the order they run. */
export const APISERVER_NETWORKING_RULES: readonly Rule[] = [
  networkPolicyPorts,
  networkPolicyPeers,
  networkPolicyTypes,
  ingressRules,
  ingressBackend,
  ingressTls,
  ingressClassName,
  ingressClassSpec,
];
