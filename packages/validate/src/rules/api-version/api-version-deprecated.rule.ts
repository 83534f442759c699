import type { ObjectRule } from "../../rule.ts";
import { servedStatus } from "../../versions/served-status.ts";

/** Layer 4: an apiVersion the target still serves but has deprecated, with the apiserver's own warning. */
export const apiVersionDeprecated: ObjectRule = {
  id: "api-version-deprecated",
  category: "api-version",
  scope: "object",
  severity: "warning",
  description: "The object's apiVersion is not deprecated in the environment's Kubernetes version.",
  upstreamMessage: "flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema is deprecated in v1.26+, unavailable in v1.29+; use flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema",
  check(object, { versions, kinds }) {
    const status = servedStatus(object.apiVersion, object.kind, versions, kinds);
    return status.served === true && status.deprecation !== undefined ? [{ path: ["apiVersion"], message: status.deprecation }] : [];
  },
};
