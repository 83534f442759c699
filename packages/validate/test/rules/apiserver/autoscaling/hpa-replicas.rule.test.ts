import { hpaReplicas } from "../../../../src/rules/apiserver/autoscaling/hpa-replicas.rule.ts";
import { hpa } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(hpaReplicas, {
  valid: [
    { name: "2 to 10", manifests: [hpa()] },
    { name: "minReplicas defaults to 1", manifests: [hpa((h) => { delete h.spec.minReplicas; h.spec.maxReplicas = 1; })] },
  ],
  invalid: [
    { name: "minReplicas 0", manifests: [hpa((h) => { h.spec.minReplicas = 0; })], errors: ["spec.minReplicas: Invalid value: 0: must be greater than or equal to 1"] },
    { name: "maxReplicas below minReplicas", manifests: [hpa((h) => { h.spec.minReplicas = 5; h.spec.maxReplicas = 3; })], errors: ["spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`"] },
    { name: "maxReplicas 0", manifests: [hpa((h) => { h.spec.maxReplicas = 0; })], errors: ["spec.maxReplicas: Invalid value: 0: must be greater than 0"] },
  ],
});
