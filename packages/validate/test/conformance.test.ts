import { describe, expect, it } from "vitest";
import {
  compareWithIstioCrds,
  compareWithKubernetesOpenApi,
  renderBoutiqueChart,
  sharedAvailable,
  validateBoutiqueChart,
  validateBoutiqueManifests,
} from "../scripts/conformance-checks.ts";

const errorsOf = (findings: readonly { severity: string; file: string; ruleId: string; message: string }[]) =>
  findings.filter((f) => f.severity === "error").map((f) => `${f.file} ${f.ruleId}: ${f.message}`);

/** A field each Istio release lacks and the catalog knows: `targetRefs` came after 1.20, `serviceAccounts` after 1.24. */
const NEWER_FIELD = { "1.20": "AuthorizationPolicy .spec.targetRefs", "1.24": "AuthorizationPolicy .spec.rules[].from[].source.serviceAccounts" } as const;

// Reference material from ../shared (never copied into the project); skipped where it is absent.
describe.skipIf(!sharedAvailable())("conformance with ../shared", () => {
  it("validates Online Boutique's Kubernetes and Istio manifests without errors", () => {
    const report = validateBoutiqueManifests();
    expect(report.resources).toBeGreaterThan(30);
    expect(errorsOf(report.findings)).toEqual([]);
  });

  it("validates Online Boutique's Helm chart, rendered by the real helm, without errors", (context) => {
    const rendered = renderBoutiqueChart();
    if (rendered === undefined) return context.skip();
    const report = validateBoutiqueChart(rendered);
    expect(report.resources).toBeGreaterThan(30);
    expect(errorsOf(report.findings)).toEqual([]);
  });

  it("knows every kind of the Kubernetes 1.28.0 OpenAPI document, serves exactly those on 1.28, and knows their fields", () => {
    const comparison = compareWithKubernetesOpenApi();
    expect(comparison.kinds).toBeGreaterThan(100);
    expect(comparison.unknownKinds).toEqual([]);
    expect(comparison.servedMismatches).toEqual([]);
    expect(comparison.fields).toBeGreaterThan(10_000);
    expect(comparison.unknownFields).toEqual([]);
    expect(comparison.opennessMismatches).toEqual([]);
  });

  it("serves exactly the Istio API versions the 1.20 and 1.24 CRDs serve, knows every field of theirs, and leaves their free-form fields open", () => {
    for (const istio of ["1.20", "1.24"] as const) {
      const comparison = compareWithIstioCrds(istio);
      expect(comparison.served).toBeGreaterThan(20);
      expect(comparison.servedMismatches, istio).toEqual([]);
      expect(comparison.unknownFields, istio).toEqual([]);
      expect(comparison.opennessMismatches, istio).toEqual([]);
      // Fields of later releases are known too (3.0.1 is generated from Istio 1.29's CRDs), and listed.
      expect(comparison.newerFields, istio).toContain(NEWER_FIELD[istio]);
    }
    expect(compareWithIstioCrds("1.24").newerFields).not.toContain(NEWER_FIELD["1.20"]);
  });
});
