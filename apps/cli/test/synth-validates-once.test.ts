import { existsSync } from "node:fs";
import { join } from "node:path";
import { KubeObject } from "@cloudlab/constructs";
import type { EnvironmentModel, PlatformResolution, ResolvedService } from "@cloudlab/model";
import { planSynthesis, renderEnvironment } from "@cloudlab/render";
import { defaultRegistry, KindRegistry } from "@cloudlab/validate";
import { Node } from "constructs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { gatedEnvironment } from "../src/incremental/gated-environment.ts";
import { definitionOf, makeWorkspace, run, samplePlatformSpecs } from "./helpers.ts";

// In `cloudlab synth` the PR gate validates every rendered object right after the render, with the same
// kubernetes-models validators: the render skips the model validation of the kinds the gate's schema rule checks, so
// each object is validated once, and an invalid object still stops synth (as a gate error) with nothing written.

/** Lets a test change what `resolvePlatform` hands to the synthesis (an object the spec checks would never produce). */
const injected = vi.hoisted(() => ({ transform: undefined as ((resolution: PlatformResolution) => PlatformResolution) | undefined }));

vi.mock("@cloudlab/model", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@cloudlab/model")>();
  return {
    ...actual,
    resolvePlatform: (definition: Parameters<typeof actual.resolvePlatform>[0]) => {
      const resolution = actual.resolvePlatform(definition);
      return injected.transform === undefined ? resolution : injected.transform(resolution);
    },
  };
});

afterEach(() => {
  injected.transform = undefined;
  vi.restoreAllMocks();
});

function models(): readonly EnvironmentModel[] {
  const plan = planSynthesis(definitionOf(samplePlatformSpecs()));
  expect(plan.specErrors).toEqual([]);
  return plan.models;
}

interface Header {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
}

function identity(object: Header): string {
  return `${object.apiVersion} ${object.kind} ${object.metadata.namespace ?? ""}/${object.metadata.name}`;
}

/** Counts, per object identity, the render's model validations and the gate's schema validations while `body` runs. */
function countValidations(body: () => void): { render: Map<string, number>; gate: Map<string, number> } {
  const render = new Map<string, number>();
  const gate = new Map<string, number>();
  const nodeValidate = Node.prototype.validate;
  vi.spyOn(Node.prototype, "validate").mockImplementation(function (this: Node) {
    const host = (this as unknown as { host: unknown }).host;
    if (host instanceof KubeObject) {
      const key = identity(host.toJson() as Header);
      render.set(key, (render.get(key) ?? 0) + 1);
    }
    return nodeValidate.call(this);
  });
  const schemaErrors = KindRegistry.prototype.schemaErrors;
  vi.spyOn(KindRegistry.prototype, "schemaErrors").mockImplementation(function (this: KindRegistry, entry, data) {
    const key = identity(data as unknown as Header);
    gate.set(key, (gate.get(key) ?? 0) + 1);
    return schemaErrors.call(this, entry, data);
  });
  body();
  return { render, gate };
}

describe("synth validates each rendered object once", () => {
  for (const model of models()) {
    it(`${model.environment.name}: every object by the render or by the gate, never both`, () => {
      const objects = [...renderEnvironment(model).documents.values()].map((d) => identity(d as Header)).sort();
      expect(new Set(objects).size).toBe(objects.length);
      const counts = countValidations(() => {
        const output = gatedEnvironment(model, { out: "environments", fingerprint: "" });
        expect(output.problems).toEqual([]);
        expect(output.findings.filter((f) => f.severity === "error")).toEqual([]);
      });
      const validated = [...new Set([...counts.render.keys(), ...counts.gate.keys()])].sort();
      expect(validated).toEqual(objects);
      for (const key of objects) expect((counts.render.get(key) ?? 0) + (counts.gate.get(key) ?? 0), key).toBe(1);
      // The render validates only the kinds the gate's schema rule does not know; the gate validates the rest.
      const known = (key: string) => {
        const [apiVersion, kind] = key.split(" ");
        return defaultRegistry().find(apiVersion!, kind!) !== undefined;
      };
      expect([...counts.render.keys()].filter(known)).toEqual([]);
      expect([...counts.gate.keys()].every(known)).toBe(true);
      expect(counts.gate.size).toBeGreaterThan(0);
    });
  }

  it("a render without the gate (the library's default) still validates every object itself", () => {
    const model = models()[0]!;
    let objects = 0;
    const counts = countValidations(() => {
      objects = renderEnvironment(model).documents.size;
    });
    expect(counts.gate.size).toBe(0);
    expect([...counts.render.values()].reduce((a, b) => a + b, 0)).toBe(objects);
  });
});

