/**
 * Where the kind catalog's kinds come from. Each source names the package whose TypeScript declarations give the
 * kinds and their fields, and the package whose model classes validate objects at run time (types, required fields,
 * enums). They are one package except for Istio:
 *
 * - `@kubernetes-models/istio` 2.3.0 (a dependency) predates Istio 1.20 and lacks fields 1.20 and 1.24 serve
 *   (`VirtualService` `http[].mirrors`, the policies' `targetRef`…), which would be false unknown-field errors.
 * - `@kubernetes-models/istio-3`, an alias of `@kubernetes-models/istio` 3.0.1 (a devDependency, generated from Istio
 *   1.29's CRDs), has them, and the `v1` versions. It needs Node 22 to load, so only its declarations are read, by
 *   the TypeScript checker when the catalog is generated; nothing loads it at run time.
 *
 * So Istio's field shapes come from 3.0.1 and its run-time validation from 2.3.0's classes.
 */
export interface ModelSource {
  /** The package whose declarations (`.d.ts` only) give the kinds and their fields. */
  readonly declarations: string;
  /**
   * The package whose model classes the catalog's `module` entries name, loaded at run time.
   * @default the `declarations` package
   */
  readonly runtime?: string;
  /**
   * Top-level fields of every kind of the package left open (free-form) whatever the declarations say, where the
   * releases the gate targets preserve unknown fields that the declarations' newer release closes.
   * @default none
   */
  readonly openFields?: readonly string[];
}

/** The model packages, in catalog order. */
export const MODEL_SOURCES: readonly ModelSource[] = [
  { declarations: "kubernetes-models" },
  // Istio 1.20 to 1.24 keep `status` free-form (`x-kubernetes-preserve-unknown-fields`); 3.0.1's release closes it.
  { declarations: "@kubernetes-models/istio-3", runtime: "@kubernetes-models/istio", openFields: ["status"] },
  { declarations: "@kubernetes-models/gateway-api" },
  { declarations: "@kubernetes-models/argo-cd" },
  { declarations: "@kubernetes-models/argo-rollouts" },
  { declarations: "@kubernetes-models/flux-cd" },
  { declarations: "@kubernetes-models/prometheus-operator" },
  // External Secrets Operator (v1alpha1, v1beta1) and cert-manager (cert-manager.io, acme.cert-manager.io, …).
  { declarations: "@kubernetes-models/external-secrets" },
  { declarations: "@kubernetes-models/cert-manager" },
];

/**
 * For a kind the run-time package has no class of, the older version whose class validates it instead. Istio's `v1`
 * APIs are the `v1beta1` (telemetry: `v1alpha1`) protos promoted unchanged (the same schema under a new version), so
 * 2.3.0's older class checks types, required fields and enums of a `v1` object; its fields come from 3.0.1's `v1`
 * declarations. Whether the environment's Istio serves `v1` is decided apart, by the served-version table
 * (`src/versions/istio-apis.ts`).
 */
export const PROMOTED_FROM: Readonly<Record<string, string>> = {
  "networking.istio.io/v1": "networking.istio.io/v1beta1",
  "security.istio.io/v1": "security.istio.io/v1beta1",
  "telemetry.istio.io/v1": "telemetry.istio.io/v1alpha1",
};
