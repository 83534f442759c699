import { describe, expect, it } from "vitest";
import { orderEnvironments } from "../src/index.ts";
import { ENVIRONMENT_SPECS } from "./fixtures.ts";

describe("orderEnvironments", () => {
  it("orders declared environments dev → staging → prod primary → prod DR, then undeclared ones by name", () => {
    expect(orderEnvironments(ENVIRONMENT_SPECS, ["zz-old", "prod-us-east-1", "dev", "prod-us-west-2", "staging", "aa-old"])).toEqual([
      { name: "dev", stage: "dev", role: "primary" },
      { name: "staging", stage: "staging", role: "primary" },
      { name: "prod-us-west-2", stage: "prod", role: "primary" },
      { name: "prod-us-east-1", stage: "prod", role: "dr" },
      { name: "aa-old" },
      { name: "zz-old" },
    ]);
  });

  it("lists only the environments asked for", () => {
    expect(orderEnvironments(ENVIRONMENT_SPECS, ["prod-us-east-1", "dev"]).map((e) => e.name)).toEqual(["dev", "prod-us-east-1"]);
  });
});
