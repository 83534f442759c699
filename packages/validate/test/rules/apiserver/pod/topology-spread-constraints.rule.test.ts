import { topologySpreadConstraints } from "../../../../src/rules/apiserver/pod/topology-spread-constraints.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { LABEL_VALUE, REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const T = `${SPEC}.topologySpreadConstraints`;
const zone = { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "web" } } };
const spread = (...constraints: object[]) => [withSpec((s) => { s.topologySpreadConstraints = constraints; })];

ruleTable(topologySpreadConstraints, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "zone and host spread", manifests: spread(zone, { ...zone, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway" }) },
    { name: "one key with both actions", manifests: spread(zone, { ...zone, whenUnsatisfiable: "ScheduleAnyway" }) },
    { name: "minDomains and matchLabelKeys", manifests: spread({ ...zone, minDomains: 3, matchLabelKeys: ["pod-template-hash"], nodeAffinityPolicy: "Honor", nodeTaintsPolicy: "Ignore" }) },
  ],
  invalid: [
    { name: "maxSkew 0", manifests: spread({ ...zone, maxSkew: 0 }), errors: [`${T}[0].maxSkew: Invalid value: 0: must be greater than zero`] },
    { name: "an empty topology key", manifests: spread({ ...zone, topologyKey: "" }), errors: [`${T}[0].topologyKey: Required value: can not be empty`] },
    { name: "the same key and action twice", manifests: spread(zone, { ...zone, maxSkew: 2 }), errors: [`${T}[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{topology.kubernetes.io/zone, DoNotSchedule}"`] },
    {
      name: "minDomains with ScheduleAnyway",
      manifests: spread({ ...zone, whenUnsatisfiable: "ScheduleAnyway", minDomains: 2 }),
      errors: [`${T}[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway`],
    },
    { name: "minDomains 0", manifests: spread({ ...zone, minDomains: 0 }), errors: [`${T}[0].minDomains: Invalid value: 0: must be greater than zero`] },
    { name: "a matchLabelKey already in the selector", manifests: spread({ ...zone, matchLabelKeys: ["app"] }), errors: [`${T}[0].matchLabelKeys[0]: Invalid value: "app": exists in both matchLabelKeys and labelSelector`] },
    { name: "matchLabelKeys without a selector", manifests: spread({ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule", matchLabelKeys: ["pod-template-hash"] }), errors: [`${T}[0].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set`] },
    { name: "a selector value that is not a label value", manifests: spread({ ...zone, labelSelector: { matchLabels: { app: "web/v1" } } }), errors: [`${T}[0].labelSelector.matchLabels: Invalid value: "web/v1": ${LABEL_VALUE}`] },
  ],
});
