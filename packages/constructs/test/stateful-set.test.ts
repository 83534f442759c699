import { describe, expect, it } from "vitest";
import { buildStatefulSet, headlessServiceName, podLabels, serviceLabels, validationMessages } from "../src/index.ts";
import { cacheSpec, resolved } from "./fixtures.ts";

describe("buildStatefulSet", () => {
  const cache = resolved(cacheSpec());
  const set = buildStatefulSet(cache);

  it("is an apps/v1 StatefulSet named after the service, in the tenant's namespace", () => {
    expect(set.apiVersion).toBe("apps/v1");
    expect(set.kind).toBe("StatefulSet");
    expect(set.metadata).toEqual({ name: "cache", namespace: "shop", labels: { ...serviceLabels(cache), version: "v1" } });
  });

  it("always sets replicas: the stage default when the spec sets none", () => {
    expect(buildStatefulSet(resolved(cacheSpec(), "dev")).spec!.replicas).toBe(1);
    expect(buildStatefulSet(resolved(cacheSpec(), "staging")).spec!.replicas).toBe(2);
    expect(set.spec!.replicas).toBe(3);
    expect(buildStatefulSet(resolved(cacheSpec({ replicas: 1 }), "prod-us-west-2")).spec!.replicas).toBe(1);
  });

  it("is governed by the headless Service", () => {
    expect(headlessServiceName(cache)).toBe("cache-headless");
    expect(set.spec!.serviceName).toBe("cache-headless");
    expect(set.spec!.podManagementPolicy).toBe("OrderedReady");
    expect(set.spec!.updateStrategy).toEqual({ type: "RollingUpdate", rollingUpdate: { partition: 0 } });
  });

  it("selects by name and version, a subset of the template's labels", () => {
    const selector = set.spec!.selector.matchLabels!;
    expect(selector).toEqual({ "app.kubernetes.io/name": "cache", version: "v1" });
    expect(set.spec!.template.metadata!.labels).toMatchObject(selector);
    expect(set.spec!.template.metadata!.labels).toEqual(podLabels(cache));
  });

  it("claims one volume per replica, of the storage's size and class, mounted by the container", () => {
    const claims = set.spec!.volumeClaimTemplates!;
    expect(claims).toHaveLength(1);
    expect(claims[0]).toEqual({
      metadata: { name: "data", labels: serviceLabels(cache) },
      spec: { accessModes: ["ReadWriteOnce"], storageClassName: "gp3", resources: { requests: { storage: "5Gi" } } },
    });
    expect(set.spec!.template.spec!.containers[0]!.volumeMounts).toEqual([{ name: "data", mountPath: "/data" }]);
  });

  it("uses the storage class the spec names over the cluster's", () => {
    const custom = buildStatefulSet(resolved(cacheSpec({ storage: { size: "1Gi", mountPath: "/var/lib/redis", storageClass: "io2" } })));
    expect(custom.spec!.volumeClaimTemplates![0]!.spec).toMatchObject({ storageClassName: "io2", resources: { requests: { storage: "1Gi" } } });
    expect(custom.spec!.template.spec!.containers[0]!.volumeMounts).toEqual([{ name: "data", mountPath: "/var/lib/redis" }]);
  });

  it("builds StatefulSets that pass the model's validation in every environment", () => {
    for (const environment of ["dev", "staging", "prod-us-west-2", "prod-us-east-1"]) {
      expect(validationMessages(buildStatefulSet(resolved(cacheSpec(), environment))), environment).toEqual([]);
    }
  });
});
