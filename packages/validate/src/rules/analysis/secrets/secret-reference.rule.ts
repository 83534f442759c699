import type { FieldPath } from "../../../field-path.ts";
import { namespaceOf } from "../../../analysis/environment-index.ts";
import type { ManifestObject } from "../../../manifest-object.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { clusterProvidedSecret } from "../../../support/cluster-provided-secrets.ts";
import { containersOf, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, asString, at, isObject } from "../../../support/values.ts";

/** One reference to a Secret: where it is and which Secret it names. */
interface SecretReference {
  readonly object: ManifestObject;
  readonly path: FieldPath;
  readonly namespace: string;
  readonly name: string;
}

/** `<namespace>/<name>` of every Secret the objects produce: ExternalSecrets' targets, Certificates' secrets, Secrets. */
function producedSecrets(objects: readonly ManifestObject[]): Set<string> {
  const produced = new Set<string>();
  for (const object of objects) {
    const namespace = namespaceOf(object) ?? "default";
    const group = apiGroup(object.apiVersion);
    if (object.kind === "Secret" && object.apiVersion === "v1") produced.add(`${namespace}/${object.name}`);
    // The operator names the Secret after the ExternalSecret unless the target names another.
    if (object.kind === "ExternalSecret" && group === "external-secrets.io") produced.add(`${namespace}/${asString(at(object.object, "spec", "target", "name")) ?? object.name}`);
    if (object.kind === "Certificate" && group === "cert-manager.io") {
      const secretName = asString(at(object.object, "spec", "secretName"));
      if (secretName !== undefined) produced.add(`${namespace}/${secretName}`);
    }
  }
  return produced;
}

const isOptional = (selector: unknown): boolean => asObject(selector)?.optional === true;

/** A pod's Secret references: env, envFrom, volumes (also projected) and image pull secrets; optional ones are left out. */
function podReferences(object: ManifestObject, namespace: string): SecretReference[] {
  const pod = podSpecOf(object);
  if (pod === undefined) return [];
  const found: SecretReference[] = [];
  const add = (path: FieldPath, name: unknown) => {
    const text = asString(name);
    if (text !== undefined && text !== "") found.push({ object, path, namespace, name: text });
  };
  for (const { path, container } of containersOf(pod.spec, pod.path)) {
    asArray(container.env).forEach((item, index) => {
      const ref = at(item, "valueFrom", "secretKeyRef");
      if (ref !== undefined && !isOptional(ref)) add([...path, "env", index, "valueFrom", "secretKeyRef", "name"], at(ref, "name"));
    });
    asArray(container.envFrom).forEach((item, index) => {
      const ref = at(item, "secretRef");
      if (ref !== undefined && !isOptional(ref)) add([...path, "envFrom", index, "secretRef", "name"], at(ref, "name"));
    });
  }
  asArray(pod.spec.volumes).forEach((volume, index) => {
    const secret = at(volume, "secret");
    if (secret !== undefined && !isOptional(secret)) add([...pod.path, "volumes", index, "secret", "secretName"], at(secret, "secretName"));
    asArray(at(volume, "projected", "sources")).forEach((source, sourceIndex) => {
      const projected = at(source, "secret");
      if (projected !== undefined && !isOptional(projected)) add([...pod.path, "volumes", index, "projected", "sources", sourceIndex, "secret", "name"], at(projected, "name"));
    });
  });
  asArray(pod.spec.imagePullSecrets).forEach((item, index) => add([...pod.path, "imagePullSecrets", index, "name"], at(item, "name")));
  return found;
}

