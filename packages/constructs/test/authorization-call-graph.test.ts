import { type EnvironmentModel, type EnvironmentSpec, type PlatformDefinition, type ServiceSpec, type Sourced } from "@cloudlab/model";
import { App } from "cdk8s";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EnvironmentChart, KubeObject } from "../src/index.ts";
import { resolveModels, sourcedEnvironment, sourcedService, sourcedTenant } from "./fixtures.ts";

/*
 * The generated AuthorizationPolicies and NetworkPolicies allow exactly the declared call graph: every `calls` edge
 * between services running in an environment (plus the ingress gateway to each edge service), and nothing else.
 *
 * The rendered objects are read the way Istio and a NetworkPolicy implementation read them (selectors against pod
 * labels, principals against the pods' ServiceAccounts), not through the builders, and compared with edges computed
 * from the specs alone, both ways.
 */

// ---- Reading rendered objects -----------------------------------------------------------------------------------------

type Labels = Readonly<Record<string, string>>;
type Selector = { matchLabels?: Labels; matchExpressions?: unknown[] } | undefined;
interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Labels };
  readonly spec?: any;
}

/** A pod that may send or receive requests: a service's (by `tenant/name`) or a platform component's. */
interface Pod {
  readonly service: string;
  readonly namespace: string;
  readonly labels: Labels;
  readonly principal: string;
}

const INGRESS_GATEWAY = "ingress-gateway";
const KUBE_DNS = "kube-dns";
const ISTIOD = "istiod";
/** A pod in no declared relation to anything: any edge to or from it is one too many. */
const OUTSIDER = "outsider";

function render(model: EnvironmentModel): Manifest[] {
  const chart = new EnvironmentChart(new App(), model.environment.name, { model });
  return chart.node
    .findAll()
    .filter((c): c is KubeObject => c instanceof KubeObject)
    .map((o) => o.toJson() as Manifest);
}

function selects(selector: Selector, labels: Labels): boolean {
  if (selector?.matchExpressions !== undefined) throw new Error("matchExpressions are not read by this test");
  return Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
}

/** The pods of every rendered workload, the platform's (the ingress gateway, kube-dns, istiod), and an outsider. */
function podsOf(manifests: readonly Manifest[], model: EnvironmentModel): Pod[] {
  const workloads = manifests
    .filter((m) => m.kind === "Deployment" || m.kind === "StatefulSet")
    .map((m): Pod => {
      const namespace = m.metadata.namespace!;
      const template = m.spec.template;
      return {
        service: `${namespace}/${template.metadata.labels["app.kubernetes.io/name"]}`,
        namespace,
        labels: template.metadata.labels,
        principal: `cluster.local/ns/${namespace}/sa/${template.spec.serviceAccountName ?? "default"}`,
      };
    });
  const ingress = model.environment.mesh.ingress;
  const gatewayAccount = ingress.mode === "gateway-api" ? "platform-gateway-istio" : "istio-ingressgateway";
  return [
    ...workloads,
    { service: INGRESS_GATEWAY, namespace: ingress.namespace, labels: { istio: "ingressgateway" }, principal: `cluster.local/ns/${ingress.namespace}/sa/${gatewayAccount}` },
    { service: KUBE_DNS, namespace: "kube-system", labels: { "k8s-app": "kube-dns" }, principal: "cluster.local/ns/kube-system/sa/coredns" },
    { service: ISTIOD, namespace: "istio-system", labels: { app: "istiod" }, principal: "cluster.local/ns/istio-system/sa/istiod" },
    { service: OUTSIDER, namespace: "elsewhere", labels: { app: "outsider" }, principal: "cluster.local/ns/elsewhere/sa/outsider" },
  ];
}

const servicePods = (pods: readonly Pod[]) => pods.filter((p) => ![INGRESS_GATEWAY, KUBE_DNS, ISTIOD, OUTSIDER].includes(p.service));

/**
 * Who may call whom by the AuthorizationPolicies, as `caller -> callee`. A pod is governed by the ALLOW policies of
 * its namespace (and of the root namespace) that select it; with at least one, a request passes when a rule matches
 * its source. A rule without `from`, or a source that is not a list of principals, allows anyone (`*`).
 */
