import { container, deployment, type Json } from "../../../fixtures.ts";

/** A Pod `p` in namespace `shop` with the fixture container, changed by `change`. */
export function pod(change?: (p: Json) => void): Json {
  const object: Json = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "shop" }, spec: { containers: [container()] } };
  change?.(object);
  return object;
}

/** The fixture Deployment with its first container changed by `change`. */
export function withContainer(change: (c: Json) => void): Json {
  return deployment((d) => change(d.spec.template.spec.containers[0]));
}

/** The fixture Deployment with init containers (minimal ones unless given). */
export function withInitContainers(...initContainers: Json[]): Json {
  return deployment((d) => { d.spec.template.spec.initContainers = initContainers; });
}

/** A minimal init container. */
export function initContainer(name = "init", extra: Json = {}): Json {
  return { name, image: "busybox:1.36", command: ["true"], ...extra };
}
