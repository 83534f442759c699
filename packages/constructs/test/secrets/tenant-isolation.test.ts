import fc from "fast-check";
import { SPEC_FORMATS, type EnvironmentModel } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import {
  buildEksctlClusterConfig,
  buildTenantClusterSecretStore,
  remoteSecretKey,
  serviceExternalSecrets,
  tenantExternalSecrets,
  tenantSecretPrefix,
  tenantSecretReaderName,
} from "../../src/index.ts";
import { gkeModel } from "../cluster-definition/helpers.ts";
import { checkoutSpec, fixturePlatform, resolveModels, sourcedService, sourcedTenant, webSpec, cacheSpec } from "../fixtures.ts";

/** The fixture platform with a shared secret in each tenant and a secret of each service that references one. */
function platformModels(): readonly EnvironmentModel[] {
  return resolveModels(
    fixturePlatform({
      tenants: [
        sourcedTenant({ name: "shop", team: "shop-team", secrets: [{ name: "shop-smtp", from: "smtp", keys: ["password"] }] }),
        sourcedTenant({ name: "storefront", team: "web-team", secrets: [{ name: "storefront-cdn", from: "cdn/keys", keys: ["key"] }] }),
      ],
      services: [sourcedService(checkoutSpec()), sourcedService(webSpec()), sourcedService(cacheSpec())],
    }),
  );
}

/** Every ExternalSecret of an environment with the tenant it belongs to. */
function externalSecretsOf(model: EnvironmentModel) {
  return [
    ...model.tenants.flatMap((tenant) => tenantExternalSecrets(tenant, model.environment)),
    ...model.services.flatMap((service) => serviceExternalSecrets(service, model.environment)),
  ];
}

describe("tenant isolation of secrets", () => {
  const models = platformModels();

  it("makes every ExternalSecret read through its own tenant's store, and only keys under that tenant's prefix", () => {
    let checked = 0;
    for (const model of models) {
      for (const secret of externalSecretsOf(model)) {
        const tenant = secret.metadata!.namespace!;
        expect(secret.spec!.secretStoreRef).toEqual({ kind: "ClusterSecretStore", name: `${tenant}-secrets` });
        for (const item of secret.spec!.data!) expect(item.remoteRef.key.startsWith(tenantSecretPrefix(model.environment, tenant))).toBe(true);
        checked += 1;
      }
    }
    // shop: checkout-db, shop-smtp, alert-receivers; storefront: storefront-cdn, alert-receivers; in 4 environments.
    expect(checked).toBe(20);
  });

  it("lets a tenant's store serve only ExternalSecrets of the tenant's namespace, as the tenant's own reader", () => {
    const model = models.find((m) => m.environment.name === "prod-us-east-1")!;
    for (const tenant of model.tenants) {
      const store = buildTenantClusterSecretStore(tenant, model.environment).toJSON();
      expect(store.spec!.conditions).toEqual([{ namespaces: [tenant.name] }]);
      // The DR cluster reads its own region's replica.
      expect(store.spec!.provider!.aws).toEqual({
        service: "SecretsManager",
        region: "us-east-1",
        auth: { jwt: { serviceAccountRef: { name: tenantSecretReaderName(tenant.name), namespace: "external-secrets" } } },
      });
    }
  });

  it("gives each tenant's reader an IAM policy on its own prefix only, in the cluster's region", () => {
    const model = models.find((m) => m.environment.name === "prod-us-west-2")!;
    const config = buildEksctlClusterConfig(model).toJSON();
    const resources = Object.fromEntries(
      config.iam.serviceAccounts.filter((a) => a.attachPolicy !== undefined).map((a) => [a.metadata.name, a.attachPolicy!.Statement.flatMap((s) => s.Resource)]),
    );
    expect(resources).toEqual({
      "shop-secrets-reader": ["arn:aws:secretsmanager:us-west-2:*:secret:prod/shop/*"],
      "storefront-secrets-reader": ["arn:aws:secretsmanager:us-west-2:*:secret:prod/storefront/*"],
    });
  });

  it("keeps every key a spec can write under its tenant's prefix, and out of every other tenant's (shop vs shop-admin)", () => {
    const environment = models[0]!.environment;
    const path = fc.stringMatching(/^[a-z0-9][-.a-z0-9/]{0,40}$/).filter((p) => SPEC_FORMATS["secret-path"]!.test(p));
    fc.assert(
      fc.property(path, fc.constantFrom("shop", "shop-admin", "a"), (from, tenant) => {
        const key = remoteSecretKey(environment, tenant, from);
        expect(key.startsWith(tenantSecretPrefix(environment, tenant))).toBe(true);
        for (const other of ["shop", "shop-admin", "a"].filter((t) => t !== tenant)) expect(key.startsWith(tenantSecretPrefix(environment, other))).toBe(false);
      }),
    );
  });

  it("joins GCP Secret Manager ids with _ (ids allow no /), still under the tenant's prefix", () => {
    const model = gkeModel("prod-us-central1");
    expect(remoteSecretKey(model.environment, "shop", "checkout/db")).toBe("prod_shop_checkout_db");
    const store = buildTenantClusterSecretStore(model.tenants[0]!, model.environment).toJSON();
    expect(store.spec!.provider!.gcpsm).toEqual({
      projectID: "cloudlab-prod",
      auth: {
        workloadIdentity: {
          clusterLocation: "us-central1",
          clusterName: "prod-us-central1",
          clusterProjectID: "cloudlab-prod",
          serviceAccountRef: { name: "shop-secrets-reader", namespace: "external-secrets" },
        },
      },
    });
  });
});