function authorizedEdges(manifests: readonly Manifest[], pods: readonly Pod[]): Set<string> {
  const policies = manifests.filter((m) => m.kind === "AuthorizationPolicy");
  const edges = new Set<string>();
  for (const callee of servicePods(pods)) {
    const governing = policies.filter(
      (p) => (p.metadata.namespace === callee.namespace || p.metadata.namespace === "istio-system") && selects(p.spec?.selector, callee.labels),
    );
    if (governing.length === 0) edges.add(`* -> ${callee.service}`);
    for (const policy of governing) {
      expect(policy.spec?.action ?? "ALLOW", `${policy.metadata.namespace}/${policy.metadata.name}`).toBe("ALLOW");
      for (const rule of policy.spec?.rules ?? []) {
        if (rule.from === undefined) edges.add(`* -> ${callee.service}`);
        for (const { source } of rule.from ?? []) {
          if (Object.keys(source ?? {}).some((k) => k !== "principals")) edges.add(`* -> ${callee.service}`);
          for (const principal of source?.principals ?? []) {
            const callers = pods.filter((p) => p.principal === principal).map((p) => p.service);
            if (callers.length === 0) edges.add(`unknown principal ${principal} -> ${callee.service}`);
            for (const caller of callers) edges.add(`${caller} -> ${callee.service}`);
          }
        }
      }
    }
  }
  return edges;
}

function peerMatches(peer: any, policyNamespace: string, pod: Pod): boolean {
  if (peer.ipBlock !== undefined) return true;
  const namespaceOk =
    peer.namespaceSelector === undefined ? pod.namespace === policyNamespace : selects(peer.namespaceSelector, { "kubernetes.io/metadata.name": pod.namespace });
  return namespaceOk && (peer.podSelector === undefined || selects(peer.podSelector, pod.labels));
}

const portsText = (ports: readonly { protocol?: string; port?: number }[] | undefined) =>
  ports === undefined ? "any port" : [...new Set(ports.map((p) => `${p.protocol ?? "TCP"}/${p.port ?? "any"}`))].sort().join(",");

/**
 * What the NetworkPolicies let through in one direction, as `from -> to :ports`. A pod selected by no policy of that
 * direction is unrestricted (`*`); otherwise a peer passes the rules that name it, on their ports.
 */
function networkEdges(manifests: readonly Manifest[], pods: readonly Pod[], direction: "Ingress" | "Egress"): Set<string> {
  const policies = manifests.filter((m) => m.kind === "NetworkPolicy");
  const edges = new Set<string>();
  for (const pod of servicePods(pods)) {
    const governing = policies.filter(
      (p) => p.metadata.namespace === pod.namespace && (p.spec.policyTypes ?? ["Ingress"]).includes(direction) && selects(p.spec.podSelector, pod.labels),
    );
    if (governing.length === 0) edges.add(direction === "Ingress" ? `* -> ${pod.service}` : `${pod.service} -> *`);
    const ports = new Map<string, Set<string>>();
    for (const policy of governing) {
      const rules = (direction === "Ingress" ? policy.spec.ingress : policy.spec.egress) ?? [];
      for (const rule of rules) {
        const peers = (direction === "Ingress" ? rule.from : rule.to) ?? [];
        const others = peers.length === 0 ? pods : pods.filter((other) => peers.some((peer: unknown) => peerMatches(peer, policy.metadata.namespace!, other)));
        for (const other of others) {
          const key = direction === "Ingress" ? `${other.service} -> ${pod.service}` : `${pod.service} -> ${other.service}`;
          const set = ports.get(key) ?? new Set<string>();
          for (const port of portsText(rule.ports).split(",")) set.add(port);
          ports.set(key, set);
        }
      }
    }
    for (const [key, set] of ports) edges.add(`${key} :${[...set].sort().join(",")}`);
  }
  return edges;
}

// ---- What the specs declare ---------------------------------------------------------------------------------------------

const keyOf = (spec: Pick<ServiceSpec, "tenant" | "name">) => `${spec.tenant}/${spec.name}`;

