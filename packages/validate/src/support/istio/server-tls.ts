/** `validateTLSOptions`: server-side TLS of Istio Gateways and Sidecar ingress listeners. */
import type { FieldPath } from "../../field-path.ts";
import { asString, type PlainObject } from "../values.ts";
import type { Problems } from "./istio-object.ts";

/** Checks the server TLS settings at `path` (mode defaults to PASSTHROUGH). */
export function checkServerTls(tls: PlainObject, path: FieldPath, problems: Problems): void {
  const mode = asString(tls.mode) ?? "PASSTHROUGH";
  const has = (field: string) => (asString(tls[field]) ?? "") !== "";
  if (mode === "ISTIO_MUTUAL") {
    if (has("serverCertificate")) problems.add([...path, "serverCertificate"], "ISTIO_MUTUAL TLS cannot have associated server certificate");
    if (has("privateKey")) problems.add([...path, "privateKey"], "ISTIO_MUTUAL TLS cannot have associated private key");
    if (has("caCertificates")) problems.add([...path, "caCertificates"], "ISTIO_MUTUAL TLS cannot have associated CA bundle");
    if (has("credentialName")) problems.add([...path, "credentialName"], "ISTIO_MUTUAL TLS cannot have associated credentialName");
    return;
  }
  const mutual = mode === "MUTUAL" || mode === "OPTIONAL_MUTUAL";
  if ((mode === "SIMPLE" || mutual) && has("credentialName")) return;
  if (mode === "SIMPLE") {
    if (!has("serverCertificate")) problems.add(path, "SIMPLE TLS requires a server certificate");
    if (!has("privateKey")) problems.add(path, "SIMPLE TLS requires a private key");
  } else if (mutual) {
    if (!has("serverCertificate")) problems.add(path, "MUTUAL TLS requires a server certificate");
    if (!has("privateKey")) problems.add(path, "MUTUAL TLS requires a private key");
    if (!has("caCertificates")) problems.add(path, "MUTUAL TLS requires a client CA bundle");
  }
  if (has("caCrl")) {
    if (has("credentialName")) problems.add([...path, "caCrl"], "CRL is not supported with credentialName. CRL has to be specified in the credential");
    if (mode === "SIMPLE") problems.add([...path, "caCrl"], "CRL is not supported with SIMPLE TLS");
  }
}
