import { meshConfigOf } from "../../analysis/mesh-config.ts";
import type { ObjectRule, RuleProblem } from "../../rule.ts";
import { asObject, asString, at } from "../../support/values.ts";

/** The outbound traffic policy the platform requires: only hosts in the mesh's registry (services and ServiceEntries). */
const REGISTRY_ONLY = "REGISTRY_ONLY";

function relaxed(mode: string | undefined, where: string): string {
  const value = mode === undefined ? "unset (Istio's default, ALLOW_ANY)" : JSON.stringify(mode);
  return `${value} lets ${where} reach any host outside the mesh; the platform requires REGISTRY_ONLY (declare external hosts as egress)`;
}

/**
 * Sidecars reach only registered hosts: every mesh config (the `istio` ConfigMap, an IstioOperator, istiod's Helm
 * values in an Argo CD Application or Flux HelmRelease) sets `outboundTrafficPolicy.mode: REGISTRY_ONLY`, and no
 * Sidecar sets its own outbound policy to ALLOW_ANY. Istio's default is ALLOW_ANY, so an unset mode is flagged too.
 */
export const outboundRegistryOnly: ObjectRule = {
  id: "outbound-registry-only",
  category: "policy",
  scope: "object",
  severity: "error",
  description: "The mesh's outbound traffic policy is REGISTRY_ONLY (in every mesh config and istiod's Helm values), and no Sidecar reopens it with ALLOW_ANY.",
  check(object) {
    const problems: RuleProblem[] = [];
    const source = meshConfigOf(object);
    if (source !== undefined) {
      const mode = asString(at(source.mesh, "outboundTrafficPolicy", "mode"));
      if (mode !== REGISTRY_ONLY) {
        // A mesh config parsed from YAML text (a ConfigMap's `mesh`, Helm `values`): the finding points at that string.
        const path = source.text ? source.path : [...source.path, "outboundTrafficPolicy", "mode"];
        problems.push({ path, message: relaxed(mode, "every sidecar") });
      }
    }
    if (object.kind === "Sidecar" && object.apiVersion.startsWith("networking.istio.io/")) {
      const mode = asString(asObject(at(object.object, "spec", "outboundTrafficPolicy"))?.mode);
      if (mode === "ALLOW_ANY") problems.push({ path: ["spec", "outboundTrafficPolicy", "mode"], message: relaxed(mode, "the selected workloads") });
    }
    return problems;
  },
};
