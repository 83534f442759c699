/**
 * The conformance checks of the gate against public reference material in `../shared` (read, never copied into the
 * project): Online Boutique's manifests and Helm chart must validate without errors, and the schema and served-version
 * layers are compared with the Kubernetes 1.28.0 OpenAPI document and Istio's 1.20 and 1.24 CRDs. Used by
 * `npm run conformance` and by a vitest test; both skip when `../shared` is absent.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { kubeTools } from "@cloudlab/kube-tools";
import { apiGroup, ISTIO_APIS, KindRegistry, servedStatus, validateGroups, type ManifestSource, type ShapeRef, type ValidationReport } from "../src/index.ts";

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** Where the shared reference material is, when it is there. */
export const SHARED = resolve(REPO_ROOT, "../shared");
const BOUTIQUE = join(SHARED, "corpus/online-boutique");
const OPENAPI = join(SHARED, "schemas/kubernetes-1.28.0-openapi.json");
const ISTIO_CRDS = { "1.20": join(SHARED, "schemas/istio-1.20.0-crds.yaml"), "1.24": join(SHARED, "schemas/istio-1.24.0-crds.yaml") } as const;

/** Whether the reference material is present. */
export function sharedAvailable(): boolean {
  return existsSync(join(BOUTIQUE, "kubernetes-manifests")) && existsSync(OPENAPI);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(entry) && !/^kustomization\.ya?ml$/.test(entry) ? [path] : [];
    });
}

function sources(dir: string): ManifestSource[] {
  return yamlFiles(dir).map((path) => ({ file: relative(SHARED, path), content: readFileSync(path, "utf8") }));
}

/** Online Boutique's plain Kubernetes manifests and its Istio manifests, validated together (they are deployed together). */
export function validateBoutiqueManifests(): ValidationReport {
  return validateGroups([{ sources: [...sources(join(BOUTIQUE, "kubernetes-manifests")), ...sources(join(BOUTIQUE, "istio-manifests"))] }]);
}

