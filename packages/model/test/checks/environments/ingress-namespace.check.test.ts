import { describe, expect, it } from "vitest";
import type { CheckedEnvironment } from "../../../src/checks/environments/index.ts";
import { ingressNamespace } from "../../../src/checks/environments/ingress-namespace.check.ts";
import type { IngressMode, SpecError } from "../../../src/index.ts";
import { checked, contextOf, file } from "./environments-fixtures.ts";

const ENV = "prod-us-west-2";
const OWN = 'the ingress gateway needs a namespace of its own (default "istio-ingress")';
const ingressIn = (namespace: string, mode: IngressMode = "gateway-api"): CheckedEnvironment => checked(ENV, "primary", {}, { mesh: { ingress: { mode, namespace } } });
const error = (message: string): SpecError => ({ file: file(ENV), kind: "environment", subject: ENV, path: "mesh.ingress.namespace", message });

describe("environments/ingress-namespace", () => {
  it.each<[string, CheckedEnvironment[], SpecError[]]>([
    ["the default istio-ingress", [checked(ENV)], []],
    ["a namespace of its own", [ingressIn("edge", "istio")], []],
    [
      "a tenant's namespace (found by the spec fuzzer: the render threw on the second Namespace)",
      [ingressIn("shop", "istio")],
      [error(`"shop" is the namespace of tenant shop (apps/platform/tenants/shop.ts): ${OWN}`)],
    ],
    ["istiod's namespace", [ingressIn("istio-system")], [error(`"istio-system" is istiod's namespace: ${OWN}`)]],
  ])("%s", (_, environments, expected) => {
    expect(ingressNamespace.check(contextOf(environments))).toEqual(expected);
  });
});
