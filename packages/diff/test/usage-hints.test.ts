import { describe, expect, it } from "vitest";
import { parseUsageHints } from "../src/index.ts";

describe("parseUsageHints", () => {
  it("accepts environment → namespace/workload/container → cpu and memory quantities", () => {
    const json = { "prod-us-west-2": { "shop/web/server": { cpu: "180m", memory: "300Mi" }, "shop/api/server": { memory: "1Gi" } } };
    expect(parseUsageHints(json)).toEqual({ hints: json, problems: [] });
  });

  it("names every mistake by its path, and returns no hints when there is one", () => {
    const parsed = parseUsageHints({ dev: { "shop/web": { cpu: "1" }, "shop/web/server": { cpu: "lots", disk: "1Gi", memory: 5 } }, prod: [] });
    expect(parsed).toEqual({
      hints: {},
      problems: [
        'dev.shop/web: the key must be "namespace/workload/container"',
        'dev.shop/web/server.cpu: "lots" is not a quantity',
        "dev.shop/web/server.disk: unknown resource (cpu or memory)",
        "dev.shop/web/server.memory: 5 is not a quantity",
        'prod: must be an object keyed by "namespace/workload/container"',
      ],
    });
    expect(parseUsageHints([]).problems).toEqual(["(root): must be an object keyed by environment"]);
  });
});
