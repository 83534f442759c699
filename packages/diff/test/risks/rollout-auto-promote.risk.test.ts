import type { Manifest } from "../../src/index.ts";
import { rolloutAutoPromote } from "../../src/risks/rollout-auto-promote.risk.ts";
import { everywhere, manifest, rendered, replace } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

function blueGreen(autoPromotionEnabled: boolean | undefined): Manifest {
  return manifest("argoproj.io/v1alpha1", "Rollout", "web", {
    strategy: { blueGreen: { activeService: "web", previewService: "web-preview", ...(autoPromotionEnabled === undefined ? {} : { autoPromotionEnabled }) } },
  });
}
const canary = manifest("argoproj.io/v1alpha1", "Rollout", "web", { strategy: { canary: { steps: [{ setWeight: 100 }] } } });
const PROD = "prod-us-west-2";

riskTable(rolloutAutoPromote, [
  { name: "a person still promotes", base: everywhere([blueGreen(false)]), head: (b) => b, flags: [] },
  { name: "turned on in staging", base: everywhere([blueGreen(false)]), head: (b) => replace(b, rendered("staging", blueGreen(true))), flags: [] },
  { name: "already on before", base: everywhere([blueGreen(true)]), head: (b) => replace(b, rendered(PROD, blueGreen(undefined))), flags: [] },
  { name: "a canary (it has no promotion switch)", base: everywhere([blueGreen(false)]), head: (b) => replace(b, rendered(PROD, canary)), flags: [] },
  {
    name: "turned on in prod",
    base: everywhere([blueGreen(false)]),
    head: (b) => replace(b, rendered(PROD, blueGreen(true))),
    flags: [`${PROD} Rollout/shop/web: autoPromotionEnabled turned on: the switch to the new pods no longer waits for a person`],
  },
  {
    name: "the field dropped in the DR cluster (Argo Rollouts then promotes by default)",
    base: everywhere([blueGreen(false)]),
    head: (b) => replace(b, rendered("prod-us-east-1", blueGreen(undefined))),
    flags: ["prod-us-east-1 Rollout/shop/web: autoPromotionEnabled turned on: the switch to the new pods no longer waits for a person"],
  },
  {
    name: "a self-promoting blue-green added in prod",
    base: [],
    head: () => [rendered(PROD, blueGreen(true))],
    flags: [`${PROD} Rollout/shop/web: added as a blue-green that promotes itself: no one approves the switch`],
  },
]);
