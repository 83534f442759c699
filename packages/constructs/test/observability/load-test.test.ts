import type { ObservabilitySettingsSpec } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { buildLoadTestCronJob, buildLoadTestNetworkPolicy, loadTestUrl } from "../../src/index.ts";
import { edgeWebSpec, observedModel } from "./observability-fixtures.ts";

const enabled: ObservabilitySettingsSpec = { loadTest: { enabled: true } };

function edge(settings: ObservabilitySettingsSpec = enabled, spec = edgeWebSpec()) {
  const model = observedModel("staging", settings, [spec]);
  return { model, web: model.services.find((s) => s.name === "web")!, checkout: model.services.find((s) => s.name === "checkout")! };
}

describe("the load test", () => {
  it("is rendered only when the environment enables it, and only for edge services", () => {
    for (const settings of [{}, { loadTest: { enabled: false } }]) {
      const off = edge(settings);
      expect(buildLoadTestCronJob(off.web, off.model.environment)).toBeUndefined();
      expect(buildLoadTestNetworkPolicy(off.web, off.model.environment)).toBeUndefined();
    }
    const on = edge();
    expect(buildLoadTestCronJob(on.checkout, on.model.environment)).toBeUndefined();
    expect(buildLoadTestNetworkPolicy(on.checkout, on.model.environment)).toBeUndefined();
    expect(buildLoadTestCronJob(on.web, on.model.environment)).toBeDefined();
  });

  it("runs hey with 100 users for 5 minutes against the first non-wildcard host at the path prefix", () => {
    const { web, model } = edge();
    expect(loadTestUrl(web)).toBe("https://shop.example/store");
    const job = buildLoadTestCronJob(web, model.environment)!;
    const pod = job.spec!.jobTemplate.spec!.template;
    expect(pod.spec!.containers).toMatchObject([{ name: "hey", image: "williamyeh/hey:latest", args: ["-z", "5m", "-c", "100", "https://shop.example/store"] }]);
    expect(job.spec!.jobTemplate.spec!.activeDeadlineSeconds).toBe(600);
    expect(job.metadata).toMatchObject({ name: "loadtest-web", namespace: "storefront" });
  });

  it("takes concurrency, duration and image from the environment", () => {
    const { web, model } = edge({ loadTest: { enabled: true, concurrency: 20, durationMinutes: 1, image: "registry.example.com/hey:0.1.4" } });
    const container = buildLoadTestCronJob(web, model.environment)!.spec!.jobTemplate.spec!.template.spec!.containers[0]!;
    expect([container.image, container.args]).toEqual(["registry.example.com/hey:0.1.4", ["-z", "1m", "-c", "20", "https://shop.example/store"]]);
  });

  it("waives the image-tag-pinned policy, with the reason, only for the default image (published only as latest)", () => {
    const waiver = (image?: string) => {
      const { web, model } = edge({ loadTest: { enabled: true, ...(image === undefined ? {} : { image }) } });
      return buildLoadTestCronJob(web, model.environment)!.metadata!.annotations?.["cloudlab.io/allow-image-tag-pinned"];
    };
    expect(waiver()).toBe("the default hey image is published only as latest; set observability.loadTest.image to a pinned mirror");
    expect(waiver("registry.example.com/hey:0.1.4")).toBeUndefined();
  });

  it("is a template: suspended, run on demand, never concurrently", () => {
    const { web, model } = edge();
    const spec = buildLoadTestCronJob(web, model.environment)!.spec!;
    expect([spec.suspend, spec.concurrencyPolicy, spec.jobTemplate.spec!.backoffLimit]).toEqual([true, "Forbid", 0]);
  });

  it("is a restricted pod outside the mesh, whose labels no Service selects", () => {
    const { web, model } = edge();
    const pod = buildLoadTestCronJob(web, model.environment)!.spec!.jobTemplate.spec!.template;
    expect(pod.metadata!.labels).toMatchObject({ "app.kubernetes.io/name": "loadtest-web", "sidecar.istio.io/inject": "false" });
    expect(pod.metadata!.labels!["app.kubernetes.io/name"]).not.toBe("web");
    expect(pod.spec!.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, seccompProfile: { type: "RuntimeDefault" } });
    expect(pod.spec!.containers[0]!.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ["ALL"] },
    });
    expect(pod.spec!.automountServiceAccountToken).toBe(false);
    expect(pod.spec!.hostNetwork).toBeUndefined();
  });

  it("may leave the namespace only for HTTPS", () => {
    const { web, model } = edge();
    expect(buildLoadTestNetworkPolicy(web, model.environment)!.spec).toEqual({
      podSelector: { matchLabels: { "app.kubernetes.io/name": "loadtest-web" } },
      policyTypes: ["Egress"],
      egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ protocol: "TCP", port: 443 }] }],
    });
  });

  it("has nothing to request for an edge service with only wildcard hosts", () => {
    const { web, model } = edge(enabled, edgeWebSpec({ ingress: { hosts: ["*.shop.example"] } }));
    expect(loadTestUrl(web)).toBeUndefined();
    expect(buildLoadTestCronJob(web, model.environment)).toBeUndefined();
    expect(buildLoadTestNetworkPolicy(web, model.environment)).toBeUndefined();
  });
});
