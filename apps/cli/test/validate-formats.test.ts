import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { RULES } from "@cloudlab/validate";
import { makeTempDir, run, writeFile } from "./helpers.ts";

const configMap = (name: string, extra: object = {}) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, ...extra });

/** One error (a bad name), one warning (an unknown kind), in a folder `m/`. */
function workspace(): string {
  const cwd = makeTempDir();
  writeFile(cwd, join("m", "a.yaml"), stringify(configMap("Bad_Name", { data: { "app.properties": "a,b:c" } })));
  writeFile(cwd, join("m", "b.yaml"), stringify({ apiVersion: "velero.io/v1", kind: "Schedule", metadata: { name: "nightly" } }));
  return cwd;
}

const NAME_MESSAGE =
  "Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const KIND_MESSAGE = 'no schema for kind "Schedule" in version "velero.io/v1" (Velero\'s CRDs are in no npm package): only its metadata is checked';

describe("cloudlab validate --format", () => {
  it("human (the default): file:line:col Kind/name field: message [rule]", async () => {
    const result = await run(workspace(), ["validate", "m"]);
    expect(result.stdout).toBe(`m/a.yaml:4:3 ConfigMap/Bad_Name metadata.name: ${NAME_MESSAGE} [metadata-name]\nm/b.yaml:2:1 Schedule/nightly kind: warning: ${KIND_MESSAGE} [unknown-kind]\n`);
    expect(result.code).toBe(1);
  });

  it("json: the summary and the findings as data", async () => {
    const result = await run(workspace(), ["validate", "m", "--format", "json"]);
    expect(JSON.parse(result.stdout)).toEqual({
      summary: { errors: 1, warnings: 1, files: 2, resources: 2 },
      findings: [
        { ruleId: "metadata-name", severity: "error", file: "m/a.yaml", line: 4, column: 3, resource: "ConfigMap/Bad_Name", path: "metadata.name", message: NAME_MESSAGE },
        { ruleId: "unknown-kind", severity: "warning", file: "m/b.yaml", line: 2, column: 1, resource: "Schedule/nightly", path: "kind", message: KIND_MESSAGE },
      ],
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^validate: 1 error, 1 warning in 2 resources \(2 files\)/);
  });

  it("github: one workflow annotation per finding, escaped", async () => {
    const cwd = workspace();
    writeFile(cwd, join("m", "c,d.yaml"), stringify(configMap("ok", { data: { a: "b" } })).replace("name: ok", "name: ok\n  labels: {tier: \"50%\"}"));
    const result = await run(cwd, ["validate", "m", "--format", "github"]);
    const lines = result.stdout.split("\n").filter((l) => l !== "");
    expect(lines).toEqual([
      `::error file=m/a.yaml,line=4,col=3,title=metadata-name::ConfigMap/Bad_Name metadata.name: ${NAME_MESSAGE}`,
      `::warning file=m/b.yaml,line=2,col=1,title=unknown-kind::Schedule/nightly kind: ${KIND_MESSAGE}`,
      expect.stringMatching(/^::error file=m\/c%2Cd\.yaml,line=5,col=12,title=metadata-labels::ConfigMap\/ok metadata\.labels\[tier\]: Invalid value: "50%25": a valid label/),
    ]);
    expect(result.code).toBe(1);
  });

  it("sarif: a SARIF 2.1.0 log with the rules and one located result per finding", async () => {
    const result = await run(workspace(), ["validate", "m", "--format", "sarif"]);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.runs).toHaveLength(1);
    const [run0] = log.runs;
    expect(run0.tool.driver.name).toBe("cloudlab validate");
    expect(run0.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(run0.tool.driver.rules.find((r: { id: string }) => r.id === "unknown-kind")).toMatchObject({ defaultConfiguration: { level: "warning" }, properties: { category: "schema" } });
    expect(run0.results).toEqual([
      {
        ruleId: "metadata-name",
        ruleIndex: RULES.findIndex((r) => r.id === "metadata-name"),
        level: "error",
        message: { text: `ConfigMap/Bad_Name metadata.name: ${NAME_MESSAGE}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: "m/a.yaml" }, region: { startLine: 4, startColumn: 3 } }, logicalLocations: [{ name: "ConfigMap/Bad_Name", kind: "resource" }] }],
        properties: { resource: "ConfigMap/Bad_Name", path: "metadata.name" },
      },
      {
        ruleId: "unknown-kind",
        ruleIndex: RULES.findIndex((r) => r.id === "unknown-kind"),
        level: "warning",
        message: { text: `Schedule/nightly kind: ${KIND_MESSAGE}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: "m/b.yaml" }, region: { startLine: 2, startColumn: 1 } }, logicalLocations: [{ name: "Schedule/nightly", kind: "resource" }] }],
        properties: { resource: "Schedule/nightly", path: "kind" },
      },
    ]);
    expect(result.code).toBe(1);
  });

  it("keeps machine formats clean on a clean run: an empty result, exit 0", async () => {
    const cwd = makeTempDir();
    writeFile(cwd, "ok.yaml", stringify(configMap("ok")));
    const json = await run(cwd, ["validate", "ok.yaml", "--format", "json"]);
    expect(JSON.parse(json.stdout)).toEqual({ summary: { errors: 0, warnings: 0, files: 1, resources: 1 }, findings: [] });
    expect(json.code).toBe(0);
    expect(await run(cwd, ["validate", "ok.yaml", "--format", "github"])).toMatchObject({ code: 0, stdout: "" });
    expect(JSON.parse((await run(cwd, ["validate", "ok.yaml", "--format", "sarif"])).stdout).runs[0].results).toEqual([]);
  });
});
