import type { ResolvedTenant } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { buildResourceQuota, tenantLabels, validationMessages } from "../src/index.ts";

const CLOUD_LAB: ResolvedTenant = {
  name: "cloud-lab",
  team: "cloud-lab",
  file: "apps/platform/tenants/cloud-lab.ts",
  description: "The cloud-lab team's own services.",
  quota: { requestsCpu: "4", requestsMemory: "8Gi", limitsCpu: "8", limitsMemory: "16Gi" },
  secrets: [],
};

describe("buildResourceQuota", () => {
  it("renders the source document's cloud-lab-quota", () => {
    const quota = buildResourceQuota(CLOUD_LAB)!;
    expect(quota.toJSON()).toEqual({
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: {
        name: "cloud-lab-quota",
        namespace: "cloud-lab",
        labels: { "app.kubernetes.io/part-of": "cloud-lab", "app.kubernetes.io/managed-by": "cloudlab", "platform.cloud-lab.io/team": "cloud-lab" },
      },
      spec: { hard: { "requests.cpu": "4", "requests.memory": "8Gi", "limits.cpu": "8", "limits.memory": "16Gi" } },
    });
    expect(validationMessages(quota)).toEqual([]);
  });

  it("is named <tenant>-quota, in the tenant's namespace, with the tenant's labels", () => {
    const shop: ResolvedTenant = { ...CLOUD_LAB, name: "shop", team: "shop-team" };
    expect(buildResourceQuota(shop)!.metadata).toEqual({ name: "shop-quota", namespace: "shop", labels: tenantLabels(shop) });
  });

  it("is undefined for a tenant without a quota", () => {
    expect(buildResourceQuota({ ...CLOUD_LAB, quota: undefined })).toBeUndefined();
  });
});
