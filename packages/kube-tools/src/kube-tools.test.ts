import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kubeTools, layerZipPath, ZipFile } from "./index.ts";

const tools = kubeTools();

describe.skipIf(layerZipPath() === undefined)("the layer archive", () => {
  it("holds kubectl and helm", () => {
    const zip = ZipFile.open(layerZipPath()!);
    try {
      const names = zip.entries.map((e) => e.name);
      expect(names).toContain("kubectl/kubectl");
      expect(names).toContain("helm/helm");
    } finally {
      zip.close();
    }
  });
});

describe.skipIf(tools === undefined)("kubeTools", () => {
  const temp = mkdtempSync(join(tmpdir(), "kube-tools-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it("extracts executables into a given folder, reuses them, and re-extracts a damaged one", () => {
    const cache = join(temp, "cache");
    const extracted = kubeTools(cache)!;
    expect(extracted).toEqual({ kubectl: join(cache, "kubectl"), helm: join(cache, "helm") });
    const first = statSync(extracted.kubectl);
    expect(first.mode & 0o111).not.toBe(0);
    expect(statSync(extracted.helm).size).toBe(statSync(tools!.helm).size);

    kubeTools(cache);
    expect(statSync(extracted.kubectl).mtimeMs).toBe(first.mtimeMs);

    truncateSync(extracted.kubectl, 1024);
    kubeTools(cache);
    expect(statSync(extracted.kubectl).size).toBe(first.size);
  });

  it("runs kubectl 1.28", () => {
    const out = JSON.parse(execFileSync(tools!.kubectl, ["version", "--client", "-o", "json"], { encoding: "utf8" })) as {
      clientVersion: { major: string; minor: string };
    };
    expect(`${out.clientVersion.major}.${out.clientVersion.minor}`).toBe("1.28");
  });

  it("runs helm 3", () => {
    const env = { ...process.env, HELM_CACHE_HOME: join(temp, "helm-cache"), HELM_CONFIG_HOME: join(temp, "helm-config"), HELM_DATA_HOME: join(temp, "helm-data") };
    const out = execFileSync(tools!.helm, ["version", "--short"], { encoding: "utf8", env });
    expect(out.trim()).toMatch(/^v3\.\d+\.\d+/);
  });

  it("runs kubectl kustomize on a folder", () => {
    const dir = join(temp, "kustomize");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: demo\nresources:\n  - configmap.yaml\n");
    writeFileSync(join(dir, "configmap.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  greeting: hello\n");
    const out = execFileSync(tools!.kubectl, ["kustomize", dir], { encoding: "utf8" });
    expect(out).toContain("kind: ConfigMap");
    expect(out).toContain("name: settings");
    expect(out).toContain("namespace: demo");
  });
});
