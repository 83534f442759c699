import type { ServiceCheck } from "./service-check.ts";

export const mtlsStrict: ServiceCheck = {
  id: "service/mtls-strict",
  description: "Mutual TLS is STRICT for every service: a spec asking for PERMISSIVE or DISABLE is refused.",
  check({ mtlsMode = "STRICT" }) {
    if (mtlsMode === "STRICT") return [];
    return [{ path: "mtlsMode", message: `"${mtlsMode}" would relax mutual TLS, which the platform requires STRICT everywhere` }];
  },
};
