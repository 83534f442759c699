import { describe, expect, it } from "vitest";
import { imageReference } from "../../src/checks/image-reference.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServiceSpec, VersionSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec } from "../fixtures.ts";

const repository = "registry.example.com/shop/checkout";
const digest = `sha256:${"0".repeat(64)}`;

describe("service/image-reference", () => {
  it.each<[string, ServiceSpec["image"], FieldProblem[]]>([
    ["a tag", { repository, tag: "v1.4.0" }, []],
    ["a digest", { repository, digest }, []],
    ["a tag and a digest", { repository, tag: "v1.4.0", digest }, []],
    ["a tag that only contains latest", { repository, tag: "latest-2024" }, []],
    ["neither a tag nor a digest", { repository }, [{ path: "image", message: "set a tag or a digest" }]],
    ["the latest tag", { repository, tag: "latest" }, [{ path: "image.tag", message: '"latest" is not allowed: pin a version tag or a digest' }]],
    [
      "the latest tag next to a digest",
      { repository, tag: "latest", digest },
      [{ path: "image.tag", message: '"latest" is not allowed: pin a version tag or a digest' }],
    ],
  ])("%s", (_, image, problems) => {
    expect(imageReference.check(checkoutSpec({ image }), CONTEXT)).toEqual(problems);
  });

  describe("versions' images", () => {
    const LATEST = '"latest" is not allowed: pin a version tag or a digest';
    const ignored = (index: number, tag: string): FieldProblem => ({
      path: `versions[${index}].image.tag`,
      message: `"${tag}" would be ignored: the service's image is pinned by digest, which wins at pull time; set this version's digest too`,
    });
    const canary = (v2: VersionSpec["image"]): VersionSpec[] => [
      { name: "v1", weight: 90 },
      { name: "v2", weight: 10, ...(v2 === undefined ? {} : { image: v2 }) },
    ];
    const other = `sha256:${"1".repeat(64)}`;

    it.each<[string, ServiceSpec["image"], VersionSpec[], FieldProblem[]]>([
      ["a version with another tag", { repository, tag: "v1.4.0" }, canary({ tag: "v1.5.0" }), []],
      ["a version with another repository", { repository, tag: "v1.4.0" }, canary({ repository: "mirror.example.com/checkout" }), []],
      ["a version without its own image", { repository, digest }, canary(undefined), []],
      ["a version with its own digest over a pinned service", { repository, digest }, canary({ digest: other }), []],
      ["a version with its own tag and digest over a pinned service", { repository, tag: "v1.4.0", digest }, canary({ tag: "v1.5.0", digest: other }), []],
      ["a version with the latest tag", { repository, tag: "v1.4.0" }, canary({ tag: "latest" }), [{ path: "versions[1].image.tag", message: LATEST }]],
      ["a version with the latest tag and a digest", { repository, tag: "v1.4.0" }, canary({ tag: "latest", digest: other }), [{ path: "versions[1].image.tag", message: LATEST }]],
      // The canary would silently run the stable build: the service's digest wins over the version's tag.
      ["a version that only changes the tag of a digest-pinned image", { repository, digest }, canary({ tag: "v1.5.0" }), [ignored(1, "v1.5.0")]],
      ["the same with a tag on the service too", { repository, tag: "v1.4.0", digest }, canary({ tag: "v1.5.0" }), [ignored(1, "v1.5.0")]],
      [
        "the service's latest once, not again for versions that inherit it",
        { repository, tag: "latest" },
        [{ name: "a", weight: 50 }, { name: "b", weight: 50, image: { repository: "mirror.example.com/checkout" } }],
        [{ path: "image.tag", message: LATEST }],
      ],
    ])("%s", (_, image, versions, problems) => {
      expect(imageReference.check(checkoutSpec({ image, versions }), CONTEXT)).toEqual(problems);
    });
  });
});
