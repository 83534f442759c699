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

  it("mounts no API token", () => {
    expect(buildServiceAccount(resolved(checkoutSpec())).automountServiceAccountToken).toBe(false);
  });

  it("builds ServiceAccounts that pass the model's validation", () => {
    for (const spec of [checkoutSpec(), webSpec(), cacheSpec(), workerSpec()]) {
      expect(validationMessages(buildServiceAccount(resolved(spec))), spec.name).toEqual([]);
    }
  });
});