/** An Istio Gateway's TLS credentials (`credentialName`, optionally `kubernetes://`), in the gateway's namespace. */
function istioGatewayReferences(object: ManifestObject, namespace: string): SecretReference[] {
  return asArray(at(object.object, "spec", "servers")).flatMap((server, index) => {
    const credential = asString(at(server, "tls", "credentialName"));
    if (credential === undefined || credential === "") return [];
    return [{ object, path: ["spec", "servers", index, "tls", "credentialName"], namespace, name: credential.replace(/^kubernetes:\/\//, "") }];
  });
}

/** A Gateway API Gateway's listener certificates (core-group `Secret` refs, in the ref's or the Gateway's namespace). */
function gatewayApiReferences(object: ManifestObject, namespace: string): SecretReference[] {
  return asArray(at(object.object, "spec", "listeners")).flatMap((listener, index) =>
    asArray(at(listener, "tls", "certificateRefs")).flatMap((ref, refIndex) => {
      const name = asString(at(ref, "name"));
      const isSecret = (asString(at(ref, "kind")) ?? "Secret") === "Secret" && (asString(at(ref, "group")) ?? "") === "";
      if (!isSecret || name === undefined) return [];
      return [{ object, path: ["spec", "listeners", index, "tls", "certificateRefs", refIndex, "name"], namespace: asString(at(ref, "namespace")) ?? namespace, name }];
    }),
  );
}

/**
 * An AlertmanagerConfig's Secret key selectors: every `{ name, key }` in its receivers (routing keys, webhook URLs,
 * credentials, TLS material), except those under a `configMap` field.
 */
function alertmanagerReferences(object: ManifestObject, namespace: string): SecretReference[] {
  const found: SecretReference[] = [];
  const walk = (value: unknown, path: FieldPath): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, index]));
      return;
    }
    if (!isObject(value)) return;
    const name = asString(value.name);
    if (name !== undefined && typeof value.key === "string" && path[path.length - 1] !== "configMap") {
      if (value.optional !== true) found.push({ object, path: [...path, "name"], namespace, name });
      return;
    }
    for (const [field, child] of Object.entries(value)) walk(child, [...path, field]);
  };
  walk(at(object.object, "spec", "receivers"), ["spec", "receivers"]);
  return found;
}

function referencesOf(object: ManifestObject): SecretReference[] {
  const namespace = namespaceOf(object) ?? "default";
  const group = apiGroup(object.apiVersion);
  if (object.kind === "Gateway" && group === "networking.istio.io") return istioGatewayReferences(object, namespace);
  if (object.kind === "Gateway" && group === "gateway.networking.k8s.io") return gatewayApiReferences(object, namespace);
  if (object.kind === "AlertmanagerConfig" && group === "monitoring.coreos.com") return alertmanagerReferences(object, namespace);
  return podReferences(object, namespace);
}

/**
 * Nothing out of band: every Secret a pod (env, envFrom, volumes, image pull secrets), a Gateway (Istio
 * `credentialName`, Gateway API `certificateRefs`) or an AlertmanagerConfig references is produced by the
 * environment's objects (an ExternalSecret's target, a Certificate's `secretName`, a Secret) or is one the cluster
 * provides itself (a short list: Istio's CA secrets, Helm's release records). References marked `optional` are left
 * out: the pod starts without them.
 */
export const secretReference: GroupRule = {
  id: "secret-reference",
  category: "analysis",
  scope: "group",
  severity: "error",
  description:
    "Every Secret a pod, Gateway or AlertmanagerConfig references is produced in the environment (ExternalSecret, Certificate or Secret) or provided by the cluster itself.",
  check(objects) {
    const produced = producedSecrets(objects);
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      for (const reference of referencesOf(object)) {
        if (produced.has(`${reference.namespace}/${reference.name}`)) continue;
        if (clusterProvidedSecret(reference.namespace, reference.name) !== undefined) continue;
        problems.push({
          object: reference.object,
          unresolved: true,
          path: reference.path,
          message: `Secret "${reference.name}" in namespace "${reference.namespace}" is produced by no ExternalSecret, Certificate or Secret of the environment, and the cluster does not provide it`,
        });
      }
    }
    return problems;
  },
};