/** The services running in an environment, by the specs alone: not disabled there, not absent from DR. */
function runningIn(definition: PlatformDefinition, environmentName: string): ServiceSpec[] {
  const environment = definition.environments.find((e) => e.spec.name === environmentName)!.spec;
  const overrides = environment.overrides ?? {};
  return definition.services
    .map((s) => s.spec)
    .filter((spec) => (overrides[keyOf(spec)] ?? overrides[spec.name])?.disabled !== true)
    .filter((spec) => !(environment.cluster.role === "dr" && spec.workload === "stateful" && spec.disasterRecovery === "absent"));
}

const targetPorts = (spec: ServiceSpec) => (spec.ports ?? []).map((p) => `TCP/${p.targetPort ?? p.port}`).sort().join(",");

interface DeclaredEdges {
  /** `caller -> callee`, the ingress gateway included. */
  readonly authorized: Set<string>;
  /** `caller -> callee :ports` for callees that listen, the ingress gateway included. */
  readonly ingress: Set<string>;
  /** `caller -> callee :ports` between services, plus every service's DNS and istiod. */
  readonly egress: Set<string>;
}

function declaredEdges(definition: PlatformDefinition, environmentName: string): DeclaredEdges {
  const running = runningIn(definition, environmentName);
  const byKey = new Map(running.map((s) => [keyOf(s), s]));
  const authorized = new Set<string>();
  const ingress = new Set<string>();
  const egress = new Set<string>();
  for (const caller of running) {
    egress.add(`${keyOf(caller)} -> ${KUBE_DNS} :TCP/53,UDP/53`);
    egress.add(`${keyOf(caller)} -> ${ISTIOD} :TCP/15012`);
    for (const call of caller.calls ?? []) {
      const callee = byKey.get(call.includes("/") ? call : `${caller.tenant}/${call}`);
      if (callee === undefined) continue;
      authorized.add(`${keyOf(caller)} -> ${keyOf(callee)}`);
      if ((callee.ports ?? []).length === 0) continue;
      ingress.add(`${keyOf(caller)} -> ${keyOf(callee)} :${targetPorts(callee)}`);
      egress.add(`${keyOf(caller)} -> ${keyOf(callee)} :${targetPorts(callee)}`);
    }
    if (caller.ingress !== undefined) {
      const ports = caller.ports ?? [];
      const port = ports.find((p) => (caller.ingress!.port === undefined ? p.protocol !== "tcp" : p.name === caller.ingress!.port))!;
      authorized.add(`${INGRESS_GATEWAY} -> ${keyOf(caller)}`);
      ingress.add(`${INGRESS_GATEWAY} -> ${keyOf(caller)} :TCP/${port.targetPort ?? port.port}`);
    }
  }
  return { authorized, ingress, egress };
}

/** Asserts both directions separately (so a failure says which), then equality. */
function expectExactly(actual: ReadonlySet<string>, declared: ReadonlySet<string>, what: string): void {
  expect([...declared].filter((e) => !actual.has(e)).sort(), `${what}: declared but not allowed`).toEqual([]);
  expect([...actual].filter((e) => !declared.has(e)).sort(), `${what}: allowed but not declared`).toEqual([]);
  expect([...actual].sort()).toEqual([...declared].sort());
}

function checkEnvironment(definition: PlatformDefinition, model: EnvironmentModel): void {
  const manifests = render(model);
  const pods = podsOf(manifests, model);
  const declared = declaredEdges(definition, model.environment.name);
  expectExactly(authorizedEdges(manifests, pods), declared.authorized, `${model.environment.name} AuthorizationPolicies`);
  expectExactly(networkEdges(manifests, pods, "Ingress"), declared.ingress, `${model.environment.name} NetworkPolicy ingress`);
  expectExactly(networkEdges(manifests, pods, "Egress"), declared.egress, `${model.environment.name} NetworkPolicy egress`);
}

// ---- A platform with a call graph ---------------------------------------------------------------------------------------

function grpcService(tenant: string, name: string, port: number, changes: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name,
    team: `${tenant}-team`,
    tenant,
    image: { repository: `registry.example.com/${tenant}/${name}`, tag: "1.0.0" },
    ports: [{ name: "grpc", port, protocol: "grpc" }],
    resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "100m", memory: "128Mi" } },
    probes: { readiness: { grpc: { port } }, liveness: { grpc: { port } } },
    replicas: 2,
    ...changes,
  };
}

