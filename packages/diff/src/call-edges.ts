import { compareStrings } from "@cloudlab/model";
import type { RenderedObject } from "./rendered-object.ts";
import { at, list, record } from "./risks/manifest-fields.ts";

/** One caller allowed to send requests to one callee, as the rendered Istio AuthorizationPolicies say. */
export interface CallEdge {
  /** The caller: `<namespace>/<service>` for a workload of the render, else `<namespace>/<service account>` (the ingress gateway), or `namespace <name>`. */
  readonly from: string;
  /** The callee: `<namespace>/<service>` (the policy's namespace and its `app.kubernetes.io/name` selector). */
  readonly to: string;
  /** Caller and callee in different namespaces (tenants). */
  readonly crossNamespace: boolean;
  /** What the caller may do, one entry per rule naming it, e.g. `POST /a`, `:8080`; empty: anything. */
  readonly operations: readonly string[];
}

/** The pod-template kinds whose service account stands for a service. */
const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "Rollout"]);
const PRINCIPAL = /^[^/]+\/ns\/([^/]+)\/sa\/([^/]+)$/;

function strings(value: unknown): string[] {
  return list(value).filter((v): v is string => typeof v === "string");
}

/** `<namespace>/<service account>` → `<namespace>/<service>`, from the workloads' pod templates and names. */
function serviceAccounts(objects: readonly RenderedObject[]): Map<string, string> {
  const accounts = new Map<string, string>();
  for (const { manifest } of objects) {
    if (!WORKLOAD_KINDS.has(manifest.kind) || manifest.metadata.namespace === undefined) continue;
    const account = at(manifest, "spec", "template", "spec", "serviceAccountName");
    const name = at(manifest, "metadata", "labels", "app.kubernetes.io/name");
    if (typeof account === "string" && typeof name === "string") accounts.set(`${manifest.metadata.namespace}/${account}`, `${manifest.metadata.namespace}/${name}`);
  }
  return accounts;
}

/** `POST,GET /a, /b :8080`; empty for an operation that limits nothing. */
function operationText(operation: unknown): string {
  const ports = strings(at(operation, "ports"));
  return [strings(at(operation, "methods")).join(","), strings(at(operation, "paths")).join(", "), ports.length > 0 ? `:${ports.join(",")}` : ""]
    .filter((part) => part !== "")
    .join(" ");
}

/**
 * Who may call whom in one environment's render, read from its ALLOW AuthorizationPolicies (the rendered form of the
 * declared `calls` and `accepts`): an edge per source principal (or namespace) and selected service, with the
 * operations the rules allow it. Service accounts are mapped back to their services through the workloads. Read
 * from objects, not specs, so that a base revision rendered by its own code compares like for like. Sorted by caller,
 * then callee.
 */
export function callEdges(objects: readonly RenderedObject[]): CallEdge[] {
  const accounts = serviceAccounts(objects);
  const edges = new Map<string, { from: string; to: string; crossNamespace: boolean; operations: string[]; any: boolean }>();
  for (const { manifest } of objects) {
    if (manifest.kind !== "AuthorizationPolicy" || !manifest.apiVersion.startsWith("security.istio.io/")) continue;
    const action = at(manifest, "spec", "action");
    const namespace = manifest.metadata.namespace;
    const callee = at(manifest, "spec", "selector", "matchLabels", "app.kubernetes.io/name");
    if ((action !== undefined && action !== "ALLOW") || namespace === undefined || typeof callee !== "string") continue;
    const to = `${namespace}/${callee}`;
    for (const rule of list(at(manifest, "spec", "rules"))) {
      const operations = list(at(rule, "to")).map((to) => operationText(at(to, "operation")));
      for (const from of list(at(rule, "from"))) {
        const source = record(at(from, "source")) ?? {};
        const callers = [
          ...strings(source.principals).map((principal) => {
            const match = PRINCIPAL.exec(principal);
            if (match === null) return { name: principal, namespace: "" };
            const account = `${match[1]}/${match[2]}`;
            return { name: accounts.get(account) ?? account, namespace: match[1]! };
          }),
          ...strings(source.namespaces).map((ns) => ({ name: `namespace ${ns}`, namespace: ns })),
        ];
        for (const caller of callers) {
          const key = `${caller.name}\u0000${to}`;
          const edge = edges.get(key) ?? { from: caller.name, to, crossNamespace: caller.namespace !== namespace, operations: [], any: false };
          if (operations.length === 0 || operations.includes("")) edge.any = true;
          else edge.operations.push(...operations);
          edges.set(key, edge);
        }
      }
    }
  }
  return [...edges.values()]
    .map(({ from, to, crossNamespace, operations, any }) => ({ from, to, crossNamespace, operations: any ? [] : [...new Set(operations)].sort(compareStrings) }))
    .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
}
