/** Core objects for the `apiserver/core` rule tables. */
import type { Json } from "../../../fixtures.ts";

const metadata = (name: string, extra: Json = {}): Json => ({ name, namespace: "shop", ...extra });

/** A Service `web` with the given spec (a selector and one port unless overridden). */
export function svc(spec: Json, meta: Json = {}): Json {
  return { apiVersion: "v1", kind: "Service", metadata: metadata("web", meta), spec: { selector: { app: "web" }, ports: [{ name: "http", port: 80 }], ...spec } };
}

export function configMap(fields: Json): Json {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: metadata("config"), ...fields };
}

export function secret(fields: Json, meta: Json = {}): Json {
  return { apiVersion: "v1", kind: "Secret", metadata: metadata("creds", meta), ...fields };
}

export function namespace(finalizers: readonly string[]): Json {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" }, spec: { finalizers } };
}

/** A PersistentVolumeClaim `data` (ReadWriteOnce, 1Gi) with the spec changed. */
export function pvc(spec: Json): Json {
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: metadata("data"),
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, ...spec },
  };
}

export function quota(spec: Json): Json {
  return { apiVersion: "v1", kind: "ResourceQuota", metadata: metadata("quota"), spec };
}

export function limitRange(...limits: Json[]): Json {
  return { apiVersion: "v1", kind: "LimitRange", metadata: metadata("limits"), spec: { limits } };
}

/** base64 of a text. */
export function b64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}
