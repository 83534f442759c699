import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { checkServerTls } from "../../../support/istio/server-tls.ts";
import { asArray, asObject } from "../../../support/values.ts";

/**
 * istiod's server TLS checks of an Istio Gateway (`validateTLSOptions`): ISTIO_MUTUAL takes no certificates or
 * credential; SIMPLE needs a certificate and key, MUTUAL and OPTIONAL_MUTUAL also a CA bundle, unless a
 * `credentialName` supplies them; a CRL is not combined with a credential or SIMPLE mode.
 */
export const gatewayTls: ObjectRule = {
  id: "gateway-tls",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "Istio Gateway server TLS gives SIMPLE a certificate and key, MUTUAL also a CA bundle (or a credentialName instead), ISTIO_MUTUAL no certificates, and a CRL only with file-based MUTUAL.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: SIMPLE TLS requires a server certificate',
  kinds: new Set(["Gateway"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "Gateway");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const [i, server] of asArray(spec.servers).entries()) {
      const tls = asObject(asObject(server)?.tls);
      if (tls !== undefined) checkServerTls(tls, ["spec", "servers", i, "tls"], problems);
    }
    return problems.list;
  },
};