/** An Online Boutique-like shop over two tenants: an edge frontend, a cross-tenant payment, a Redis absent from DR. */
const SHOP: PlatformDefinition = {
  tenants: [sourcedTenant({ name: "boutique", team: "boutique-team" }), sourcedTenant({ name: "payments", team: "payments-team" })],
  services: [
    grpcService("boutique", "frontend", 80, {
      ports: [{ name: "http", port: 80, targetPort: 8080, protocol: "http" }],
      probes: { readiness: { http: { path: "/_healthz", port: 8080 } }, liveness: { http: { path: "/_healthz", port: 8080 } } },
      ingress: { hosts: ["shop.example.com"] },
      calls: ["productcatalog", "cart", "checkout", "recommendation"],
    }),
    grpcService("boutique", "productcatalog", 3550),
    grpcService("boutique", "recommendation", 8080, { calls: ["productcatalog"] }),
    grpcService("boutique", "cart", 7070, { calls: ["redis-cart"] }),
    grpcService("boutique", "redis-cart", 6379, {
      ports: [{ name: "redis", port: 6379, protocol: "tcp" }],
      probes: { readiness: { tcp: { port: 6379 } }, liveness: { tcp: { port: 6379 } } },
      workload: "stateful",
      storage: { size: "1Gi", mountPath: "/data" },
      replicas: 1,
      disasterRecovery: "absent",
    }),
    grpcService("boutique", "checkout", 5050, { critical: true, calls: ["productcatalog", "cart", "payments/payment", "email", "shipping"] }),
    grpcService("boutique", "email", 5000, { accepts: [{ paths: ["/hipstershop.EmailService/SendOrderConfirmation"] }] }),
    grpcService("boutique", "shipping", 50051, { serviceAccountName: "shipping-sa" }),
    grpcService("payments", "payment", 50051, {
      serviceAccountName: "payment-sa",
      exposedTo: ["boutique/checkout"],
      accepts: [{ from: ["boutique/checkout"], paths: ["/hipstershop.PaymentService/Charge"], methods: ["POST"] }],
    }),
    // A worker without ports: it calls, nothing calls it.
    grpcService("boutique", "loadgenerator", 1, { ports: undefined, probes: undefined, replicas: 1, calls: ["frontend"] }),
  ].map((spec) => sourcedService(spec)),
  environments: [
    sourcedEnvironment({ name: "dev", stage: "dev", cluster: { name: "dev", provider: "eks", region: "us-west-2" } }),
    sourcedEnvironment({
      name: "staging",
      stage: "staging",
      cluster: { name: "staging", provider: "gke", region: "europe-west1", gcpProject: "boutique-staging" },
      mesh: { ingress: { mode: "istio", namespace: "edge" } },
      overrides: { recommendation: { disabled: true } },
    }),
    sourcedEnvironment({
      name: "prod-us-west-2",
      stage: "prod",
      cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2" },
      overrides: { loadgenerator: { disabled: true } },
    }),
    sourcedEnvironment({
      name: "prod-us-east-1",
      stage: "prod",
      cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role: "dr" },
      overrides: { loadgenerator: { disabled: true } },
    }),
  ],
};

