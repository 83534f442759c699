import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { USAGE } from "../src/main.ts";
import { makeTempDir, makeWorkspace, run, samplePlatformSpecs, writeFile } from "./helpers.ts";

/** Objects as one multi-document YAML file. */
function yamlOf(...objects: readonly unknown[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join("---\n");
}

const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "shop" },
  spec: {
    selector: { matchLabels: { app: "web" } },
    template: {
      metadata: { labels: { app: "web" } },
      spec: {
        securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
        containers: [
          {
            name: "web",
            image: "registry.example/web:1.0.0",
            ports: [{ name: "http", containerPort: 8080 }],
            resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
            readinessProbe: { httpGet: { path: "/", port: "http" } },
            livenessProbe: { httpGet: { path: "/", port: "http" } },
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
          },
        ],
      },
    },
  },
};
const service = { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "shop" }, spec: { selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: 8080 }] } };
const schedule = { apiVersion: "velero.io/v1", kind: "Schedule", metadata: { name: "nightly", namespace: "velero" }, spec: { schedule: "@daily" } };

/** A folder `manifests/` with the given files, in a fresh working directory. */
function manifests(files: Record<string, string>): string {
  const cwd = makeTempDir();
  for (const [path, content] of Object.entries(files)) writeFile(cwd, join("manifests", path), content);
  return cwd;
}

const SUMMARY = /^validate: (\d+) errors?, (\d+) warnings? in (\d+) resources? \((\d+) files?\); \d+\.\d\d s, \d+ resources\/s\n$/;

