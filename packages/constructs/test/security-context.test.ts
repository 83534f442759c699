import { describe, expect, it } from "vitest";
import { buildContainerSecurityContext, buildPodSecurityContext, buildPodTemplate } from "../src/index.ts";
import { cacheSpec, checkoutSpec, resolved, webSpec } from "./fixtures.ts";

describe("buildPodSecurityContext", () => {
  it("runs as the non-root user 1000:1000 with the RuntimeDefault seccomp profile (PSS restricted)", () => {
    expect(buildPodSecurityContext(resolved(checkoutSpec()))).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      seccompProfile: { type: "RuntimeDefault" },
    });
  });

  it("takes the spec's user and group", () => {
    expect(buildPodSecurityContext(resolved(webSpec({ security: { runAsUser: 2000, runAsGroup: 3000 } })))).toEqual({
      runAsNonRoot: true,
      runAsUser: 2000,
      runAsGroup: 3000,
      seccompProfile: { type: "RuntimeDefault" },
    });
  });

  it("gives a service with storage an fsGroup (its group), so the volume is writable, changed only on mismatch", () => {
    expect(buildPodSecurityContext(resolved(cacheSpec({ security: { runAsGroup: 999 } })))).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 999,
      fsGroup: 999,
      fsGroupChangePolicy: "OnRootMismatch",
      seccompProfile: { type: "RuntimeDefault" },
    });
  });
});

describe("buildContainerSecurityContext", () => {
  it("drops every capability, forbids escalation and privilege, and mounts the root filesystem read-only", () => {
    expect(buildContainerSecurityContext(resolved(checkoutSpec()))).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ["ALL"] },
    });
  });

  it("adds back NET_BIND_SERVICE, and only it, when the service binds a low port", () => {
    expect(buildContainerSecurityContext(resolved(webSpec({ security: { bindLowPorts: true } }))).capabilities).toEqual({
      drop: ["ALL"],
      add: ["NET_BIND_SERVICE"],
    });
    expect(buildContainerSecurityContext(resolved(webSpec({ security: { bindLowPorts: false } }))).capabilities).toEqual({ drop: ["ALL"] });
  });

  it("is what the pod template's container and pod carry", () => {
    const service = resolved(webSpec({ security: { bindLowPorts: true, runAsUser: 4242 } }));
    const template = buildPodTemplate(service);
    expect(template.spec!.securityContext).toEqual(buildPodSecurityContext(service));
    expect(template.spec!.containers.map((c) => c.securityContext)).toEqual([buildContainerSecurityContext(service)]);
  });
});
