import { describe, expect, it } from "vitest";
import { checkManifests, defaultRegistry, formatPath, ruleById, type ObjectRule } from "../src/index.ts";
import { deployment, destinationRule, service, virtualService } from "./fixtures.ts";

const rules = (...ids: string[]) => ids.map((id) => ruleById(id) as ObjectRule);

describe("checkManifests (rules over in-memory objects, as the renderer runs them)", () => {
  it("reports problems by object index, in object order, with paths as segments", () => {
    const problems = checkManifests(
      [deployment(), { apiVersion: "security.istio.io/v1beta1", kind: "PeerAuthentication", metadata: { name: "a" }, spec: { portLevelMtls: { 80: { mode: "DISABLE" } } } }],
      rules("mtls-never-relaxed"),
      defaultRegistry(),
    );
    expect(problems.map((p) => ({ ...p, path: formatPath(p.path) }))).toEqual([
      { index: 1, ruleId: "mtls-never-relaxed", severity: "error", path: "spec.mtls.mode", message: '"unset" relaxes mutual TLS; the platform requires STRICT' },
      { index: 1, ruleId: "mtls-never-relaxed", severity: "error", path: "spec.portLevelMtls[80].mode", message: '"DISABLE" relaxes mutual TLS; the platform requires STRICT' },
    ]);
  });

  it("runs group rules over all the objects together", () => {
    const world = [deployment(), service(), destinationRule()];
    expect(checkManifests([...world, virtualService()], rules("virtual-service-host-not-found", "virtual-service-subset-not-found"), defaultRegistry())).toEqual([]);
    const problems = checkManifests([virtualService(), ...world.slice(0, 1)], rules("virtual-service-host-not-found"), defaultRegistry());
    expect(problems.map((p) => `${p.index} ${formatPath(p.path)}`)).toEqual(["0 spec.http[0].route[0].destination.host"]);
  });

  it("honours a policy waiver with a reason", () => {
    const waived = { apiVersion: "security.istio.io/v1beta1", kind: "PeerAuthentication", metadata: { name: "legacy", annotations: { "cloudlab.io/allow-mtls-never-relaxed": "a legacy client without a sidecar, until Q3" } }, spec: { mtls: { mode: "PERMISSIVE" } } };
    expect(checkManifests([waived], rules("mtls-never-relaxed"), defaultRegistry())).toEqual([]);
  });
});