/** Online Boutique's Helm chart rendered by the real `helm template` (undefined when helm is not available here). */
export function renderBoutiqueChart(): string | undefined {
  const tools = kubeTools();
  if (tools === undefined) return undefined;
  const result = spawnSync(tools.helm, ["template", "onlineboutique", join(BOUTIQUE, "helm-chart"), "--namespace", "boutique"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`helm template failed: ${result.stderr}`);
  return result.stdout;
}

/** The rendered chart, validated as one file. */
export function validateBoutiqueChart(rendered: string): ValidationReport {
  return validateGroups([{ sources: [{ file: "helm template onlineboutique corpus/online-boutique/helm-chart", content: rendered }] }]);
}

type OpenApiSchema = {
  $ref?: string;
  type?: string;
  description?: string;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: OpenApiSchema | boolean;
  items?: OpenApiSchema;
  "x-kubernetes-preserve-unknown-fields"?: boolean;
  "x-kubernetes-group-version-kind"?: { group: string; version: string; kind: string }[];
};

/** What comparing the schema layer with the Kubernetes 1.28.0 OpenAPI document found. */
export interface OpenApiComparison {
  /** Kinds (apiVersion kind) in the document. */
  readonly kinds: number;
  /** Of those, the ones the catalog does not know. */
  readonly unknownKinds: readonly string[];
  /** Kinds whose served status for 1.28 disagrees with the document (either way). */
  readonly servedMismatches: readonly string[];
  /** Fields compared. */
  readonly fields: number;
  /** Fields of the document the catalog does not know, outside alpha features (must be none). */
  readonly unknownFields: readonly string[];
  /** Fields of alpha features (off by default) the catalog does not know (tolerated). */
  readonly alphaFields: readonly string[];
  /**
   * Fields of API versions 1.28 serves but has deprecated, which the models carry frozen from an older release
   * (tolerated: the gate warns about these versions anyway).
   */
  readonly deprecatedVersionFields: readonly string[];
  /** Objects open in one and closed in the other. */
  readonly opennessMismatches: readonly string[];
}

const ALPHA = /alpha/i;

/** Compares the kind catalog and the served-version table with the Kubernetes 1.28.0 OpenAPI document. */
export function compareWithKubernetesOpenApi(registry = new KindRegistry()): OpenApiComparison {
  const definitions = (JSON.parse(readFileSync(OPENAPI, "utf8")) as { definitions: Record<string, OpenApiSchema> }).definitions;
  const resolveRef = (schema: OpenApiSchema) => (schema.$ref === undefined ? schema : definitions[schema.$ref.replace("#/definitions/", "")]!);
  const documentKinds = new Set<string>();
  const unknownKinds: string[] = [];
  const unknownFields: string[] = [];
  const alphaFields: string[] = [];
  const deprecatedVersionFields: string[] = [];
  const opennessMismatches: string[] = [];
  const versions = { kubernetes: "1.28", istio: "1.20" };
  let fields = 0;
  for (const [name, definition] of Object.entries(definitions)) {
    if (name.startsWith("io.k8s.apimachinery.")) continue; // Status, WatchEvent…: not objects one applies
    for (const gvk of definition["x-kubernetes-group-version-kind"] ?? []) {
      const apiVersion = gvk.group === "" ? gvk.version : `${gvk.group}/${gvk.version}`;
      const id = `${apiVersion} ${gvk.kind}`;
      documentKinds.add(id);
      const entry = registry.find(apiVersion, gvk.kind);
      if (entry === undefined) {
        unknownKinds.push(id);
        continue;
      }
      const seen = new Set<string>();
      const status = servedStatus(apiVersion, gvk.kind, versions, registry);
      const deprecated = status.served === true && status.deprecation !== undefined;
      const walk = (schema0: OpenApiSchema, ref: ShapeRef, path: string, alpha: boolean) => {
        const schema = resolveRef(schema0);
        if (schema0.$ref !== undefined) {
          const key = `${schema0.$ref}|${ref}`;
          if (seen.has(key)) return;
          seen.add(key);
        }
        const shape = registry.shape(ref);
        if (shape === "*") {
          if (schema.properties !== undefined) opennessMismatches.push(`${id} ${path}: open in the catalog, closed in 1.28`);
          return;
        }
        if (schema["x-kubernetes-preserve-unknown-fields"] === true) opennessMismatches.push(`${id} ${path}: preserves unknown fields in 1.28, closed in the catalog`);
        if (schema.type === "array" && schema.items !== undefined) return walk(schema.items, ref, `${path}[]`, alpha);
        if (typeof schema.additionalProperties === "object") {
          if (shape === "s") return;
          if (shape.m === undefined) opennessMismatches.push(`${id} ${path}: a map in 1.28, not in the catalog`);
          else walk(schema.additionalProperties, shape.m, `${path}{}`, alpha);
          return;
        }
        for (const [field, property] of Object.entries(schema.properties ?? {})) {
          fields++;
          const fieldPath = `${path}.${field}`;
          const gated = alpha || ALPHA.test(property.description ?? "");
          const child = shape === "s" ? undefined : (shape.f?.[field] ?? shape.m);
          if (child === undefined) (gated ? alphaFields : deprecated ? deprecatedVersionFields : unknownFields).push(`${id} ${fieldPath}`);
          else walk(property, child, fieldPath, gated);
        }
      };
      walk(definition, entry.shape, "", false);
    }
  }
  // The served-version table against the document, both ways, for Kubernetes' own kinds.
  const servedMismatches: string[] = [];
  for (const kind of registry.kinds) {
    if (!registry.builtinGroups.has(apiGroup(kind.apiVersion)) || !kind.module.startsWith("kubernetes-models/")) continue;
    const id = `${kind.apiVersion} ${kind.kind}`;
    const served = servedStatus(kind.apiVersion, kind.kind, versions, registry).served === true;
    if (served !== documentKinds.has(id)) servedMismatches.push(`${id}: ${served ? "served" : "not served"} by the table, ${documentKinds.has(id) ? "in" : "not in"} the 1.28 OpenAPI`);
  }
  return { kinds: documentKinds.size, unknownKinds, servedMismatches, fields, unknownFields, alphaFields, deprecatedVersionFields, opennessMismatches };
}

type CrdSchema = {
  properties?: Record<string, CrdSchema>;
  additionalProperties?: CrdSchema | boolean;
  items?: CrdSchema;
  oneOf?: CrdSchema[];
  anyOf?: CrdSchema[];
  "x-kubernetes-preserve-unknown-fields"?: boolean;
};
type Crd = { kind: string; spec: { group: string; names: { kind: string }; versions: { name: string; served: boolean; schema?: { openAPIV3Schema?: CrdSchema } }[] } };

/** What comparing the Istio layer with one Istio release's CRDs found. */
export interface IstioComparison {
  readonly istio: string;
  /** Served (group version, kind) pairs the CRDs list. */
  readonly served: number;
  /** Disagreements between the served-version table and the CRDs (must be none). */
  readonly servedMismatches: readonly string[];
  /** CRD fields the kind catalog does not know: objects using them would fail unknown-field (must be none). */
  readonly unknownFields: readonly string[];
  /**
   * Fields the kind catalog knows that the CRDs do not declare: Istio's fields come from a newer release's
   * declarations (@kubernetes-models/istio 3.0.1, Istio 1.29), so these pass the gate and are rejected as unknown by
   * this release's apiserver (tolerated, listed).
   */
  readonly newerFields: readonly string[];
  /** Free-form CRD objects closed in the catalog (must be none). */
  readonly opennessMismatches: readonly string[];
}

/** Compares the served-version table and the Istio models with one Istio release's CRDs. */
export function compareWithIstioCrds(istio: keyof typeof ISTIO_CRDS, registry = new KindRegistry()): IstioComparison {
  const crds = parseAllDocuments(readFileSync(ISTIO_CRDS[istio], "utf8"))
    .map((d) => d.toJS() as Crd | null)
    .filter((d): d is Crd => d?.kind === "CustomResourceDefinition");
  const versions = { kubernetes: "1.28", istio };
  const servedByCrds = new Set<string>();
  const servedMismatches: string[] = [];
  const unknownFields = new Set<string>();
  const newerFields = new Set<string>();
  const opennessMismatches: string[] = [];
  for (const crd of crds) {
    for (const version of crd.spec.versions) {
      if (!version.served) continue;
      const apiVersion = `${crd.spec.group}/${version.name}`;
      const kind = crd.spec.names.kind;
      servedByCrds.add(`${apiVersion} ${kind}`);
      if (servedStatus(apiVersion, kind, versions, registry).served !== true) servedMismatches.push(`${apiVersion} ${kind}: served by the Istio ${istio} CRDs, not by the table`);
      const entry = registry.find(apiVersion, kind);
      const schema = version.schema?.openAPIV3Schema;
      if (entry === undefined || schema === undefined) continue;
      const walk = (node: CrdSchema, ref: ShapeRef, path: string) => {
        const shape = registry.shape(ref);
        if (shape === "*") return;
        if (node["x-kubernetes-preserve-unknown-fields"] === true) opennessMismatches.push(`${apiVersion} ${kind} ${path}`);
        if (node.items !== undefined) return walk(node.items, ref, `${path}[]`);
        if (typeof node.additionalProperties === "object") {
          if (shape !== "s" && shape.m !== undefined) walk(node.additionalProperties, shape.m, `${path}{}`);
          return;
        }
        for (const [field, property] of Object.entries(node.properties ?? {})) {
          const child = shape === "s" ? undefined : (shape.f?.[field] ?? shape.m);
          if (child === undefined) unknownFields.add(`${kind} ${path}.${field}`);
          else walk(property, child, `${path}.${field}`);
        }
        const alternatives = [...(node.oneOf ?? []), ...(node.anyOf ?? [])].filter((a) => a.properties !== undefined);
        for (const alternative of alternatives) walk(alternative, ref, path);
        if (shape === "s" || node.properties === undefined || node["x-kubernetes-preserve-unknown-fields"] === true) return;
        // Every CRD's root implicitly has apiVersion, kind and metadata.
        const implicit = path === "" ? ["apiVersion", "kind", "metadata"] : [];
        const declared = new Set([...implicit, ...[node, ...alternatives].flatMap((n) => Object.keys(n.properties ?? {}))]);
        for (const field of Object.keys(shape.f ?? {})) if (!declared.has(field)) newerFields.add(`${kind} ${path}.${field}`);
      };
      walk(schema, entry.shape, "");
    }
  }
  for (const api of ISTIO_APIS) {
    for (const kind of api.kinds) {
      const id = `${api.groupVersion} ${kind}`;
      const served = servedStatus(api.groupVersion, kind, versions, registry).served === true;
      if (served && !servedByCrds.has(id)) servedMismatches.push(`${id}: served by the table on Istio ${istio}, not by its CRDs`);
    }
  }
  return { istio, served: servedByCrds.size, servedMismatches, unknownFields: [...unknownFields].sort(), newerFields: [...newerFields].sort(), opennessMismatches };
}
