import { describe, expect, it } from "vitest";
import { immutableProdImage } from "../../src/checks/immutable-prod-image.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServiceCheckContext, ServiceSpec, VersionSpec } from "../../src/index.ts";
import { checkoutSpec, contextIn, resolvedEnvironment } from "../fixtures.ts";

const repository = "registry.example.com/shop/checkout";
const digest = `sha256:${"0".repeat(64)}`;
const PROD = contextIn(resolvedEnvironment("prod"));
const PROD_DR = contextIn(resolvedEnvironment("prod", "dr"));
const STAGING = contextIn(resolvedEnvironment("staging"));
const DEV = contextIn(resolvedEnvironment("dev"));
const mutable = (tag: string): FieldProblem[] => [
  { path: "image.tag", message: `"${tag}" is not an immutable version tag (1.2.3 or v1.2.3): prod needs one, or a digest` },
];

describe("service/immutable-prod-image", () => {
  it.each<[string, ServiceSpec["image"], ServiceCheckContext, FieldProblem[]]>([
    ["a v-prefixed version tag in prod", { repository, tag: "v1.4.0" }, PROD, []],
    ["a plain version tag in prod", { repository, tag: "1.4.0" }, PROD, []],
    ["a pre-release version tag in prod", { repository, tag: "v1.5.0-rc.1" }, PROD, []],
    ["a version tag with build metadata in prod", { repository, tag: "1.5.0+build.7" }, PROD, []],
    ["a digest in prod", { repository, digest }, PROD, []],
    ["a moving tag next to a digest in prod (the digest wins)", { repository, tag: "main", digest }, PROD, []],
    ["neither tag nor digest (service/image-reference reports it)", { repository }, PROD, []],
    ["a moving tag in staging", { repository, tag: "main" }, STAGING, []],
    ["a moving tag in dev", { repository, tag: "latest-dev" }, DEV, []],
    ["a moving tag in prod", { repository, tag: "main" }, PROD, mutable("main")],
    ["a moving tag in the prod DR cluster", { repository, tag: "stable" }, PROD_DR, mutable("stable")],
    ["a two-part version in prod", { repository, tag: "v1.4" }, PROD, mutable("v1.4")],
    ["a capital V in prod", { repository, tag: "V1.4.0" }, PROD, mutable("V1.4.0")],
    ["an empty pre-release in prod", { repository, tag: "1.4.0-" }, PROD, mutable("1.4.0-")],
    ["a four-part version in prod", { repository, tag: "1.4.0.1" }, PROD, mutable("1.4.0.1")],
  ])("%s", (_, image, context, problems) => {
    expect(immutableProdImage.check(checkoutSpec({ image }), context)).toEqual(problems);
  });

  describe("versions' images", () => {
    const canary = (v2: VersionSpec["image"]): VersionSpec[] => [
      { name: "v1", weight: 90 },
      { name: "v2", weight: 10, ...(v2 === undefined ? {} : { image: v2 }) },
    ];
    const atVersion = (tag: string): FieldProblem[] => [
      { path: "versions[1].image.tag", message: `"${tag}" is not an immutable version tag (1.2.3 or v1.2.3): prod needs one, or a digest` },
    ];

    it.each<[string, ServiceSpec["image"], VersionSpec[], ServiceCheckContext, FieldProblem[]]>([
      ["a version tag in prod", { repository, tag: "v1.4.0" }, canary({ tag: "v1.5.0-rc.1" }), PROD, []],
      ["a version without a tag of its own", { repository, tag: "v1.4.0" }, canary({ repository: "mirror.example.com/checkout" }), PROD, []],
      ["a moving tag pinned by the version's digest", { repository, tag: "v1.4.0" }, canary({ tag: "main", digest }), PROD, []],
      ["a moving tag in staging", { repository, tag: "v1.4.0" }, canary({ tag: "main" }), STAGING, []],
      ["a moving tag in prod", { repository, tag: "v1.4.0" }, canary({ tag: "main" }), PROD, atVersion("main")],
      ["a moving tag in the prod DR cluster", { repository, tag: "v1.4.0" }, canary({ tag: "canary" }), PROD_DR, atVersion("canary")],
      [
        "a moving tag on the service and on a version, each reported",
        { repository, tag: "stable" },
        canary({ tag: "main" }),
        PROD,
        [...mutable("stable"), ...atVersion("main")],
      ],
    ])("%s", (_, image, versions, context, problems) => {
      expect(immutableProdImage.check(checkoutSpec({ image, versions }), context)).toEqual(problems);
    });
  });
});
