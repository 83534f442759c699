import { describe, expect, it } from "vitest";
import { buildContainer, buildPodTemplate, DATA_VOLUME, writableVolumes } from "../src/index.ts";
import { cacheSpec, resolved, webSpec } from "./fixtures.ts";

const withPaths = (writablePaths: string[]) => resolved(webSpec({ security: { writablePaths } }));

describe("writableVolumes", () => {
  it("is empty for a service without writable paths", () => {
    expect(writableVolumes(resolved(webSpec()))).toEqual([]);
  });

  it("names one volume per path after the path", () => {
    expect(writableVolumes(withPaths(["/tmp", "/var/cache/nginx", "/home/app/.cache"]))).toEqual([
      { name: "writable-tmp", mountPath: "/tmp" },
      { name: "writable-var-cache-nginx", mountPath: "/var/cache/nginx" },
      { name: "writable-home-app-cache", mountPath: "/home/app/.cache" },
    ]);
  });

  it("lowercases, calls / root, and cuts long names to 63 characters without a trailing dash", () => {
    const long = `/${"a".repeat(50)}/${"b".repeat(20)}`;
    const volumes = writableVolumes(withPaths(["/Var/Cache", "/", long]));
    expect(volumes.map((v) => v.name)).toEqual(["writable-var-cache", "writable-root", `writable-${"a".repeat(50)}-bbb`]);
    expect(volumes[2]!.name).toHaveLength(63);
    const dash = writableVolumes(withPaths([`/${"a".repeat(53)}/b`]))[0]!.name;
    expect(dash).toBe(`writable-${"a".repeat(53)}`);
  });

  it("gives paths that slug alike distinct names, the fallback checked too", () => {
    expect(writableVolumes(withPaths(["/var/cache", "/var-cache"])).map((v) => v.name)).toEqual(["writable-var-cache", "writable-1"]);
    expect(writableVolumes(withPaths(["/2", "/x", "/x/"])).map((v) => v.name)).toEqual(["writable-2", "writable-x", "writable-3"]);
  });

  it("never takes the name of a stateful service's data volume", () => {
    expect(DATA_VOLUME).toBe("data");
    const names = writableVolumes(resolved(cacheSpec({ security: { writablePaths: ["/data-tmp", "/tmp"] } }))).map((v) => v.name);
    expect(names).toEqual(["writable-data-tmp", "writable-tmp"]);
  });

  it("becomes an emptyDir volume on the pod and a mount on the container, next to the data volume", () => {
    const service = resolved(cacheSpec({ security: { writablePaths: ["/tmp"] } }));
    expect(buildPodTemplate(service).spec!.volumes).toEqual([{ name: "writable-tmp", emptyDir: {} }]);
    expect(buildContainer(service).volumeMounts).toEqual([
      { name: "data", mountPath: "/data" },
      { name: "writable-tmp", mountPath: "/tmp" },
    ]);
  });

  it("adds no volumes or mounts when there is nothing to write", () => {
    const service = resolved(webSpec());
    expect(buildPodTemplate(service).spec).not.toHaveProperty("volumes");
    expect(buildContainer(service)).not.toHaveProperty("volumeMounts");
  });
});
