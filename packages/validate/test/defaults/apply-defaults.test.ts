import { describe, expect, it } from "vitest";
import { applyDefaults, DEFAULTED_KINDS, defaultedCopy } from "../../src/defaults/apply-defaults.ts";
import { KIND_CATALOG } from "../../src/schema/kind-catalog.ts";
import { deployment, virtualService } from "../fixtures.ts";

/**
 * The groups of Kubernetes' built-in kinds that have defaulting functions. Custom resources (an Argo Rollout's pod
 * template included) get none from the apiserver.
 */
const BUILT_IN_GROUPS = new Set(["", "apps", "extensions", "batch", "autoscaling", "networking.k8s.io", "rbac.authorization.k8s.io"]);

const group = (apiVersion: string) => (apiVersion.includes("/") ? apiVersion.split("/")[0]! : "");

/** A pod spec with every field some defaulting fills in left out. */
const POD_SPEC = { containers: [{ name: "c", image: "app:1", ports: [{ containerPort: 80 }], env: [{ name: "A", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }] }], initContainers: [{ name: "i", image: "init" }] };

/**
 * An object of the given kind with every field any of the defaulting functions fills in missing: whatever kind it is
 * labelled, if a defaulting applied to it, something would change.
 */
function sink(apiVersion: string, kind: string): Record<string, unknown> {
  return {
    apiVersion,
    kind,
    metadata: { name: "x" },
    roleRef: { kind: "Role", name: "r" },
    subjects: [{ kind: "User", name: "u" }, { kind: "Group", name: "g" }],
    template: { spec: POD_SPEC },
    spec: {
      ...POD_SPEC,
      template: { spec: POD_SPEC },
      jobTemplate: { spec: { template: { spec: POD_SPEC } } },
      selector: { app: "x" },
      ports: [{ port: 80 }],
      limits: [{ type: "Container", max: { cpu: "1" } }],
      parameters: { apiGroup: "k8s.example.com", kind: "Parameters", name: "p" },
      schedule: "* * * * *",
    },
  };
}

describe("applyDefaults", () => {
  const kinds = KIND_CATALOG.kinds.map((k) => ({ apiVersion: k.apiVersion, kind: k.kind }));

  it("knows which kinds it changes: a kind outside DEFAULTED_KINDS is left as written (shared, not copied)", () => {
    // Every catalogued kind, built-in or custom: of the built-in groups, defaulting every field the defaulting functions
    // know changes an object exactly when its kind is listed.
    expect(kinds.length).toBeGreaterThan(300);
    for (const { apiVersion, kind } of kinds) {
      const raw = sink(apiVersion, kind);
      const listed = DEFAULTED_KINDS.get(group(apiVersion))?.has(kind) === true;
      // Defaulting every field it knows, whatever the kind: changes an object exactly when the kind is listed.
      if (BUILT_IN_GROUPS.has(group(apiVersion))) {
        const everything = defaultedCopy(apiVersion, group(apiVersion), kind, raw);
        if (listed) expect(everything, `${apiVersion} ${kind}`).not.toStrictEqual(raw);
        else expect(everything, `${apiVersion} ${kind}`).toStrictEqual(raw);
      } else {
        expect(listed, `${apiVersion} ${kind}`).toBe(false);
      }
      const result = applyDefaults(apiVersion, kind, raw);
      if (listed) {
        expect(result).not.toBe(raw);
        expect(raw, "the object as written is not changed").toStrictEqual(sink(apiVersion, kind));
      } else {
        expect(result, `${apiVersion} ${kind}`).toBe(raw);
      }
    }
  });

  it("lists only kinds of the catalog", () => {
    const known = new Set(kinds.map(({ apiVersion, kind }) => `${group(apiVersion)} ${kind}`));
    for (const [name, set] of DEFAULTED_KINDS) for (const kind of set) if (name !== "extensions") expect(known, `${name} ${kind}`).toContain(`${name} ${kind}`);
  });

  it("defaults what the apiserver defaults on a Deployment, and shares a VirtualService as written", () => {
    const written = deployment() as unknown as Record<string, unknown>;
    const defaulted = applyDefaults("apps/v1", "Deployment", written) as { spec: Record<string, unknown> };
    expect(defaulted.spec.revisionHistoryLimit).toBe(10);
    expect(defaulted.spec.progressDeadlineSeconds).toBe(600);
    const vs = virtualService() as unknown as Record<string, unknown>;
    expect(applyDefaults("networking.istio.io/v1beta1", "VirtualService", vs)).toBe(vs);
  });

  it("takes an apiVersion whose group is named like an Object.prototype member", () => {
    const raw = { apiVersion: "constructor/v1", kind: "toString" };
    expect(applyDefaults("constructor/v1", "toString", raw)).toBe(raw);
  });
});