describe("cloudlab validate", () => {
  it("exits 0 on clean manifests, prints nothing but the summary (on stderr)", async () => {
    const cwd = manifests({ "web.yaml": yamlOf(deployment, service) });
    const result = await run(cwd, ["validate", "manifests"]);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(SUMMARY);
    expect(SUMMARY.exec(result.stderr)!.slice(1)).toEqual(["0", "0", "2", "1"]);
    expect(result.code).toBe(0);
  });

  it("exits 1 on errors, one `file:line:col Kind/name field: message [rule]` line each", async () => {
    const broken = { ...deployment, spec: { ...deployment.spec, replicaz: 2 } };
    const cwd = manifests({ "a/web.yaml": yamlOf(broken), "b/service.yaml": yamlOf({ ...service, apiVersion: "v2" }) });
    const result = await run(cwd, ["validate", "manifests"]);
    expect(result.stdout).toBe(
      [
        'manifests/a/web.yaml:45:3 Deployment/web spec.replicaz: unknown field "spec.replicaz" [unknown-field]',
        'manifests/b/service.yaml:1:1 Service/web apiVersion: no matches for kind "Service" in version "v2" on Kubernetes 1.28 [api-version-served]',
        "",
      ].join("\n"),
    );
    expect(result.code).toBe(1);
  });

  it("exits 0 on warnings, and 1 with --strict, where they become errors", async () => {
    const cwd = manifests({ "schedule.yaml": yamlOf(schedule) });
    const line = 'manifests/schedule.yaml:2:1 Schedule/nightly kind: %sno schema for kind "Schedule" in version "velero.io/v1" (Velero\'s CRDs are in no npm package): only its metadata is checked [unknown-kind]\n';
    const relaxed = await run(cwd, ["validate", "manifests"]);
    expect(relaxed).toMatchObject({ code: 0, stdout: line.replace("%s", "warning: ") });
    const strict = await run(cwd, ["validate", "manifests", "--strict"]);
    expect(strict).toMatchObject({ code: 1, stdout: line.replace("%s", "") });
  });

  it("validates files and folders given together as one group, so references across them resolve", async () => {
    const virtualService = { apiVersion: "networking.istio.io/v1beta1", kind: "VirtualService", metadata: { name: "web", namespace: "shop" }, spec: { hosts: ["web"], http: [{ route: [{ destination: { host: "web" } }] }] } };
    const cwd = manifests({ "k8s/web.yaml": yamlOf(deployment, service), "istio/vs.yaml": yamlOf(virtualService) });
    expect((await run(cwd, ["validate", "manifests/k8s", "manifests/istio/vs.yaml"])).code).toBe(0);
  });

  it("treats paths as partial input: a reference they do not resolve is a warning saying so, exit 0; --complete makes it an error", async () => {
    const virtualService = { apiVersion: "networking.istio.io/v1beta1", kind: "VirtualService", metadata: { name: "web", namespace: "shop" }, spec: { hosts: ["web"], http: [{ route: [{ destination: { host: "web" } }] }] } };
    const cwd = manifests({ "istio/vs.yaml": yamlOf(virtualService) });
    const finding = 'manifests/istio/vs.yaml:12:13 VirtualService/web spec.http[0].route[0].destination.host: %sReferenced host not found: "web" (IST0101)%s [virtual-service-host-not-found]\n';
    const alone = await run(cwd, ["validate", "manifests/istio"]);
    expect(alone.stdout).toBe(
      finding
        .replace("%s", "warning: ")
        .replace("%s", "; the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)"),
    );
    expect(alone.code).toBe(0);
    const complete = await run(cwd, ["validate", "manifests/istio", "--complete"]);
    expect(complete.stdout).toBe(finding.replace(/%s/g, ""));
    expect(complete.code).toBe(1);
    expect((await run(cwd, ["validate", "manifests/istio", "--strict"])).code).toBe(1);
  });

  it("reports policy errors as warnings on partial input, and as errors with --complete", async () => {
    const secret = { apiVersion: "v1", kind: "Secret", metadata: { name: "db", namespace: "shop" }, stringData: { password: "hunter2" } };
    const cwd = manifests({ "secret.yaml": yamlOf(secret) });
    const partial = await run(cwd, ["validate", "manifests"]);
    expect(partial.stdout).toMatch(/^manifests\/secret\.yaml:\d+:\d+ Secret\/db stringData: warning: .* \[no-secret-data\]\n$/);
    expect(partial.code).toBe(0);
    const complete = await run(cwd, ["validate", "manifests", "--complete"]);
    expect(complete.stdout).toMatch(/^manifests\/secret\.yaml:\d+:\d+ Secret\/db stringData: (?!warning).* \[no-secret-data\]\n$/);
    expect(complete.code).toBe(1);
  });

  it("takes an istioctl code in --rule for every rule that carries it", async () => {
    const virtualService = { apiVersion: "networking.istio.io/v1beta1", kind: "VirtualService", metadata: { name: "web", namespace: "shop" }, spec: { hosts: ["web"], http: [{ route: [{ destination: { host: "web" } }] }] } };
    const cwd = manifests({ "vs.yaml": yamlOf(virtualService) });
    expect(await run(cwd, ["validate", "manifests", "--complete", "--rule", "IST0101=off"])).toMatchObject({ code: 0, stdout: "" });
  });

  it("checks served versions against --kubernetes-version and --istio-version", async () => {
    const hpa = { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "web", namespace: "shop" }, spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, maxReplicas: 3 } };
    const peer = { apiVersion: "security.istio.io/v1", kind: "PeerAuthentication", metadata: { name: "default", namespace: "shop" }, spec: { mtls: { mode: "STRICT" } } };
    const cwd = manifests({ "web.yaml": yamlOf(deployment, hpa, peer) });
    expect((await run(cwd, ["validate", "manifests", "--istio-version", "1.22"])).code).toBe(0);
    const old = await run(cwd, ["validate", "manifests", "--kubernetes-version", "1.22", "--istio-version", "1.20"]);
    expect(old.stdout.split("\n").filter((l) => l !== "").map((l) => l.replace(/^.* \[/, "["))).toEqual(["[api-version-served]", "[api-version-served]"]);
    expect(old.stdout).toContain("autoscaling/v2 HorizontalPodAutoscaler is served from v1.23 (no matches for kind");
    expect(old.code).toBe(1);
  });

  it("reconfigures analysis and policy rules with --rule", async () => {
    const cwd = manifests({ "web.yaml": yamlOf(deployment, { ...service, spec: { ...service.spec, selector: { app: "gone" } } }) });
    expect((await run(cwd, ["validate", "manifests"])).code).toBe(0);
    const asError = await run(cwd, ["validate", "manifests", "--complete", "--rule", "service-selects-no-pods=error"]);
    expect(asError.stdout).toBe('manifests/web.yaml:52:3 Service/web spec.selector: selects no pods of any workload in namespace "shop" [service-selects-no-pods]\n');
    expect(asError.code).toBe(1);
    expect(await run(cwd, ["validate", "manifests", "--rule", "service-selects-no-pods=off"])).toMatchObject({ code: 0, stdout: "" });
  });

  it("exits 2 on usage errors, without validating", async () => {
    const cwd = manifests({ "web.yaml": yamlOf(deployment) });
    const cases: [string[], string][] = [
      [["--format", "xml"], "cloudlab: --format must be one of human, json, github, sarif, not \"xml\""],
      [["--kubernetes-version", "1.28.3"], 'cloudlab: --kubernetes-version takes a minor version such as 1.28, not "1.28.3"'],
      [["--rule", "schema=off"], 'cloudlab: --rule: rule "schema" is a schema rule; only analysis and policy rules can be reconfigured'],
      [["--rule", "probes-required"], 'cloudlab: --rule takes RULE=error|warning|off, not "probes-required"'],
      [["manifests/missing.yaml"], "cloudlab: no such file or folder: manifests/missing.yaml"],
    ];
    for (const [args, message] of cases) {
      const result = await run(cwd, ["validate", ...(args[0]!.startsWith("--") ? ["manifests"] : []), ...args]);
      expect(result, args.join(" ")).toEqual({ code: 2, stdout: "", stderr: `${message}\nRun \`cloudlab --help\` for usage.\n` });
    }
    expect((await run(makeTempDir(), ["validate"])).stderr).toMatch(/^cloudlab: nothing to validate: environments\/ holds no rendered environment/);
  });

  it("lists the command in the usage", () => {
    expect(USAGE).toContain("validate [PATH]... [--format human|json|github|sarif] [--strict] [--complete]");
  });
});

