import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kubeTools } from "@cloudlab/kube-tools";
import { synthesize } from "@cloudlab/render";
import { compareWithCloudlab, countHelmObjects, writeHelmChart } from "../src/helm-chart.ts";
import { syntheticPlatform } from "../src/synthetic-platform.ts";

const tools = kubeTools();
const temp = mkdtempSync(join(tmpdir(), "cloudlab-bench-chart-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("the bench's Helm chart", () => {
  // The bench's ratio means something only while helm renders what cloudlab renders: this fails when a change to the
  // generator is not followed in apps/bench/chart/.
  it.skipIf(tools === undefined)("renders the same objects as cloudlab for the synthetic platform, identical as data", () => {
    const definition = syntheticPlatform(20);
    const synthesis = synthesize(definition);
    expect(synthesis.specErrors).toEqual([]);
    expect(synthesis.renderProblems).toEqual([]);
    const chart = join(temp, "chart");
    const out = join(temp, "helm");
    writeHelmChart(chart, definition);
    const helm = spawnSync(tools!.helm, ["template", "bench", chart, "--output-dir", out], {
      encoding: "utf8",
      env: { ...process.env, HELM_CACHE_HOME: join(temp, "cache"), HELM_CONFIG_HOME: join(temp, "config"), HELM_DATA_HOME: join(temp, "data") },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(helm.stderr).toBe("");
    expect(helm.status).toBe(0);
    const objects = synthesis.files.filter((f) => !f.path.endsWith("kustomization.yaml")).length;
    const comparison = compareWithCloudlab(out, synthesis.files);
    expect({ different: comparison.different, onlyCloudlab: comparison.onlyCloudlab, onlyHelm: comparison.onlyHelm }).toEqual({ different: [], onlyCloudlab: [], onlyHelm: [] });
    expect(comparison.identical).toBe(objects);
    expect([...countHelmObjects(out).kinds.values()].reduce((a, b) => a + b, 0)).toBe(objects);
  });
});
