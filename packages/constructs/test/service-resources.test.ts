import type { ResolvedService } from "@cloudlab/model";
import { App, Chart } from "cdk8s";
import { describe, expect, it } from "vitest";
import { KubeObject, ResourceGroup, ServiceResources } from "../src/index.ts";
import { cacheSpec, checkoutSpec, resolved, webSpec, workerSpec } from "./fixtures.ts";

function render(service: ResolvedService): { group: ServiceResources; objects: KubeObject[] } {
  const chart = new Chart(new App(), "test", { disableResourceNameHashes: true });
  const group = new ServiceResources(chart, "service", { service });
  const objects = group.node.findAll().filter((c): c is KubeObject => c instanceof KubeObject);
  return { group, objects };
}

function kinds(service: ResolvedService): string[] {
  return render(service).objects.map((o) => `${o.kind}/${o.name}`).sort();
}

describe("ServiceResources", () => {
  it("makes a ServiceAccount, Deployment, Service, HPA, PDB and NetworkPolicy for an autoscaled stateless service", () => {
    for (const environment of ["staging", "prod-us-west-2", "prod-us-east-1"]) {
      expect(kinds(resolved(checkoutSpec(), environment)), environment).toEqual([
        "Deployment/checkout",
        "HorizontalPodAutoscaler/checkout",
        "NetworkPolicy/checkout",
        "PodDisruptionBudget/checkout",
        "Service/checkout",
        "ServiceAccount/checkout",
      ]);
    }
  });

  it("makes no HPA where the service runs a fixed count, and no PDB for a single replica", () => {
    expect(kinds(resolved(checkoutSpec(), "dev"))).toEqual([
      "Deployment/checkout",
      "NetworkPolicy/checkout",
      "Service/checkout",
      "ServiceAccount/checkout",
    ]);
    expect(kinds(resolved(webSpec()))).toEqual([
      "Deployment/web",
      "NetworkPolicy/web",
      "PodDisruptionBudget/web",
      "Service/web",
      "ServiceAccount/web",
    ]);
  });

  it("makes no Service for a fixed worker without ports", () => {
    expect(kinds(resolved(workerSpec({ replicas: 1 })))).toEqual(["Deployment/mailer", "NetworkPolicy/mailer", "ServiceAccount/mailer"]);
    expect(kinds(resolved(workerSpec({ replicas: 2 })))).toEqual([
      "Deployment/mailer",
      "NetworkPolicy/mailer",
      "PodDisruptionBudget/mailer",
      "ServiceAccount/mailer",
    ]);
  });

  it("makes a Role and RoleBinding only for a service with API access", () => {
    const spec = workerSpec({ replicas: 1, apiAccess: { rules: [{ resources: ["configmaps"], verbs: ["get", "watch"] }] } });
    expect(kinds(resolved(spec))).toEqual([
      "Deployment/mailer",
      "NetworkPolicy/mailer",
      "Role/mailer-role",
      "RoleBinding/mailer-rolebinding",
      "ServiceAccount/mailer",
    ]);
  });

  it("makes a StatefulSet with a headless Service for a stateful service, and no Deployment or HPA", () => {
    expect(kinds(resolved(cacheSpec(), "dev"))).toEqual([
      "NetworkPolicy/cache",
      "Service/cache",
      "Service/cache-headless",
      "ServiceAccount/cache",
      "StatefulSet/cache",
    ]);
    for (const environment of ["staging", "prod-us-west-2"]) {
      expect(kinds(resolved(cacheSpec(), environment)), environment).toEqual([
        "NetworkPolicy/cache",
        "PodDisruptionBudget/cache",
        "Service/cache",
        "Service/cache-headless",
        "ServiceAccount/cache",
        "StatefulSet/cache",
      ]);
    }
  });

  it("makes a headless Service but no ClusterIP Service for a stateful service without ports", () => {
    const spec = cacheSpec({ ports: undefined, probes: undefined, replicas: 1 });
    expect(kinds(resolved(spec))).toEqual(["NetworkPolicy/cache", "Service/cache-headless", "ServiceAccount/cache", "StatefulSet/cache"]);
  });

  it("renders into <tenant>/<service>/, attributed to the service's file", () => {
    const { group, objects } = render(resolved(checkoutSpec()));
    expect(group.folder).toBe("shop/checkout");
    expect(group.sourceFile).toBe("apps/platform/services/shop/checkout.ts");
    for (const object of objects) expect(ResourceGroup.of(object)).toBe(group);
  });

  it("keeps each object's typed model, and its JSON is the model's", () => {
    for (const object of render(resolved(checkoutSpec())).objects) {
      const json = object.toJson() as { kind: string; metadata: { name: string; namespace: string } };
      expect(json.kind).toBe(object.kind);
      expect(json.metadata.name).toBe(object.name);
      expect(json.metadata.namespace).toBe("shop");
      expect(typeof object.model.validate).toBe("function");
    }
  });

  it("gives every object an empty node.validate() in every environment", () => {
    for (const environment of ["dev", "staging", "prod-us-west-2", "prod-us-east-1"]) {
      for (const spec of [checkoutSpec(), webSpec(), cacheSpec(), workerSpec(), workerSpec({ apiAccess: { rules: [{ resources: ["pods"], verbs: ["list"] }] } })]) {
        for (const object of render(resolved(spec, environment)).objects) {
          expect(object.node.validate(), `${environment} ${object.kind}/${object.name}`).toEqual([]);
        }
      }
    }
  });

  it("reports a model validation failure through node.validate(), naming the field", () => {
    const service: ResolvedService = {
      ...resolved(checkoutSpec()),
      resources: { requests: { cpu: "a lot", memory: "128Mi" }, limits: { cpu: "1", memory: "1Gi" } },
    };
    const deployment = render(service).objects.find((o) => o.kind === "Deployment")!;
    const messages = deployment.node.validate();
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.some((m) => m.startsWith("spec.template.spec.containers.0.resources.requests.cpu: "))).toBe(true);
    const account = render(service).objects.find((o) => o.kind === "ServiceAccount")!;
    expect(account.node.validate()).toEqual([]);
  });
});
