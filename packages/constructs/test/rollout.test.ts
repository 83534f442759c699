import { describe, expect, it } from "vitest";
import {
  buildDeployment,
  buildHorizontalPodAutoscaler,
  buildPodDisruptionBudget,
  buildPreviewService,
  buildRollout,
  CANONICAL_REVISION_LABEL,
  imageRevision,
  validationMessages,
} from "../src/index.ts";
import { checkoutSpec, cloudLabSpec, modelOf, webSpec } from "./fixtures.ts";
import { resolved } from "./fixtures.ts";

const canarySpec = () => cloudLabSpec({ versions: undefined, image: { repository: "registry.cloud-lab.example/cloud-lab/cloud-lab-service", tag: "1.1.0" }, delivery: { strategy: "canary" } });
const blueGreenSpec = (autoPromote = false) => webSpec({ delivery: { strategy: "blue-green", autoPromote } });

describe("buildRollout", () => {
  it("is nothing for a service delivered by weights", () => {
    expect(buildRollout(resolved(checkoutSpec()))).toBeUndefined();
  });

  it("keeps the Deployment's selector, pod template, history and replica ownership, adding only the pods' revision", () => {
    for (const spec of [canarySpec(), blueGreenSpec()]) {
      const service = resolved(spec);
      const rollout = buildRollout(service)!.toJSON();
      const deployment = buildDeployment(resolved({ ...spec, delivery: undefined })).toJSON();
      expect(rollout.metadata).toEqual(deployment.metadata);
      expect(rollout.spec.selector).toEqual(deployment.spec!.selector);
      expect(rollout.spec.revisionHistoryLimit).toBe(deployment.spec!.revisionHistoryLimit);
      expect(rollout.spec.replicas).toBe(deployment.spec!.replicas);
      const { [CANONICAL_REVISION_LABEL]: revision, ...labels } = rollout.spec.template!.metadata!.labels!;
      expect(revision).toBe(imageRevision(service.image));
      expect({ ...rollout.spec.template, metadata: { ...rollout.spec.template!.metadata, labels } }).toEqual(deployment.spec!.template);
      expect(validationMessages(buildRollout(service)!)).toEqual([]);
    }
  });

  it("steps a canary's Istio weights: each step below 100 % paused, the SLO analysis in the background from the first pause", () => {
    const service = resolved(cloudLabSpec({ versions: undefined, delivery: { strategy: "canary", steps: [5, 50, 100], pause: "10m" } }));
    expect(buildRollout(service)!.toJSON().spec.strategy).toEqual({
      canary: {
        maxSurge: "25%",
        maxUnavailable: 0,
        trafficRouting: {
          istio: {
            virtualServices: [{ name: "cloud-lab-service", routes: ["default"] }],
            destinationRule: { name: "cloud-lab-service", canarySubsetName: "canary", stableSubsetName: "stable" },
          },
        },
        steps: [{ setWeight: 5 }, { pause: { duration: "10m" } }, { setWeight: 50 }, { pause: { duration: "10m" } }, { setWeight: 100 }],
        analysis: { templates: [{ templateName: "cloud-lab-service-slo" }], args: [{ name: "revision", value: "1.0.0" }], startingStep: 1 },
      },
    });
  });

  it("names the edge VirtualService too where the ingress is Istio's, and runs no analysis with analysis none", () => {
    const spec = cloudLabSpec({ versions: undefined, ingress: { hosts: ["api.cloud-lab.example"] }, delivery: { strategy: "canary", analysis: "none" } });
    const model = modelOf("prod-us-west-2");
    const istio = { ...model.environment, mesh: { ...model.environment.mesh, ingress: { ...model.environment.mesh.ingress, mode: "istio" as const } } };
    const canary = buildRollout(resolved(spec), istio)!.toJSON().spec.strategy!.canary!;
    expect(canary.trafficRouting!.istio!.virtualServices).toEqual([
      { name: "cloud-lab-service", routes: ["default"] },
      { name: "cloud-lab-service-ingress", routes: ["default"] },
    ]);
    expect(canary).not.toHaveProperty("analysis");
    expect(buildRollout(resolved(spec), model.environment)!.toJSON().spec.strategy!.canary!.trafficRouting!.istio!.virtualServices).toHaveLength(1);
  });

  it("switches a blue-green's active and preview Services, promoted by a person unless autoPromote, judged after the switch", () => {
    expect(buildRollout(resolved(blueGreenSpec()))!.toJSON().spec.strategy).toEqual({
      blueGreen: {
        activeService: "web",
        previewService: "web-preview",
        autoPromotionEnabled: false,
        scaleDownDelaySeconds: 300,
        postPromotionAnalysis: { templates: [{ templateName: "web-slo" }], args: [{ name: "revision", value: "v2.0.1" }] },
      },
    });
    expect(buildRollout(resolved(blueGreenSpec(true)))!.toJSON().spec.strategy!.blueGreen!.autoPromotionEnabled).toBe(true);
  });

  it("is scaled by the HPA and guarded by the same PDB as the Deployment was", () => {
    const service = resolved(checkoutSpec({ delivery: { strategy: "canary" } }));
    expect(buildHorizontalPodAutoscaler(service)!.spec!.scaleTargetRef).toEqual({ apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", name: "checkout" });
    expect(buildPodDisruptionBudget(service)!.spec).toEqual(buildPodDisruptionBudget(resolved(checkoutSpec()))!.spec);
    expect(buildRollout(service)!.toJSON().spec).not.toHaveProperty("replicas");
  });
});

describe("buildPreviewService", () => {
  it("is a blue-green's second Service, with the active one's selector and ports", () => {
    const service = resolved(blueGreenSpec());
    const preview = buildPreviewService(service)!.toJSON();
    expect(preview.metadata!.name).toBe("web-preview");
    expect(preview.spec).toEqual({ type: "ClusterIP", selector: { "app.kubernetes.io/name": "web" }, ports: [{ name: "http", port: 80, targetPort: 8080, protocol: "TCP", appProtocol: "http" }] });
    expect(buildPreviewService(resolved(canarySpec()))).toBeUndefined();
    expect(buildPreviewService(resolved(webSpec()))).toBeUndefined();
  });
});

describe("imageRevision", () => {
  it.each([
    ["registry.example.com/shop/checkout:v1.4.0", "v1.4.0"],
    ["registry.example.com:5000/shop/checkout:1.1.0@sha256:" + "ab".repeat(32), "1.1.0"],
    ["registry.example.com:5000/shop/checkout@sha256:" + "0123456789ab".repeat(5) + "cdef", "sha256-0123456789ab"],
    ["redis:_odd-tag.", "odd-tag"],
    [`app:${"x".repeat(100)}`, "x".repeat(63)],
  ])("%s → %s", (image, revision) => {
    expect(imageRevision(image)).toBe(revision);
  });
});
