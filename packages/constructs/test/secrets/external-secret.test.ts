import { describe, expect, it } from "vitest";
import { buildExternalSecret, serviceExternalSecrets, tenantExternalSecrets, validationMessages } from "../../src/index.ts";
import { checkoutSpec, modelOf, resolved } from "../fixtures.ts";

describe("buildExternalSecret", () => {
  const model = modelOf("prod-us-east-1");

  it("renders a declared secret as an ExternalSecret of the tenant's store, one data key per declared key", () => {
    const secret = buildExternalSecret({
      secret: { name: "payment-api", from: "payment/api", keys: ["token", "user"], refresh: "15m" },
      tenant: "shop",
      environment: model.environment,
      labels: { team: "shop-team" },
    });
    expect(validationMessages(secret)).toEqual([]);
    const remoteRef = (property: string) => ({ key: "prod/shop/payment/api", property, conversionStrategy: "Default", decodingStrategy: "None", metadataPolicy: "None" });
    expect(secret.toJSON()).toEqual({
      apiVersion: "external-secrets.io/v1beta1",
      kind: "ExternalSecret",
      metadata: { name: "payment-api", namespace: "shop", labels: { team: "shop-team" } },
      spec: {
        refreshInterval: "15m",
        secretStoreRef: { kind: "ClusterSecretStore", name: "shop-secrets" },
        target: { name: "payment-api", creationPolicy: "Owner", deletionPolicy: "Retain" },
        data: [
          { secretKey: "token", remoteRef: remoteRef("token") },
          { secretKey: "user", remoteRef: remoteRef("user") },
        ],
      },
    });
  });

  it("renders a service's declared secrets with the service's labels, and none for a service without", () => {
    const checkout = resolved(checkoutSpec(), "dev");
    const [secret] = serviceExternalSecrets(checkout, modelOf("dev").environment).map((s) => s.toJSON());
    expect(secret!.metadata!.labels).toEqual({ "app.kubernetes.io/name": "checkout", "app.kubernetes.io/part-of": "shop", "app.kubernetes.io/managed-by": "cloudlab", "platform.cloud-lab.io/team": "shop-team" });
    expect(secret!.spec!.data![0]!.remoteRef.key).toBe("dev/shop/checkout/db");
    expect(secret!.spec!.refreshInterval).toBe("1h");
    expect(serviceExternalSecrets(resolved(checkoutSpec({ secrets: [], env: [] })), model.environment)).toEqual([]);
  });

  it("renders the tenant's alert receivers Secret where the AlertmanagerConfig reads it (the Prometheus Operator)", () => {
    const [receivers] = tenantExternalSecrets(model.tenants[0]!, model.environment).map((s) => s.toJSON());
    expect(receivers!.metadata!.name).toBe(model.environment.observability.alerting.receiversSecretName);
    expect(receivers!.spec!.data!.map((d: { secretKey: string; remoteRef: { key: string; property?: string } }) => [d.secretKey, d.remoteRef.key, d.remoteRef.property])).toEqual([
      ["pagerduty-routing-key", "prod/shop/alert-receivers", "pagerduty-routing-key"],
      ["slack-webhook-url", "prod/shop/alert-receivers", "slack-webhook-url"],
    ]);
  });
});
