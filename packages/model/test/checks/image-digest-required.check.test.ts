import { describe, expect, it } from "vitest";
import { imageDigestRequired } from "../../src/checks/image-digest-required.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import { formatSpecError, resolvePlatform, type ServiceCheckContext, type ServiceSpec, type VersionSpec } from "../../src/index.ts";
import { cartSpec, checkoutSpec, contextIn, fixtureEnvironments, fixturePlatform, ledgerSpec, resolvedEnvironment, sourcedService } from "../fixtures.ts";

const repository = "registry.example.com/shop/checkout";
const digest = `sha256:${"0".repeat(64)}`;
const other = `sha256:${"1".repeat(64)}`;
const REQUIRED = contextIn({ ...resolvedEnvironment("prod"), requireImageDigests: true });
const PROD = contextIn(resolvedEnvironment("prod"));
const MISSING = "no digest, and this environment sets requireImageDigests: pin the image by its digest (sha256: and 64 hex digits)";
const missing = (...paths: string[]): FieldProblem[] => paths.map((path) => ({ path, message: MISSING }));
const canary = (changes: Partial<VersionSpec>[] = [{}, {}]): VersionSpec[] => changes.map((c, i) => ({ name: `v${i + 1}`, weight: i === 0 ? 90 : 10, ...c }));

describe("service/image-digest-required", () => {
  it.each<[string, Partial<ServiceSpec>, ServiceCheckContext, FieldProblem[]]>([
    ["a digest, where required", { image: { repository, digest } }, REQUIRED, []],
    ["a tag and a digest, where required", { image: { repository, tag: "v1.4.0", digest } }, REQUIRED, []],
    ["a version tag, where not required (the default)", { image: { repository, tag: "v1.4.0" } }, PROD, []],
    ["versions pinning their own digests, the service's image by tag", { image: { repository, tag: "v1.4.0" }, versions: canary([{ image: { digest } }, { image: { digest: other } }]) }, REQUIRED, []],
    ["versions inheriting the service's digest", { image: { repository, digest }, versions: canary() }, REQUIRED, []],
    ["a version tag, where required", { image: { repository, tag: "v1.4.0" } }, REQUIRED, missing("image.digest")],
    ["versions, none with a digest: the service's image is the one to pin", { image: { repository, tag: "v1.4.0" }, versions: canary([{ image: { tag: "v1.4.0" } }, { image: { tag: "v1.5.0" } }]) }, REQUIRED, missing("image.digest")],
    ["one version of two without a digest", { image: { repository, tag: "v1.4.0" }, versions: canary([{ image: { digest } }, { image: { tag: "v1.5.0" } }]) }, REQUIRED, missing("versions[1].image.digest")],
  ])("%s", (_, changes, context, expected) => {
    expect(imageDigestRequired.check(checkoutSpec(changes), context)).toEqual(expected);
  });

  it("names each service's file and the environments that require digests, not the others", () => {
    const environments = fixtureEnvironments({ "prod-us-west-2": { requireImageDigests: true }, "prod-us-east-1": { requireImageDigests: true } });
    const ledger = ledgerSpec(); // pinned by digest
    const resolution = resolvePlatform(fixturePlatform({ services: [sourcedService(checkoutSpec()), sourcedService(cartSpec()), sourcedService(ledger)], environments }));
    expect(resolution.errors.map(formatSpecError)).toEqual([
      `apps/platform/services/shop/cart.ts: cart (prod-us-west-2, prod-us-east-1): image.digest: ${MISSING}`,
      `apps/platform/services/shop/checkout.ts: checkout (prod-us-west-2, prod-us-east-1): image.digest: ${MISSING}`,
    ]);
  });

  it("blames the environment's file when its override promotes a tag without a digest", () => {
    const environments = fixtureEnvironments({ "prod-us-west-2": { requireImageDigests: true, overrides: { checkout: { image: { tag: "v1.5.0" } } } } });
    const cart = cartSpec({ image: { repository: "registry.example.com/shop/cart", digest } });
    const services = [sourcedService(checkoutSpec()), sourcedService(cart), sourcedService(ledgerSpec())];
    expect(resolvePlatform(fixturePlatform({ services, environments })).errors.map(formatSpecError)).toEqual([
      `apps/platform/environments/prod-us-west-2.ts: checkout (prod-us-west-2): image.digest: ${MISSING}`,
    ]);
  });
});
