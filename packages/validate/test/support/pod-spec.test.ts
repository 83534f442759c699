import { describe, expect, it } from "vitest";
import { containersOf } from "../../src/support/pod-spec.ts";

describe("containersOf", () => {
  const spec = { initContainers: [{ name: "init" }], containers: [{ name: "app" }, "not an object", { name: "sidecar" }], ephemeralContainers: [{ name: "debug" }] };

  it("lists every container with its path and list, in list order", () => {
    expect(containersOf(spec, ["spec"]).map(({ path, list, container }) => [path.join("."), list, container.name])).toEqual([
      ["spec.initContainers.0", "initContainers", "init"],
      ["spec.containers.0", "containers", "app"],
      ["spec.containers.2", "containers", "sidecar"],
      ["spec.ephemeralContainers.0", "ephemeralContainers", "debug"],
    ]);
  });

  it("remembers every list's containers per spec and path; other paths and lists are their own", () => {
    const path = ["spec", "template", "spec"];
    const first = containersOf(spec, path);
    expect(containersOf(spec, path)).toBe(first);
    const elsewhere = containersOf(spec, ["template", "spec"]);
    expect(elsewhere).not.toBe(first);
    expect(elsewhere[0]!.path).toEqual(["template", "spec", "initContainers", 0]);
    expect(containersOf(spec, path, ["containers"]).map((c) => c.container.name)).toEqual(["app", "sidecar"]);
    expect(containersOf({ ...spec }, path)).not.toBe(first);
  });
});
