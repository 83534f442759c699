import { virtualServiceMirror } from "../../../../src/rules/webhook/virtual-service/virtual-service-mirror.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { vsHttp } from "../istio-fixtures.ts";

ruleTable(virtualServiceMirror, {
  valid: [{ name: "percentages within 0–100", manifests: [vsHttp((h) => { h.mirror = { host: "shadow" }; h.mirrorPercentage = { value: 12.5 }; }), vsHttp((h) => { h.mirrors = [{ destination: { host: "shadow" }, percentage: { value: 100 } }]; })] }],
  invalid: [
    { name: "mirrorPercentage above 100", manifests: [vsHttp((h) => { h.mirror = { host: "shadow" }; h.mirrorPercentage = { value: 150 }; })], errors: ["spec.http[0].mirrorPercentage.value: mirror_percentage must have a max value of 100 (it has 150.000000)"] },
    { name: "a negative mirrors percentage", manifests: [vsHttp((h) => { h.mirrors = [{ destination: { host: "shadow" }, percentage: { value: -1 } }]; })], errors: ["spec.http[0].mirrors[0].percentage.value: mirror percentage must have a min value of 0 (it has -1.000000)"] },
    { name: "mirrorPercent above 100", manifests: [vsHttp((h) => { h.mirror = { host: "shadow" }; h.mirrorPercent = 101; })], errors: ["spec.http[0].mirrorPercent: mirror_percent must have a max value of 100 (it has 101)"] },
  ],
});
