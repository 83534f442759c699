import { rolloutAnalysisTemplate } from "../../../../src/rules/analysis/rollout/rollout-analysis-template.rule.ts";
import { analysisTemplate, rollout } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const blueGreen = (analysis: Record<string, unknown>) => rollout((r) => { r.spec.strategy = { blueGreen: { activeService: "web", postPromotionAnalysis: analysis } }; });

ruleTable(rolloutAnalysisTemplate, {
  valid: [
    { name: "the canary's template exists and gets its argument", manifests: [rollout(), analysisTemplate()] },
    { name: "a blue-green's post-promotion template", manifests: [blueGreen({ templates: [{ templateName: "web-slo" }], args: [{ name: "revision", value: "2" }] }), analysisTemplate()] },
    { name: "an argument the template gives a value itself", manifests: [rollout((r) => { r.spec.strategy.canary.analysis.args = []; }), analysisTemplate((t) => { t.spec.args[0].value = "1.2.3"; })] },
    {
      name: "a cluster-wide template",
      manifests: [
        rollout((r) => { r.spec.strategy.canary.analysis.templates = [{ templateName: "slo", clusterScope: true }]; }),
        analysisTemplate((t) => { t.kind = "ClusterAnalysisTemplate"; t.metadata = { name: "slo" }; }),
      ],
    },
    { name: "no analysis at all", manifests: [rollout((r) => { delete r.spec.strategy.canary.analysis; })] },
  ],
  invalid: [
    {
      name: "a missing template",
      manifests: [rollout()],
      errors: ['spec.strategy.canary.analysis.templates[0].templateName: Referenced AnalysisTemplate "web-slo" not found in namespace "shop"'],
    },
    {
      name: "a template of another namespace",
      manifests: [rollout(), analysisTemplate((t) => { t.metadata.namespace = "other"; })],
      errors: ['spec.strategy.canary.analysis.templates[0].templateName: Referenced AnalysisTemplate "web-slo" not found in namespace "shop"'],
    },
    {
      name: "a step analysis naming a missing template",
      manifests: [rollout((r) => { r.spec.strategy.canary.steps.push({ analysis: { templates: [{ templateName: "smoke" }] } }); }), analysisTemplate()],
      errors: ['spec.strategy.canary.steps[3].analysis.templates[0].templateName: Referenced AnalysisTemplate "smoke" not found in namespace "shop"'],
    },
    {
      name: "the argument the template needs is not passed",
      manifests: [blueGreen({ templates: [{ templateName: "web-slo" }] }), analysisTemplate()],
      errors: ['spec.strategy.blueGreen.postPromotionAnalysis.args: AnalysisTemplate "web-slo" needs the argument "revision", which this analysis does not pass'],
    },
    {
      name: "a missing cluster-wide template",
      manifests: [rollout((r) => { r.spec.strategy.canary.analysis.templates = [{ templateName: "slo", clusterScope: true }]; })],
      errors: ['spec.strategy.canary.analysis.templates[0].templateName: Referenced ClusterAnalysisTemplate "slo" not found'],
    },
  ],
});
