import type { Namespace } from "kubernetes-models/v1/Namespace";
import { describe, expect, it } from "vitest";
import { clusterObjects } from "../src/index.ts";
import { PLATFORM_POD_SECURITY, POD_SECURITY_REASON_ANNOTATION, platformPodSecurity, podSecurityLabels } from "../src/objects/pod-security.ts";
import { fixtureEnvironments, fixturePlatform, modelOf, sourcedEnvironment } from "./fixtures.ts";

/** Every Namespace an environment renders, by name: its Pod Security labels and the reason annotation. */
function namespacesOf(environment: string, definition = fixturePlatform()) {
  const namespaces = clusterObjects({ model: modelOf(environment, definition) })
    .map((o) => o.toJSON() as Namespace)
    .filter((o) => o.kind === "Namespace");
  return Object.fromEntries(
    namespaces.map((n) => {
      const labels = n.metadata!.labels ?? {};
      const podSecurity = Object.fromEntries(Object.entries(labels).filter(([key]) => key.startsWith("pod-security.kubernetes.io/")));
      return [n.metadata!.name!, { podSecurity, reason: n.metadata!.annotations?.[POD_SECURITY_REASON_ANNOTATION] }];
    }),
  );
}

const labels = (level: string, version = "v1.28") => ({
  "pod-security.kubernetes.io/audit": level,
  "pod-security.kubernetes.io/audit-version": version,
  "pod-security.kubernetes.io/enforce": level,
  "pod-security.kubernetes.io/enforce-version": version,
  "pod-security.kubernetes.io/warn": level,
  "pod-security.kubernetes.io/warn-version": version,
});

describe("every rendered Namespace states its Pod Security level", () => {
  it("prod: tenants restricted, the platform's namespaces at the strictest level their add-ons allow, with the reason below restricted", () => {
    const namespaces = namespacesOf("prod-us-west-2");
    // No edge service in the fixture: no ingress namespace here (the next test has one).
    const levels = Object.fromEntries(Object.entries(namespaces).map(([name, n]) => [name, n.podSecurity["pod-security.kubernetes.io/enforce"]]));
    expect(levels).toEqual({
      "argo-rollouts": "restricted",
      "cert-manager": "restricted",
      "external-secrets": "restricted",
      "istio-system": "baseline",
      logging: "privileged",
      monitoring: "privileged",
      shop: "restricted",
      storefront: "restricted",
      tracing: "baseline",
      velero: "privileged",
    });
    for (const [name, { podSecurity, reason }] of Object.entries(namespaces)) {
      expect(podSecurity, name).toEqual(labels(levels[name]!));
      if (levels[name] === "restricted") expect(reason, name).toBeUndefined();
      else expect(reason, name).toMatch(/^[a-zA-Z].{40,}[a-z)]$/);
    }
    expect(namespaces.logging!.reason).toBe("fluent-bit (a DaemonSet) reads every container's logs from the node: hostPath /var/log and /var/lib/docker/containers");
    expect(namespaces.velero!.reason).toBe("Velero's node agent (a DaemonSet) reads and writes pod volumes through the node's hostPath /var/lib/kubelet/pods, as root");
  });

  it("gives the ingress gateway's namespace the gateway's level under any name, in the istio mode too", () => {
    const [dev, ...rest] = fixtureEnvironments();
    const moved = sourcedEnvironment({ ...dev!.spec, mesh: { ingress: { mode: "istio", namespace: "edge" } } });
    const namespaces = namespacesOf("dev", fixturePlatform({ environments: [moved, ...rest] }));
    expect(namespaces.edge!.podSecurity).toEqual(labels("baseline"));
    expect(namespaces.edge!.reason).toMatch(/^the Istio gateway pods set no seccompProfile/);
  });

  it("pins every label's version to the environment's Kubernetes minor, never latest", () => {
    const [dev, ...rest] = fixtureEnvironments();
    const newer = sourcedEnvironment({ ...dev!.spec, versions: { kubernetes: "1.30" } });
    for (const [name, { podSecurity }] of Object.entries(namespacesOf("dev", fixturePlatform({ environments: [newer, ...rest] })))) {
      expect(Object.entries(podSecurity).filter(([key]) => key.endsWith("-version")).map(([, v]) => v), name).toEqual(["v1.30", "v1.30", "v1.30"]);
    }
  });

  it("treats a platform namespace it does not know as restricted, and gives every known one below restricted a reason", () => {
    expect(platformPodSecurity("istio-egress")).toEqual({ level: "restricted" });
    for (const [name, security] of Object.entries(PLATFORM_POD_SECURITY)) expect(security.level, name).not.toBe("restricted");
    expect(podSecurityLabels("baseline", modelOf("dev").environment)).toEqual(labels("baseline"));
  });
});
