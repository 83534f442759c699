import { prodSecretSourceChanged } from "../../src/risks/prod-secret-source-changed.risk.ts";
import type { Manifest } from "../../src/index.ts";
import { manifest, rendered } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

function externalSecret(data: readonly { secretKey: string; key: string; property?: string }[], dataFrom: readonly string[] = []): Manifest {
  return manifest("external-secrets.io/v1beta1", "ExternalSecret", "payment-api", {
    secretStoreRef: { kind: "ClusterSecretStore", name: "shop-secrets" },
    data: data.map(({ secretKey, key, property }) => ({ secretKey, remoteRef: { key, ...(property === undefined ? {} : { property }) } })),
    ...(dataFrom.length === 0 ? {} : { dataFrom: dataFrom.map((key) => ({ extract: { key } })) }),
  });
}

const BASE = externalSecret([{ secretKey: "token", key: "prod/shop/payment-api", property: "token" }]);
const inEnv = (env: string, object: Manifest) => [rendered(env, object)];

riskTable(prodSecretSourceChanged, [
  { name: "unchanged", base: inEnv("prod-us-west-2", BASE), head: () => inEnv("prod-us-west-2", BASE), flags: [] },
  {
    name: "the remote key changes in prod",
    base: inEnv("prod-us-west-2", BASE),
    head: () => inEnv("prod-us-west-2", externalSecret([{ secretKey: "token", key: "prod/shop/payment-api-v2", property: "token" }])),
    flags: ["prod-us-west-2 ExternalSecret/shop/payment-api: token now read from prod/shop/payment-api-v2 (token) (was prod/shop/payment-api (token))"],
  },
  {
    name: "the property changes in the DR cluster",
    base: inEnv("prod-us-east-1", BASE),
    head: () => inEnv("prod-us-east-1", externalSecret([{ secretKey: "token", key: "prod/shop/payment-api", property: "api-token" }])),
    flags: ["prod-us-east-1 ExternalSecret/shop/payment-api: token now read from prod/shop/payment-api (api-token) (was prod/shop/payment-api (token))"],
  },
  {
    name: "a dataFrom extract changes",
    base: inEnv("prod-us-west-2", externalSecret([], ["prod/shop/all"])),
    head: () => inEnv("prod-us-west-2", externalSecret([], ["prod/shop/everything"])),
    flags: ["prod-us-west-2 ExternalSecret/shop/payment-api: dataFrom[0] now read from prod/shop/everything (was prod/shop/all)"],
  },
  {
    name: "the same change in staging is not flagged",
    base: inEnv("staging", BASE),
    head: () => inEnv("staging", externalSecret([{ secretKey: "token", key: "staging/shop/payment-api-v2", property: "token" }])),
    flags: [],
  },
  {
    name: "a key added in prod reads a new source, not a changed one",
    base: inEnv("prod-us-west-2", BASE),
    head: () => inEnv("prod-us-west-2", externalSecret([{ secretKey: "token", key: "prod/shop/payment-api", property: "token" }, { secretKey: "user", key: "prod/shop/payment-api", property: "user" }])),
    flags: [],
  },
  { name: "a new ExternalSecret in prod", base: [], head: () => inEnv("prod-us-west-2", BASE), flags: [] },
]);