describe("cloudlab validate over rendered environments", () => {
  it("passes the committed environments/ of apps/platform: no errors", async () => {
    const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
    const result = await run(repoRoot, ["validate"]);
    expect(result.stdout.split("\n").filter((l) => l !== "" && !l.includes(" warning: "))).toEqual([]);
    expect(result.stderr).toMatch(/^validate: 0 errors, \d+ warnings? in \d+ resources \(\d+ files\)/);
    expect(result.code).toBe(0);
  });

  it("takes the output folder named as a path (`environments`, `environments/`) for its environment folders, as by default", async () => {
    const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
    const byDefault = await run(repoRoot, ["validate", "--format", "json"]);
    for (const path of ["environments", "environments/", "./environments"]) {
      const named = await run(repoRoot, ["validate", "--format", "json", path]);
      expect(named.stdout, path).toBe(byDefault.stdout);
      expect(named.code, path).toBe(0);
    }
  });

  it("validates every environment folder at the environment's versions by default", async () => {
    const specs = samplePlatformSpecs() as Record<string, any>;
    specs["platform/environments/prod-us-west-2.ts"].versions = { istio: "1.22" };
    const cwd = makeWorkspace(specs);
    expect((await run(cwd, ["synth", "--platform", "platform"])).code).toBe(0);
    // The same Istio v1 object is served by prod (Istio 1.22) and not by dev (1.20).
    const peer = yamlOf({ apiVersion: "security.istio.io/v1", kind: "PeerAuthentication", metadata: { name: "extra", namespace: "shop" }, spec: { mtls: { mode: "STRICT" } } });
    writeFile(cwd, "environments/dev/shop/_tenant/peerauthentication-extra.yaml", peer);
    writeFile(cwd, "environments/prod-us-west-2/shop/_tenant/peerauthentication-extra.yaml", peer);
    const result = await run(cwd, ["validate", "--platform", "platform"]);
    const errors = result.stdout.split("\n").filter((l) => l !== "" && !l.includes(" warning: "));
    expect(errors).toEqual([
      'environments/dev/shop/_tenant/peerauthentication-extra.yaml:1:1 PeerAuthentication/extra apiVersion: security.istio.io/v1 PeerAuthentication is served from Istio 1.22; use security.istio.io/v1beta1 PeerAuthentication (no matches for kind "PeerAuthentication" in version "security.istio.io/v1" on Istio 1.20) [api-version-served]',
    ]);
    expect(result.code).toBe(1);
    // Naming one environment folder keeps its versions.
    expect((await run(cwd, ["validate", "--platform", "platform", "environments/prod-us-west-2"])).stdout).not.toContain("[api-version-served]");
  });
});