type Change = (service: ResolvedService) => ResolvedService;

/** Applies `change` to the named service in every environment. */
function breaking(name: string, change: Change): (resolution: PlatformResolution) => PlatformResolution {
  return (resolution) => ({
    ...resolution,
    models: resolution.models.map((m) => ({ ...m, services: m.services.map((s) => (s.name === name ? change(s) : s)) })),
  });
}

describe("synth refuses a schema-invalid object, naming the file, environment, service and field, and writes nothing", () => {
  const cases: readonly { readonly name: string; readonly transform: (resolution: PlatformResolution) => PlatformResolution; readonly stderr: readonly string[] }[] = [
    {
      name: "an environment variable's value that is not a string",
      transform: breaking("web", (s) => ({ ...s, env: [{ name: "RETRIES", value: 3 as unknown as string }] })),
      stderr: [
        "environments/dev/shop/web/deployment-web.yaml:46:15 Deployment/web spec.template.spec.containers[0].env[0].value: Invalid value: 3: must be of type string [schema]",
        "environments/prod-us-west-2/shop/web/deployment-web.yaml:46:15 Deployment/web spec.template.spec.containers[0].env[0].value: Invalid value: 3: must be of type string [schema]",
        "synth: 2 errors; nothing written",
        "",
      ],
    },
    {
      name: "a port number that is not an integer",
      transform: breaking("checkout", (s) => ({ ...s, ports: s.ports.map((p) => ({ ...p, port: "eighty" as unknown as number })) })),
      stderr: [
        'environments/dev/shop/checkout/service-checkout.yaml:17:7 Service/checkout spec.ports[0].port: Invalid value: "eighty": must be of type integer [schema]',
        'environments/prod-us-west-2/shop/checkout/service-checkout.yaml:17:7 Service/checkout spec.ports[0].port: Invalid value: "eighty": must be of type integer [schema]',
        "synth: 2 errors; nothing written",
        "",
      ],
    },
    {
      // Capacity and cost parse the requests: with a gate error they are not computed (they threw on "lots" before).
      name: "a CPU request that is not a quantity",
      transform: breaking("web", (s) => ({ ...s, resources: { ...s.resources, requests: { ...s.resources.requests, cpu: "lots" } } })),
      stderr: [
        "environments/dev/shop/web/deployment-web.yaml:77:15 Deployment/web spec.template.spec.containers[0].resources.requests.cpu: Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' [schema]",
        "environments/prod-us-west-2/shop/web/deployment-web.yaml:77:15 Deployment/web spec.template.spec.containers[0].resources.requests.cpu: Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' [schema]",
        "synth: 2 errors; nothing written",
        "",
      ],
    },
  ];
  for (const { name, transform, stderr } of cases) {
    it(name, async () => {
      const cwd = makeWorkspace();
      injected.transform = transform;
      const result = await run(cwd, ["synth", "--platform", "platform", "--out", "environments"]);
      expect(result.stderr.split("\n")).toEqual(stderr);
      expect(result.code).toBe(1);
      expect(existsSync(join(cwd, "environments"))).toBe(false);
    });
  }
});
