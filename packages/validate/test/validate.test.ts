import { describe, expect, it } from "vitest";
import { ruleLevelProblems, validateGroups, type ValidationGroup } from "../src/index.ts";
import { deployment, destinationRule, service, virtualService, yamlOf } from "./fixtures.ts";

function group(files: Record<string, string>, environment?: string): ValidationGroup {
  return { ...(environment === undefined ? {} : { environment }), sources: Object.entries(files).map(([file, content]) => ({ file, content })) };
}

function brief(groups: ValidationGroup[], options = {}) {
  return validateGroups(groups, options).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.resource} ${f.path}: ${f.message} [${f.ruleId}]`);
}

describe("validateGroups", () => {
  it("reports findings as data: rule, severity, file, line, column, environment, resource, path, message", () => {
    const report = validateGroups([group({ "dev/web.yaml": yamlOf(deployment((d) => { d.spec.replicaz = 1; })) }, "dev")]);
    expect(report.findings).toEqual([
      { ruleId: "unknown-field", severity: "error", file: "dev/web.yaml", line: 59, column: 3, environment: "dev", resource: "Deployment/web", path: "spec.replicaz", message: 'unknown field "spec.replicaz"' },
    ]);
    expect(report).toMatchObject({ files: 1, resources: 1 });
  });

  it("finds nothing in a clean service", () => {
    expect(brief([group({ "a.yaml": yamlOf(deployment(), service(), destinationRule(), virtualService()) })])).toEqual([]);
  });

  it("leaves a document with a syntax error out, and checks the file's other documents", () => {
    const content = `${yamlOf({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" }, data: { x: "1", x2: "2" } })}---\nkey: [\n---\n${yamlOf({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "B" } })}`;
    expect(brief([group({ "a.yaml": content })])).toEqual([
      "a.yaml:10:1 error  : Flow sequence in block collection must be sufficiently indented and end with a ] [yaml-syntax]",
      expect.stringMatching(/^a\.yaml:14:3 error ConfigMap\/B metadata\.name: Invalid value: "B": a lowercase RFC 1123 subdomain/),
    ]);
  });

  it("checks no semantic rule on an object that fails its schema, nor on one of an unserved apiVersion", () => {
    const broken = deployment((d) => { d.spec.replicas = "2"; d.metadata.name = "Web"; });
    const unserved = deployment((d) => { d.apiVersion = "apps/v1beta2"; d.metadata.name = "Old"; d.spec.replicaz = 1; });
    const rules = validateGroups([group({ "a.yaml": yamlOf(broken, unserved) })]).findings.map((f) => `${f.resource} ${f.ruleId}`);
    expect(rules).toEqual(["Deployment/Web schema", "Deployment/Old api-version-served", "Deployment/Old unknown-field"]);
  });

  it("reports warnings as errors with strict", () => {
    const crd = { apiVersion: "velero.io/v1", kind: "Schedule", metadata: { name: "nightly" } };
    expect(validateGroups([group({ "a.yaml": yamlOf(crd) })]).findings.map((f) => f.severity)).toEqual(["warning"]);
    expect(validateGroups([group({ "a.yaml": yamlOf(crd) })], { strict: true }).findings.map((f) => f.severity)).toEqual(["error"]);
  });

  it("lets analysis and policy rules be reconfigured or turned off", () => {
    const orphan = service((s) => { s.spec.selector = { app: "gone" }; });
    const levels = (level: "error" | "off") =>
      validateGroups([{ ...group({ "a.yaml": yamlOf(orphan) }), complete: true }], { levels: { "service-selects-no-pods": level } }).findings.map((f) => `${f.ruleId} ${f.severity}`);
    expect(levels("error")).toEqual(["service-selects-no-pods error"]);
    expect(levels("off")).toEqual([]);
    expect(ruleLevelProblems({ "service-selects-no-pods": "off", schema: "off", nope: "error" })).toEqual([
      'rule "schema" is a schema rule; only analysis and policy rules can be reconfigured',
      'unknown rule "nope"',
    ]);
  });

  it("judges partial input (files without an environment) leniently: unresolved references and policy errors are warnings", () => {
    const orphan = service((s) => { s.spec.selector = { app: "gone" }; });
    const secret = { apiVersion: "v1", kind: "Secret", metadata: { name: "db", namespace: "shop" }, stringData: { password: "x" } };
    const run = (extra: Partial<ValidationGroup>, options = {}) =>
      validateGroups([{ ...group({ "a.yaml": yamlOf(orphan, secret) }), ...extra }], { levels: { "service-selects-no-pods": "error" }, ...options }).findings.map((f) => `${f.ruleId} ${f.severity}${f.message.includes("not among the validated files") ? " (not among)" : ""}`);
    expect(run({})).toEqual(["service-selects-no-pods warning (not among)", "no-secret-data warning"]);
    expect(run({ complete: true })).toEqual(["service-selects-no-pods error", "no-secret-data error"]);
    expect(run({ environment: "dev" })).toEqual(["service-selects-no-pods error", "no-secret-data error"]);
    expect(run({}, { strict: true })).toEqual(["service-selects-no-pods error (not among)", "no-secret-data error"]);
  });

  it("analyses each group on its own: a Service of one environment does not satisfy another's routes", () => {
    const findings = validateGroups([group({ "dev/svc.yaml": yamlOf(deployment(), service(), destinationRule()) }, "dev"), group({ "prod/vs.yaml": yamlOf(virtualService()) }, "prod")]).findings;
    expect(findings.map((f) => `${f.environment} ${f.ruleId}`)).toEqual(["prod virtual-service-host-not-found", "prod virtual-service-subset-not-found"]);
  });

  it("analyses objects across the files of a group", () => {
    expect(brief([group({ "a/deployment.yaml": yamlOf(deployment()), "b/service.yaml": yamlOf(service()), "c/mesh.yaml": yamlOf(destinationRule(), virtualService()) })])).toEqual([]);
  });

  it("validates the items of a v1 List one by one, located in the List", () => {
    const list = { apiVersion: "v1", kind: "List", items: [service(), service((s) => { s.metadata.name = "api"; s.spec.ports[0].port = 0; })] };
    const report = validateGroups([group({ "list.yaml": yamlOf(deployment(), list) })]);
    expect(report.resources).toBe(3);
    expect(report.findings.map((f) => `${f.line}:${f.column} ${f.resource} ${f.path} [${f.ruleId}]`)).toEqual(["85:11 Service/api spec.ports[0].port [port-range]"]);
  });

  it("skips tool configuration: kustomizations and eksctl cluster configs", () => {
    const report = validateGroups([group({ "k.yaml": "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n", "e.yaml": "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: eu-west-1}\n" })]);
    expect(report).toEqual({ findings: [], files: 2, resources: 0 });
  });

  it("does not depend on the order of files or objects", () => {
    const files = { "a.yaml": yamlOf(virtualService((v) => { v.spec.hostz = []; })), "b.yaml": yamlOf(service(), deployment((d) => { d.spec.template.spec.containers[0].name = "Web"; })) };
    const forward = brief([group(files)]);
    const backward = brief([group(Object.fromEntries(Object.entries(files).reverse()))]);
    expect(forward).toEqual(backward);
    expect(forward.length).toBeGreaterThan(0);
  });
});
