import { describe, expect, it } from "vitest";
import { buildServiceAccount, serviceLabels, validationMessages } from "../src/index.ts";
import { cacheSpec, checkoutSpec, resolved, webSpec, workerSpec } from "./fixtures.ts";

describe("buildServiceAccount", () => {
  it("is a v1 ServiceAccount named after the service, in the tenant's namespace", () => {
    const web = resolved(webSpec());
    const account = buildServiceAccount(web);
    expect(account.apiVersion).toBe("v1");
    expect(account.kind).toBe("ServiceAccount");
    expect(account.metadata).toEqual({ name: "web", namespace: "storefront", labels: serviceLabels(web) });
  });

  it("takes the name the spec gives", () => {
    expect(buildServiceAccount(resolved(webSpec({ serviceAccountName: "storefront-web" }))).metadata!.name).toBe("storefront-web");
  });

  it("mounts no API token without API access, and one with it", () => {
    expect(buildServiceAccount(resolved(checkoutSpec())).automountServiceAccountToken).toBe(false);
    const withAccess = workerSpec({ apiAccess: { rules: [{ resources: ["configmaps"], verbs: ["get", "watch"] }] } });
    expect(buildServiceAccount(resolved(withAccess)).automountServiceAccountToken).toBe(true);
  });

  it("builds ServiceAccounts that pass the model's validation", () => {
    for (const spec of [checkoutSpec(), webSpec(), cacheSpec(), workerSpec()]) {
      expect(validationMessages(buildServiceAccount(resolved(spec))), spec.name).toEqual([]);
    }
  });
});
