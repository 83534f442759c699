import { formatSpecError, resolvePlatform } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { buildPodTemplate, buildRole, buildServiceAccount, serviceLabels, validationMessages } from "../src/index.ts";
import { TENANTS, checkoutSpec, cloudLabSpec, fixturePlatform, resolved, sourcedService, sourcedTenant, workerSpec } from "./fixtures.ts";

const VERBS = ["get", "list", "watch", "create", "update", "delete"];

describe("buildRole", () => {
  it("renders the source document's cloud-lab-role: its verbs on pods, services and deployments, in its namespace", () => {
    const service = resolved(cloudLabSpec());
    const role = buildRole(service)!;
    expect(role.toJSON()).toEqual({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: { name: "cloud-lab-role", namespace: "cloud-lab", labels: serviceLabels(service) },
      rules: [
        { apiGroups: [""], resources: ["pods", "services"], verbs: VERBS },
        { apiGroups: ["apps"], resources: ["deployments"], verbs: VERBS },
      ],
    });
    expect(validationMessages(role)).toEqual([]);
  });

  it("gives the cloud-lab-sa ServiceAccount its API token, and its pods use it", () => {
    const service = resolved(cloudLabSpec());
    expect(buildServiceAccount(service).toJSON()).toMatchObject({
      metadata: { name: "cloud-lab-sa", namespace: "cloud-lab" },
      automountServiceAccountToken: true,
    });
    for (const version of service.versions) {
      expect(buildPodTemplate(service, version).spec).toMatchObject({ serviceAccountName: "cloud-lab-sa", automountServiceAccountToken: true });
    }
  });

  it("names the Role <service>-role and puts rules in the core group when the spec names neither", () => {
    const role = buildRole(resolved(workerSpec({ apiAccess: { rules: [{ resources: ["configmaps"], verbs: ["get", "watch"] }] } })))!;
    expect(role.metadata).toMatchObject({ name: "mailer-role", namespace: "shop" });
    expect(role.rules).toEqual([{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "watch"] }]);
  });

  it("is undefined for a service without API access, whose pods get no token", () => {
    const service = resolved(checkoutSpec());
    expect(buildRole(service)).toBeUndefined();
    expect(buildServiceAccount(service).automountServiceAccountToken).toBe(false);
    expect(buildPodTemplate(service).spec!.automountServiceAccountToken).toBe(false);
  });

  it("can never grant a wildcard: the spec refuses * as group, resource and verb", () => {
    const wildcard = cloudLabSpec({ apiAccess: { rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*" as never] }] } });
    const definition = fixturePlatform({
      tenants: [...TENANTS, sourcedTenant({ name: "cloud-lab", team: "cloud-lab" })],
      services: [...fixturePlatform().services, sourcedService(wildcard)],
    });
    expect(resolvePlatform(definition).errors.map(formatSpecError)).toEqual([
      `apps/platform/services/cloud-lab/cloud-lab-service.ts: cloud-lab-service: apiAccess.rules[0].apiGroups[0]: "*" is not an API group ("" for the core group, or a DNS subdomain such as apps; wildcards are not allowed)`,
      `apps/platform/services/cloud-lab/cloud-lab-service.ts: cloud-lab-service: apiAccess.rules[0].resources[0]: "*" is not a resource name (lowercase, e.g. pods or pods/log; wildcards are not allowed)`,
      `apps/platform/services/cloud-lab/cloud-lab-service.ts: cloud-lab-service: apiAccess.rules[0].verbs[0]: "*" is not one of: get, list, watch, create, update, patch, delete, deletecollection`,
    ]);
  });
});
