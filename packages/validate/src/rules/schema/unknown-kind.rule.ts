import type { ObjectRule } from "../../rule.ts";
import { GROUPS_WITHOUT_SCHEMA } from "../../schema/groups-without-schema.ts";
import { apiGroup } from "../../schema/kind-catalog.ts";
import { ISTIO_GROUPS } from "../../versions/istio-apis.ts";

/**
 * Layer 2: a kind none of the model packages knows (a custom resource of another project) cannot be checked against
 * a schema. It is never passed silently: a warning names it, an error with `--strict`. Kinds of Kubernetes' own and
 * Istio's groups are not unknown but unserved (see `api-version-served`). For groups known to have no published
 * schema (Velero, the CSI snapshotter) the warning says why.
 */
export const unknownKind: ObjectRule = {
  id: "unknown-kind",
  category: "schema",
  scope: "object",
  severity: "warning",
  description:
    "A kind with no schema in the kubernetes-models packages (Kubernetes, Istio, Gateway API, Argo CD, Flux, Prometheus Operator) is reported, since only its metadata can be checked.",
  check(object, { kinds }) {
    const group = apiGroup(object.apiVersion);
    if (kinds.find(object.apiVersion, object.kind) !== undefined || kinds.builtinGroups.has(group) || ISTIO_GROUPS.has(group)) return [];
    const reason = GROUPS_WITHOUT_SCHEMA[group];
    return [
      {
        path: ["kind"],
        message: `no schema for kind "${object.kind}" in version "${object.apiVersion}"${reason === undefined ? "" : ` (${reason})`}: only its metadata is checked`,
      },
    ];
  },
};
