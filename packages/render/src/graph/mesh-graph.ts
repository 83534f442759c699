import { buildCallGraph } from "@cloudlab/constructs";
import { compareStrings, type EnvironmentModel, type ResolvedService, type RoutingStrategy, type WorkloadKind } from "@cloudlab/model";

/** One running version of a service, as the picture shows it. */
export interface MeshVersion {
  readonly name: string;
  /** Its share of unmatched requests, in percent (0: the idle side of a blue-green pair). */
  readonly weight: number;
}

/** A service of the environment. */
export interface MeshServiceNode {
  readonly kind: "service";
  /** `<tenant>/<service>`: unique in the graph. */
  readonly id: string;
  readonly tenant: string;
  readonly name: string;
  readonly workload: WorkloadKind;
  /** How requests are split between the versions. */
  readonly strategy: RoutingStrategy;
  /** The running versions, in the spec's order (one for a service without a canary or blue-green pair). */
  readonly versions: readonly MeshVersion[];
}

/** A public host name of the environment's ingress gateway. */
export interface MeshIngressNode {
  readonly kind: "ingress";
  /** `ingress:<host>`. */
  readonly id: string;
  readonly host: string;
}

/**
 * A node of the mesh graph. Nodes outside the mesh (ingress hosts; external egress destinations would be one more
 * kind beside it) have their own kinds, so every format can draw them apart from the services.
 */
export type MeshNode = MeshServiceNode | MeshIngressNode;

/** What a caller may do on the callee: one accept rule of the callee that names the caller. */
export interface MeshOperation {
  /** HTTP methods; empty: any. */
  readonly methods: readonly string[];
  /** Paths (gRPC methods are paths); empty: any. */
  readonly paths: readonly string[];
  /** Ports; empty: any declared port. */
  readonly ports: readonly number[];
}

/** A directed edge: who may send requests to whom. */
export interface MeshEdge {
  /** `call`: a declared `calls` entry, admitted by the callee; `ingress`: a public host routed to its edge service. */
  readonly kind: "call" | "ingress";
  readonly from: string;
  readonly to: string;
  /** Caller and callee in different tenants (it needs the callee's `exposedTo`). */
  readonly crossTenant: boolean;
  /** What the caller may do, one entry per accept rule; empty: anything on the callee's ports. */
  readonly operations: readonly MeshOperation[];
  /** An ingress edge's path prefix and port, e.g. `/ :80`; undefined for calls. */
  readonly route: string | undefined;
}

/** A tenant and the ids of its services, for drawing them as a group. */
export interface MeshTenant {
  readonly name: string;
  readonly services: readonly string[];
}

/** The mesh of one environment: services grouped by tenant, the declared call graph, ingress hosts. */
export interface MeshGraph {
  readonly environment: string;
  /** Tenants with at least one service here, sorted by name. */
  readonly tenants: readonly MeshTenant[];
  /** Ingress hosts (sorted), then services (sorted by tenant and name). */
  readonly nodes: readonly MeshNode[];
  /** Ingress edges, then calls, each sorted by source and target. */
  readonly edges: readonly MeshEdge[];
}

/** A service's id in the graph. */
export function serviceNodeId(tenant: string, name: string): string {
  return `${tenant}/${name}`;
}

/** The rules of `callee` that let `caller` in, as operations; an unrestricted rule is an empty list. */
function operationsFor(caller: ResolvedService, callee: ResolvedService): MeshOperation[] {
  const rules = callee.accepts.filter((rule) => rule.from.some((from) => from.tenant === caller.tenant && from.service === caller.name));
  const operations = rules.map((rule) => ({ methods: [...rule.methods], paths: [...rule.paths], ports: [...rule.ports] }));
  return operations.some((o) => o.methods.length === 0 && o.paths.length === 0 && o.ports.length === 0) ? [] : operations;
}

/**
 * The mesh of one environment as a graph: a node per service (with its versions), a node per ingress host, an edge per
 * declared call among the services running here (the renderer's own call graph) labelled with what the callee's
 * accept rules allow, and an edge from each ingress host to its service. Pure and deterministic.
 */
export function buildMeshGraph(model: EnvironmentModel): MeshGraph {
  const services = [...model.services].sort((a, b) => compareStrings(serviceNodeId(a.tenant, a.name), serviceNodeId(b.tenant, b.name)));
  const callGraph = buildCallGraph(services);

  const hosts = new Map<string, ResolvedService[]>();
  for (const service of services) {
    for (const host of service.ingress?.hosts ?? []) hosts.set(host, [...(hosts.get(host) ?? []), service]);
  }
  const hostNames = [...hosts.keys()].sort(compareStrings);

  const nodes: MeshNode[] = [
    ...hostNames.map((host): MeshIngressNode => ({ kind: "ingress", id: `ingress:${host}`, host })),
    ...services.map(
      (s): MeshServiceNode => ({
        kind: "service",
        id: serviceNodeId(s.tenant, s.name),
        tenant: s.tenant,
        name: s.name,
        workload: s.workload,
        strategy: s.routing.strategy,
        versions: s.versions.map((v) => ({ name: v.name, weight: v.weight })),
      }),
    ),
  ];

  const edges: MeshEdge[] = [];
  for (const host of hostNames) {
    for (const service of hosts.get(host)!) {
      const ingress = service.ingress!;
      edges.push({
        kind: "ingress",
        from: `ingress:${host}`,
        to: serviceNodeId(service.tenant, service.name),
        crossTenant: false,
        operations: [],
        route: `${ingress.pathPrefix} :${ingress.port.port}`,
      });
    }
  }
  for (const caller of services) {
    for (const callee of callGraph.callees(caller)) {
      edges.push({
        kind: "call",
        from: serviceNodeId(caller.tenant, caller.name),
        to: serviceNodeId(callee.tenant, callee.name),
        crossTenant: caller.tenant !== callee.tenant,
        operations: operationsFor(caller, callee),
        route: undefined,
      });
    }
  }

  const tenantNames = [...new Set(services.map((s) => s.tenant))].sort(compareStrings);
  return {
    environment: model.environment.name,
    tenants: tenantNames.map((name) => ({
      name,
      services: services.filter((s) => s.tenant === name).map((s) => serviceNodeId(s.tenant, s.name)),
    })),
    nodes,
    edges,
  };
}

/** `POST /a, /b`, `:8080`, or `any` for an edge whose caller may do anything. */
export function operationLabels(edge: MeshEdge): string[] {
  if (edge.route !== undefined) return [edge.route];
  if (edge.operations.length === 0) return [];
  return edge.operations.map((o) =>
    [o.methods.join(","), o.paths.join(", "), o.ports.length > 0 ? `:${o.ports.join(",")}` : ""].filter((part) => part !== "").join(" "),
  );
}

/** `v1 90% · v2 10%` for a weighted pair, `blue-green: green live` style for blue-green; empty for one version. */
export function versionLabel(node: MeshServiceNode): string {
  if (node.versions.length < 2) return "";
  if (node.strategy === "blue-green") {
    const live = node.versions.find((v) => v.weight > 0);
    return `blue-green: ${node.versions.map((v) => (v === live ? `${v.name} live` : `${v.name} idle`)).join(" · ")}`;
  }
  return node.versions.map((v) => `${v.name} ${v.weight}%`).join(" · ");
}
