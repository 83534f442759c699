import { describe, expect, it } from "vitest";
import { buildRole, buildRoleBinding, buildServiceAccount, serviceLabels, validationMessages } from "../src/index.ts";
import { cacheSpec, checkoutSpec, cloudLabSpec, resolved, workerSpec } from "./fixtures.ts";

describe("buildRoleBinding", () => {
  it("renders the source document's cloud-lab-rolebinding: cloud-lab-role bound to the cloud-lab-sa ServiceAccount", () => {
    const service = resolved(cloudLabSpec());
    const binding = buildRoleBinding(service)!;
    expect(binding.toJSON()).toEqual({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "cloud-lab-rolebinding", namespace: "cloud-lab", labels: serviceLabels(service) },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "cloud-lab-role" },
      subjects: [{ kind: "ServiceAccount", name: "cloud-lab-sa", namespace: "cloud-lab" }],
    });
    expect(validationMessages(binding)).toEqual([]);
  });

  it("binds exactly the service's own Role to exactly its own ServiceAccount", () => {
    const service = resolved(cloudLabSpec());
    const binding = buildRoleBinding(service)!;
    expect(binding.roleRef.name).toBe(buildRole(service)!.metadata!.name);
    expect(binding.subjects).toEqual([
      { kind: "ServiceAccount", name: buildServiceAccount(service).metadata!.name, namespace: buildServiceAccount(service).metadata!.namespace },
    ]);
  });

  it("names the binding <service>-rolebinding and binds the service-named account by default", () => {
    const binding = buildRoleBinding(resolved(workerSpec({ apiAccess: { rules: [{ resources: ["pods"], verbs: ["list"] }] } })))!;
    expect(binding.metadata).toMatchObject({ name: "mailer-rolebinding", namespace: "shop" });
    expect(binding.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "mailer-role" });
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: "mailer", namespace: "shop" }]);
  });

  it("is undefined for services without API access", () => {
    for (const spec of [checkoutSpec(), cacheSpec(), workerSpec()]) expect(buildRoleBinding(resolved(spec)), spec.name).toBeUndefined();
  });
});
