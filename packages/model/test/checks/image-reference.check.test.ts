import { describe, expect, it } from "vitest";
import { imageReference } from "../../src/checks/image-reference.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServiceSpec } from "../../src/index.ts";
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
});
