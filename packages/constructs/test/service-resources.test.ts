import type { ResolvedService } from "@cloudlab/model";
import { App, Chart } from "cdk8s";
import { describe, expect, it } from "vitest";
import { KubeObject, ResourceGroup, ServiceResources } from "../src/index.ts";
import { cacheSpec, checkoutSpec, modelOf, resolved, webSpec, workerSpec } from "./fixtures.ts";

function render(service: ResolvedService, environment = "prod-us-west-2"): { group: ServiceResources; objects: KubeObject[] } {
  const chart = new Chart(new App(), "test", { disableResourceNameHashes: true });
  const group = new ServiceResources(chart, "service", { service, environment: modelOf(environment).environment });
  const objects = group.node.findAll().filter((c): c is KubeObject => c instanceof KubeObject);
  return { group, objects };
}

function kinds(service: ResolvedService, environment = "prod-us-west-2"): string[] {
  return render(service, environment).objects.map((o) => `${o.kind}/${o.name}`).sort();
}

/** The mesh objects of a service that listens on ports and is called. */
const MESH = (name: string) => [`AuthorizationPolicy/${name}`, `DestinationRule/${name}`, `Sidecar/${name}`, `VirtualService/${name}`];

/** Every service's SLO alerts and dashboard (the operator renders PrometheusRules in every fixture environment). */
const OBSERVABILITY = (name: string) => [`ConfigMap/grafana-dashboard-${name}`, `PrometheusRule/${name}-slo`];

describe("ServiceResources", () => {
  it("makes a Deployment, HPA, PDB, Service, ServiceAccount, NetworkPolicy, mesh objects and its secrets' ExternalSecrets for an autoscaled stateless service", () => {
    for (const environment of ["staging", "prod-us-west-2", "prod-us-east-1"]) {
      expect(kinds(resolved(checkoutSpec(), environment), environment), environment).toEqual(
        [
          ...MESH("checkout"),
          ...OBSERVABILITY("checkout"),
          "Deployment/checkout",
          "ExternalSecret/checkout-db",
          "HorizontalPodAutoscaler/checkout",
          "NetworkPolicy/checkout",
          "PodDisruptionBudget/checkout",
          "Service/checkout",
          "ServiceAccount/checkout",
        ].sort(),
      );
    }
  });

  it("makes no HPA where the service runs a fixed count, and no PDB for a single replica", () => {
    expect(kinds(resolved(checkoutSpec(), "dev"), "dev")).toEqual(
      [
        ...MESH("checkout"),
        ...OBSERVABILITY("checkout"),
        "Deployment/checkout",
        "ExternalSecret/checkout-db",
        "NetworkPolicy/checkout",
        "Service/checkout",
        "ServiceAccount/checkout",
      ].sort(),
    );
    const web = kinds(resolved(webSpec()));
    expect(web).toContain("Deployment/web");
    expect(web).toContain("PodDisruptionBudget/web");
    expect(web).not.toContain("HorizontalPodAutoscaler/web");
  });

  it("makes no Service, DestinationRule or VirtualService for a fixed worker without ports", () => {
    expect(kinds(resolved(workerSpec({ replicas: 1 })))).toEqual(
      ["Deployment/mailer", "NetworkPolicy/mailer", "ServiceAccount/mailer", "Sidecar/mailer", ...OBSERVABILITY("mailer")].sort(),
    );
    expect(kinds(resolved(workerSpec({ replicas: 2 })))).toEqual(
      ["Deployment/mailer", "NetworkPolicy/mailer", "PodDisruptionBudget/mailer", "ServiceAccount/mailer", "Sidecar/mailer", ...OBSERVABILITY("mailer")].sort(),
    );
  });

  it("makes a Role and RoleBinding only for a service with API access", () => {
    const spec = workerSpec({ replicas: 1, apiAccess: { rules: [{ resources: ["configmaps"], verbs: ["get", "watch"] }] } });
    expect(kinds(resolved(spec))).toEqual(
      [
        "Deployment/mailer",
        "NetworkPolicy/mailer",
        "Role/mailer-role",
        "RoleBinding/mailer-rolebinding",
        "ServiceAccount/mailer",
        "Sidecar/mailer",
        ...OBSERVABILITY("mailer"),
      ].sort(),
    );
  });

  it("makes a StatefulSet with a headless Service for a stateful service, and no Deployment or HPA", () => {
    // A TCP-only service gets no VirtualService (there are no HTTP routes to set).
    const mesh = MESH("cache").filter((o) => !o.startsWith("VirtualService/"));
    const stateful = ["Service/cache", "Service/cache-headless", "ServiceAccount/cache", "StatefulSet/cache", "NetworkPolicy/cache", ...OBSERVABILITY("cache")];
    expect(kinds(resolved(cacheSpec(), "dev"), "dev")).toEqual([...mesh, ...stateful].sort());
    for (const environment of ["staging", "prod-us-west-2"]) {
      expect(kinds(resolved(cacheSpec(), environment), environment), environment).toEqual([...mesh, ...stateful, "PodDisruptionBudget/cache"].sort());
    }
  });

  it("makes a headless Service but no ClusterIP Service for a stateful service without ports", () => {
    const spec = cacheSpec({ ports: undefined, probes: undefined, replicas: 1 });
    const objects = kinds(resolved(spec));
    expect(objects.filter((o) => o.startsWith("Service/") || o.startsWith("StatefulSet/"))).toEqual(["Service/cache-headless", "StatefulSet/cache"]);
  });

  it("makes one workload, HPA and PDB per version, and one Service for them all", () => {
    const spec = checkoutSpec({ versions: [{ name: "v1", weight: 90 }, { name: "v2", weight: 10, image: { tag: "v1.5.0" } }] });
    const objects = kinds(resolved(spec));
    for (const kind of ["Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget"]) {
      expect(objects.filter((o) => o.startsWith(`${kind}/`))).toEqual([`${kind}/checkout-v1`, `${kind}/checkout-v2`]);
    }
    expect(objects.filter((o) => o.startsWith("Service/"))).toEqual(["Service/checkout"]);
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
        for (const object of render(resolved(spec, environment), environment).objects) {
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
