import { describe, expect, it } from "vitest";
import { buildDeployment, podLabels, serviceLabels, validationMessages } from "../src/index.ts";
import { checkoutSpec, resolved, webSpec, workerSpec } from "./fixtures.ts";

const ENVIRONMENTS = ["dev", "staging", "prod-us-west-2", "prod-us-east-1"] as const;

describe("buildDeployment", () => {
  it("is an apps/v1 Deployment named after the service, in the tenant's namespace", () => {
    const deployment = buildDeployment(resolved(checkoutSpec()));
    expect(deployment.apiVersion).toBe("apps/v1");
    expect(deployment.kind).toBe("Deployment");
    expect(deployment.metadata).toEqual({ name: "checkout", namespace: "shop", labels: { ...serviceLabels(resolved(checkoutSpec())), version: "v1" } });
  });

  it("builds one Deployment per version, named <service>-<version>, selecting that version's pods", () => {
    const service = resolved(checkoutSpec({ versions: [{ name: "v1", weight: 80 }, { name: "canary", weight: 20, image: { tag: "v1.5.0" } }] }));
    const [stable, canary] = service.versions.map((v) => buildDeployment(service, v));
    expect(stable!.metadata!.name).toBe("checkout-v1");
    expect(canary!.metadata!.name).toBe("checkout-canary");
    expect(canary!.spec!.selector.matchLabels).toEqual({ "app.kubernetes.io/name": "checkout", version: "canary" });
    expect(canary!.spec!.template.metadata!.labels).toMatchObject(canary!.spec!.selector.matchLabels!);
    expect(canary!.spec!.template.spec!.containers[0]!.image).toBe("registry.example.com/shop/checkout:v1.5.0");
    expect(stable!.spec!.template.spec!.containers[0]!.image).toBe("registry.example.com/shop/checkout:v1.4.0");
    expect(canary!.spec).not.toHaveProperty("replicas");
    expect(validationMessages(canary!)).toEqual([]);
  });

  it("has no spec.replicas when autoscaled: the HPA owns the count", () => {
    for (const environment of ["staging", "prod-us-west-2", "prod-us-east-1"]) {
      const service = resolved(checkoutSpec(), environment);
      expect(service.scaling.kind).toBe("autoscaled");
      const deployment = buildDeployment(service);
      expect(deployment.spec).not.toHaveProperty("replicas");
      expect(deployment.toJSON().spec).not.toHaveProperty("replicas");
    }
  });

  it("has spec.replicas when the count is fixed", () => {
    expect(buildDeployment(resolved(checkoutSpec(), "dev")).spec?.replicas).toBe(1);
    expect(buildDeployment(resolved(webSpec(), "prod-us-west-2")).spec?.replicas).toBe(2);
    expect(buildDeployment(resolved(workerSpec(), "staging")).spec?.replicas).toBe(2);
    expect(buildDeployment(resolved(webSpec({ replicas: 0 }), "dev")).spec?.replicas).toBe(0);
  });

  it("selects by name and version, a subset of the template's labels", () => {
    for (const environment of ENVIRONMENTS) {
      for (const spec of [checkoutSpec(), webSpec(), workerSpec()]) {
        const service = resolved(spec, environment);
        const deployment = buildDeployment(service);
        const selector = deployment.spec!.selector.matchLabels!;
        expect(selector).toEqual({ "app.kubernetes.io/name": spec.name, version: "v1" });
        expect(deployment.spec!.template.metadata!.labels).toMatchObject(selector);
        expect(deployment.spec!.template.metadata!.labels).toEqual(podLabels(service));
      }
    }
  });

  it("rolls out without losing capacity and keeps a short history", () => {
    const spec = buildDeployment(resolved(checkoutSpec())).spec!;
    expect(spec.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } });
    expect(spec.revisionHistoryLimit).toBe(5);
  });

  it("runs the pods as the service's ServiceAccount, with one container", () => {
    const pod = buildDeployment(resolved(checkoutSpec())).spec!.template.spec!;
    expect(pod.serviceAccountName).toBe("checkout");
    expect(pod.terminationGracePeriodSeconds).toBe(30);
    expect(pod.containers).toHaveLength(1);
    expect(pod.containers[0]!.name).toBe("server");
  });

  it("builds Deployments that pass the model's validation in every environment", () => {
    for (const environment of ENVIRONMENTS) {
      for (const spec of [checkoutSpec(), webSpec(), workerSpec()]) {
        expect(validationMessages(buildDeployment(resolved(spec, environment))), `${spec.name} in ${environment}`).toEqual([]);
      }
    }
  });
});
