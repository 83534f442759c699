import { podOverhead } from "../../../../src/rules/apiserver/pod/pod-overhead.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const O = `${SPEC}.overhead.limits`;
const overhead = (value: object) => [withSpec((s) => { s.overhead = value; })];

ruleTable(podOverhead, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "a runtime class's CPU and memory overhead", manifests: overhead({ cpu: "250m", memory: "120Mi" }) },
    { name: "an extended resource", manifests: overhead({ "example.com/foo": "1" }) },
  ],
  invalid: [
    { name: "a negative CPU overhead", manifests: overhead({ cpu: "-250m" }), errors: [`${O}[cpu]: Invalid value: "-250m": must be greater than or equal to 0`] },
    { name: "a quota resource", manifests: overhead({ pods: "1" }), errors: [`${O}[pods]: Invalid value: "pods": must be a standard resource for containers`] },
    { name: "an unknown resource", manifests: overhead({ gpu: "1" }), errors: [`${O}[gpu]: Invalid value: "gpu": must be a standard resource for containers`, `${O}[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified`] },
  ],
});