describe("AuthorizationPolicies and NetworkPolicies allow exactly the declared call graph", () => {
  const models = resolveModels(SHOP);

  for (const model of models) {
    it(`in ${model.environment.name}`, () => {
      checkEnvironment(SHOP, model);
    });
  }

  it("reads the policies as intended: payment is callable only by checkout, the frontend only by the gateway and the load generator", () => {
    const dev = models.find((m) => m.environment.name === "dev")!;
    const edges = [...authorizedEdges(render(dev), podsOf(render(dev), dev))];
    expect(edges.filter((e) => e.endsWith("-> payments/payment"))).toEqual(["boutique/checkout -> payments/payment"]);
    expect(edges.filter((e) => e.endsWith("-> boutique/frontend")).sort()).toEqual(["boutique/loadgenerator -> boutique/frontend", "ingress-gateway -> boutique/frontend"]);
    // Nothing calls the load generator: it is only under the namespace's deny-all.
    expect(edges.filter((e) => e.endsWith("-> boutique/loadgenerator"))).toEqual([]);
  });

  it("drops the edges of services that do not run: redis-cart in DR, the load generator in prod, recommendation in staging", () => {
    const edgesIn = (name: string) => declaredEdges(SHOP, name).authorized;
    expect(edgesIn("prod-us-west-2").has("boutique/cart -> boutique/redis-cart")).toBe(true);
    expect(edgesIn("prod-us-east-1").has("boutique/cart -> boutique/redis-cart")).toBe(false);
    expect(edgesIn("prod-us-west-2").has("boutique/loadgenerator -> boutique/frontend")).toBe(false);
    expect([...edgesIn("staging")].some((e) => e.includes("recommendation"))).toBe(false);
    expect(models.find((m) => m.environment.name === "prod-us-east-1")!.services.map((s) => s.name)).not.toContain("redis-cart");
  });

  it("would notice a policy that allows one principal too many", () => {
    const prod = models.find((m) => m.environment.name === "prod-us-west-2")!;
    const manifests = render(prod);
    const loosened = manifests.map((m) =>
      m.kind === "AuthorizationPolicy" && m.metadata.name === "payment"
        ? { ...m, spec: { ...m.spec, rules: [...m.spec.rules, { from: [{ source: { principals: ["cluster.local/ns/boutique/sa/cart"] } }] }] } }
        : m,
    );
    const pods = podsOf(manifests, prod);
    const extra = [...authorizedEdges(loosened, pods)].filter((e) => !declaredEdges(SHOP, "prod-us-west-2").authorized.has(e));
    expect(extra).toEqual(["boutique/cart -> payments/payment"]);
  });

  it("would notice a NetworkPolicy that lets in one pod too many, or loses one", () => {
    const prod = models.find((m) => m.environment.name === "prod-us-west-2")!;
    const manifests = render(prod);
    const pods = podsOf(manifests, prod);
    const email = { podSelector: { matchLabels: { "app.kubernetes.io/name": "email" } } };
    const changed = manifests.map((m) =>
      m.kind === "NetworkPolicy" && m.metadata.name === "cart"
        ? { ...m, spec: { ...m.spec, ingress: [{ ...m.spec.ingress[0], from: [...m.spec.ingress[0].from.slice(1), email] }] } }
        : m,
    );
    const declared = declaredEdges(SHOP, "prod-us-west-2").ingress;
    const actual = networkEdges(changed, pods, "Ingress");
    expect([...actual].filter((e) => !declared.has(e))).toEqual(["boutique/email -> boutique/cart :TCP/7070"]);
    expect([...declared].filter((e) => !actual.has(e))).toEqual(["boutique/checkout -> boutique/cart :TCP/7070"]);
  });
});

// ---- Random call graphs -----------------------------------------------------------------------------------------------

interface Node {
  readonly tenant: string;
  readonly port: number;
  readonly protocol: "http" | "grpc";
  readonly stateful: boolean;
  readonly absentFromDr: boolean;
  readonly ownAccount: boolean;
  /** 0: no accepts; 1: one rule with paths for every caller; 2: one rule per caller, by `from`. */
  readonly accepts: 0 | 1 | 2;
  readonly disabledInProd: boolean;
}

const TENANT_NAMES = ["alpha", "beta"] as const;

const nodeArb: fc.Arbitrary<Node> = fc.record({
  tenant: fc.constantFrom(...TENANT_NAMES),
  port: fc.integer({ min: 1024, max: 60000 }),
  protocol: fc.constantFrom("http" as const, "grpc" as const),
  stateful: fc.boolean(),
  absentFromDr: fc.boolean(),
  ownAccount: fc.boolean(),
  accepts: fc.constantFrom(0 as const, 1 as const, 2 as const),
  disabledInProd: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
});

/** A DAG of 3–8 services over two tenants: service i may call any service j > i; service 0 may be an edge service. */
const graphArb = fc.integer({ min: 3, max: 8 }).chain((n) =>
  fc.record({
    nodes: fc.array(nodeArb, { minLength: n, maxLength: n }),
    edges: fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    edge: fc.boolean(),
  }),
);

