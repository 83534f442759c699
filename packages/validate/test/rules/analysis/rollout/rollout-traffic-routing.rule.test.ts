import { rolloutTrafficRouting } from "../../../../src/rules/analysis/rollout/rollout-traffic-routing.rule.ts";
import { analysisTemplate, canaryDestinationRule, canaryVirtualService, rollout } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const all = (...changed: unknown[]) => [rollout(), canaryVirtualService(), canaryDestinationRule(), analysisTemplate(), ...changed];
const istio = (change: (i: any) => void) => rollout((r) => change(r.spec.strategy.canary.trafficRouting.istio));
const ROUTING = "spec.strategy.canary.trafficRouting.istio";

ruleTable(rolloutTrafficRouting, {
  valid: [
    { name: "the route and both subsets exist", manifests: all() },
    {
      name: "a single virtualService without routes, whose only route is the split",
      manifests: [istio((i) => { delete i.virtualServices; i.virtualService = { name: "web" }; }), canaryVirtualService(), canaryDestinationRule()],
    },
    { name: "a blue-green (no traffic routing)", manifests: [rollout((r) => { r.spec.strategy = { blueGreen: { activeService: "web" } }; })] },
    {
      name: "two VirtualServices, mesh and edge",
      manifests: [istio((i) => { i.virtualServices.push({ name: "web-ingress", routes: ["default"] }); }), canaryVirtualService(), canaryVirtualService((v) => { v.metadata.name = "web-ingress"; }), canaryDestinationRule()],
    },
  ],
  invalid: [
    {
      name: "a missing VirtualService",
      manifests: [rollout(), canaryDestinationRule()],
      errors: [`${ROUTING}.virtualServices[0].name: Referenced VirtualService "web" not found in namespace "shop"`],
    },
    {
      name: "a route name the VirtualService does not have",
      manifests: [istio((i) => { i.virtualServices[0].routes = ["primary"]; }), canaryVirtualService(), canaryDestinationRule()],
      errors: [`${ROUTING}.virtualServices[0].routes[0]: VirtualService "web" has no HTTP route "primary"`],
    },
    {
      name: "a route that still splits between versions",
      manifests: [rollout(), canaryVirtualService((v) => { v.spec.http[0].route[0].destination.subset = "v1"; }), canaryDestinationRule()],
      errors: [`${ROUTING}.virtualServices[0].routes[0]: route "default" of VirtualService "web" must have exactly two destinations, subsets "stable" and "canary" (found "v1", "canary")`],
    },
    {
      name: "a route with one destination",
      manifests: [istio((i) => { delete i.virtualServices[0].routes; }), canaryVirtualService((v) => { v.spec.http[0].route.pop(); }), canaryDestinationRule()],
      errors: [`${ROUTING}.virtualServices[0].name: its only HTTP route of VirtualService "web" must have exactly two destinations, subsets "stable" and "canary" (found "stable")`],
    },
    {
      name: "no route named and several routes",
      manifests: [istio((i) => { delete i.virtualServices[0].routes; }), canaryVirtualService((v) => { v.spec.http.unshift({ name: "beta", route: [{ destination: { host: "web", subset: "stable" } }] }); }), canaryDestinationRule()],
      errors: [`${ROUTING}.virtualServices[0].name: VirtualService "web" has 2 HTTP routes: name the one to shift (routes)`],
    },
    {
      name: "a DestinationRule without the canary subset",
      manifests: [rollout(), canaryVirtualService(), canaryDestinationRule((d) => { d.spec.subsets.pop(); })],
      errors: [`${ROUTING}.destinationRule.canarySubsetName: DestinationRule "web" has no subset "canary"`],
    },
    {
      name: "a missing DestinationRule",
      manifests: [rollout(), canaryVirtualService()],
      errors: [`${ROUTING}.destinationRule.name: Referenced DestinationRule "web" not found in namespace "shop"`],
    },
    {
      name: "partial input: a warning that the VirtualService is not among the files",
      complete: false,
      manifests: [rollout(), canaryDestinationRule()],
      errors: [
        `${ROUTING}.virtualServices[0].name: Referenced VirtualService "web" not found in namespace "shop"; the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)`,
      ],
    },
  ],
});
