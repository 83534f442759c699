import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FsTree, flushChanges } from "nx/src/generators/tree";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../../cli/src/main.ts";
import serviceGenerator from "../../generators/service/service-generator.ts";
import tenantGenerator from "../../generators/tenant/tenant-generator.ts";
import { ENVIRONMENTS, REPO_ROOT } from "../sample-render.ts";

/**
 * The generators' promise: what they write passes every check on first render. In a temporary copy of the workspace
 * (apps/platform and the root's package.json and configurations copied, node_modules and apps/cli linked; apps/platform itself is never touched) a new tenant
 * `payments` gets an HTTP, a gRPC and a stateful service, and the boutique tenant one more; then `cloudlab synth` (which
 * gates what it renders) and `cloudlab validate` run on the copy, and the generated test of a service passes.
 */
let root: string;
const outputs: { synth?: { code: number; out: string; err: string }; validate?: { code: number; out: string; err: string } } = {};

async function cloudlab(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { cwd: root, stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "cloudlab-generated-")));
  cpSync(join(REPO_ROOT, "apps/platform"), join(root, "apps/platform"), {
    recursive: true,
    filter: (source) => !source.includes(`${join("apps", "platform", "node_modules")}`),
  });
  for (const file of ["package.json", "tsconfig.base.json", "vitest.config.base.ts"]) cpSync(join(REPO_ROOT, file), join(root, file));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"));
  symlinkSync(join(REPO_ROOT, "apps/cli"), join(root, "apps/cli"));

  const tree = new FsTree(root, false);
  tenantGenerator(tree, { name: "payments", team: "payments-team" });
  flushChanges(root, tree.listChanges());
  const services = new FsTree(root, false);
  serviceGenerator(services, { name: "ledger", tenant: "payments", port: 8080 });
  serviceGenerator(services, { name: "fraud", tenant: "payments", port: 50051, protocol: "grpc" });
  serviceGenerator(services, { name: "vault", tenant: "payments", port: 7000, stateful: true });
  serviceGenerator(services, { name: "reviews", tenant: "boutique", port: 8080 });
  flushChanges(root, services.listChanges());

  outputs.synth = await cloudlab(["synth", "--platform", "apps/platform", "--out", "environments", "--no-cache"]);
  outputs.validate = await cloudlab(["validate", "--format", "json"]);
}, 600_000);

afterAll(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

describe("services made by the generators", () => {
  it("synthesize in every environment: every check and the gate pass on first render", () => {
    expect(outputs.synth!.err).toBe("");
    expect(outputs.synth!.code).toBe(0);
    for (const environment of ENVIRONMENTS) {
      for (const service of ["payments/ledger", "payments/fraud", "boutique/reviews"]) {
        expect(existsSync(join(root, "environments", environment, service, `deployment-${service.split("/")[1]}.yaml`)), `${environment} ${service}`).toBe(true);
      }
      // The stateful service keeps the platform's default DR mode (a warm standby) and runs in every cluster.
      expect(existsSync(join(root, "environments", environment, "payments/vault/statefulset-vault.yaml")), environment).toBe(true);
    }
    expect(existsSync(join(root, "environments/prod-us-west-2/payments/ledger/horizontalpodautoscaler-ledger.yaml"))).toBe(true);
  });

  it("validate cleanly: no error and no warning about their files", () => {
    expect(outputs.validate!.code).toBe(0);
    const findings = JSON.parse(outputs.validate!.out) as { findings: { file?: string; severity: string; message: string }[] };
    const generated = findings.findings.filter((f) => /\/(payments\/|boutique\/reviews\/)/.test(f.file ?? ""));
    expect(generated).toEqual([]);
    expect(findings.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("come with a test that passes", () => {
    const result = spawnSync(process.execPath, [join(root, "node_modules/vitest/vitest.mjs"), "run", "test/services/payments/ledger.test.ts"], {
      cwd: join(root, "apps/platform"),
      encoding: "utf8",
      timeout: 300_000,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    // eslint-disable-next-line no-control-regex
    expect((result.stdout + result.stderr).replace(/\u001b\[[0-9;]*m/g, "")).toMatch(/Tests\s+2 passed \(2\)/);
    expect(result.status).toBe(0);
  }, 300_000);
});