function platformOf({ nodes, edges, edge }: { nodes: Node[]; edges: boolean[][]; edge: boolean }): PlatformDefinition {
  const name = (i: number) => `svc-${i}`;
  const ref = (from: number, to: number) => (nodes[from]!.tenant === nodes[to]!.tenant ? name(to) : `${nodes[to]!.tenant}/${name(to)}`);
  const calls = nodes.map((_, i) => nodes.map((__, j) => j).filter((j) => j > i && edges[i]![j]!));
  const callers = nodes.map((_, j) => nodes.map((__, i) => i).filter((i) => calls[i]!.includes(j)));
  const specs = nodes.map((node, i): ServiceSpec => {
    const crossTenantCallers = callers[i]!.filter((c) => nodes[c]!.tenant !== node.tenant).map((c) => `${nodes[c]!.tenant}/${name(c)}`);
    const accepts =
      node.accepts === 1 ? [{ paths: ["/api/*"] }] : node.accepts === 2 && callers[i]!.length > 0 ? callers[i]!.map((c) => ({ from: [ref(i, c)], methods: ["POST" as const] })) : undefined;
    return {
      name: name(i),
      team: `${node.tenant}-team`,
      tenant: node.tenant,
      image: { repository: `registry.example.com/${node.tenant}/${name(i)}`, tag: "1.0.0" },
      ports: [{ name: node.protocol, port: node.port, protocol: node.protocol }],
      probes: { readiness: { tcp: { port: node.port } }, liveness: { tcp: { port: node.port } } },
      resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "20m", memory: "32Mi" } },
      replicas: 2,
      ...(calls[i]!.length === 0 ? {} : { calls: calls[i]!.map((j) => ref(i, j)) }),
      ...(crossTenantCallers.length === 0 ? {} : { exposedTo: crossTenantCallers }),
      ...(accepts === undefined ? {} : { accepts }),
      ...(node.ownAccount ? { serviceAccountName: `${name(i)}-identity` } : {}),
      ...(node.stateful ? { workload: "stateful" as const, storage: { size: "1Gi", mountPath: "/data" }, ...(node.absentFromDr ? { disasterRecovery: "absent" as const } : {}) } : {}),
      ...(edge && i === 0 ? { ingress: { hosts: ["app.example.com"] } } : {}),
    };
  });
  const disabled = Object.fromEntries(
    nodes.flatMap((node, i): [string, { disabled: true }][] => (node.disabledInProd ? [[`${node.tenant}/${name(i)}`, { disabled: true }]] : [])),
  );
  const disabledStateful = Object.fromEntries(
    nodes.flatMap((node, i): [string, { disabled: true }][] => (node.disabledInProd && node.stateful && !node.absentFromDr ? [[`${node.tenant}/${name(i)}`, { disabled: true }]] : [])),
  );
  const environments: Sourced<EnvironmentSpec>[] = [
    sourcedEnvironment({
      name: "prod",
      stage: "prod",
      cluster: { name: "prod", provider: "eks", region: "us-west-2" },
      ...(Object.keys(disabled).length === 0 ? {} : { overrides: disabled }),
    }),
    sourcedEnvironment({
      name: "prod-dr",
      stage: "prod",
      cluster: { name: "prod-dr", provider: "eks", region: "us-east-1", role: "dr" },
      // A stateful warm standby runs in every cluster of the stage or in none (check environments/warm-standby).
      ...(Object.keys(disabledStateful).length === 0 ? {} : { overrides: disabledStateful }),
    }),
  ];
  return {
    tenants: TENANT_NAMES.map((tenant) => sourcedTenant({ name: tenant, team: `${tenant}-team` })),
    services: specs.map((spec) => sourcedService(spec)),
    environments,
  };
}

describe("AuthorizationPolicies and NetworkPolicies allow exactly the declared call graph (random DAGs)", () => {
  it("for 3–8 services over two tenants, with edge services, own accounts, accepts rules, disabled and DR-absent services", () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const definition = platformOf(graph);
        for (const model of resolveModels(definition)) checkEnvironment(definition, model);
      }),
      { numRuns: 50 },
    );
  });
});
