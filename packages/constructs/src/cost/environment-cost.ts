import { compareStrings, parseQuantity, serviceCapacity, type EnvironmentModel, type InstanceType, type Provider, type ResolvedService, type Stage } from "@cloudlab/model";
import { allocatable } from "../cluster-definition/instance-types.ts";
import { NODE_FILL, nodeGroupSize, PLATFORM_RESERVE } from "../cluster-definition/node-group-size.ts";
import { instancePrice, PRICE_LIST, storagePrice, type PriceList } from "./price-list.ts";

const GIB = 2 ** 30;

/**
 * How much one requested vCPU costs relative to one requested GiB of memory when a node's price is split between the
 * two: OpenCost's convention, the ratio of its default component prices (0.031611 USD per vCPU-hour to 0.004237 USD
 * per GiB-hour, Compute Engine's N2 rates in us-central1), about 7.46. EC2 publishes no split; GCP's own per-vCPU and
 * per-GB rates for N2 are these.
 */
export const CPU_TO_MEMORY_PRICE_RATIO = 0.031611 / 0.004237;

/** A monthly amount in USD at every service's fewest and at its most replicas. */
export interface MonthlyCost {
  readonly atMin: number;
  readonly atMax: number;
}

/** One service's monthly cost in one environment. */
export interface ServiceCost {
  readonly service: string;
  readonly tenant: string;
  /** Pods at the fewest and the most replicas, every version counted. */
  readonly pods: MonthlyCost;
  /** The CPU and memory requests of its pods (app container and istio-proxy sidecar), at the per-unit rates. */
  readonly compute: MonthlyCost;
  /** Its volume claims: one per pod, the claim's size × its storage class's price per GiB-month. */
  readonly storage: MonthlyCost;
  /** compute + storage. */
  readonly total: MonthlyCost;
}

/** A tenant's services and their sum. */
export interface TenantCost {
  readonly tenant: string;
  /** Sorted by name. */
  readonly services: readonly ServiceCost[];
  readonly total: MonthlyCost;
}

/** What one requested unit costs a month on the environment's nodes, bin-packing overhead included. */
export interface UnitRates {
  /** The node's on-demand price, USD per hour; `undefined` when the price list has none (every rate is then 0). */
  readonly nodeHourly: number | undefined;
  /** USD per requested vCPU per month. */
  readonly cpuCoreMonth: number;
  /** USD per requested GiB of memory per month. */
  readonly memoryGiBMonth: number;
}

/** The worker node group of the cluster definition (`nodeGroupSize`, as rendered under `_infra/`) at the node's price. */
export interface NodeGroupCost {
  /** Nodes at every service's minimum replicas (the group's `minSize`). */
  readonly minSize: number;
  /** Nodes at every service's maximum replicas (the group's `maxSize`). */
  readonly maxSize: number;
  /** minSize and maxSize nodes for a month; 0 when the node type has no price. */
  readonly cost: MonthlyCost;
}

/** Something the price list cannot price; the figures leave it out (counted as 0). */
export interface CostProblem {
  readonly environment: string;
  /** The spec file that chose what has no price. */
  readonly file: string;
  /** The service, when the problem is one service's. */
  readonly service?: string;
  /** The spec field that chose it, e.g. `cluster.instanceType`. */
  readonly field: string;
  readonly message: string;
}

/** An environment's monthly cost at min and at max replicas, per tenant and service, with what it assumed. */
export interface EnvironmentCost {
  readonly environment: string;
  readonly stage: Stage;
  readonly provider: Provider;
  readonly region: string;
  readonly instanceType: InstanceType;
  /** The day of the prices (the price list's `asOf`). */
  readonly pricesAsOf: string;
  readonly rates: UnitRates;
  /** Sorted by tenant; every tenant of the environment, also one without services. */
  readonly tenants: readonly TenantCost[];
  /** The platform's add-ons (istiod, gateways, monitoring, Velero: `PLATFORM_RESERVE`) at the same rates. */
  readonly platform: MonthlyCost;
  /** The managed control plane's fee. */
  readonly controlPlane: MonthlyCost;
  /** Tenants + platform add-ons + control plane. */
  readonly total: MonthlyCost;
  /**
   * A cross-check, not part of the total: the whole node group the cluster definition sizes, at the node's price. It
   * is higher than the requests' cost when the pods' CPU-to-memory shape differs from the node's (the scarcer
   * resource decides how many nodes run) and when the node-count rounding or the prod zone floor adds nodes.
   */
  readonly nodeGroup: NodeGroupCost;
  /** What could not be priced, in the order found. */
  readonly problems: readonly CostProblem[];
}

const ZERO: MonthlyCost = { atMin: 0, atMax: 0 };

function sum(costs: readonly MonthlyCost[]): MonthlyCost {
  return costs.reduce((total, c) => ({ atMin: total.atMin + c.atMin, atMax: total.atMax + c.atMax }), ZERO);
}

/**
 * The per-unit monthly rates on a node type: its hourly price is split between its allocatable vCPUs and GiB in the
 * proportion {@link CPU_TO_MEMORY_PRICE_RATIO} (one vCPU costs as much as that many GiB), then divided by
 * {@link NODE_FILL}, the share of a node the cluster definition's sizing fills with requests (the rest is the
 * bin-packing overhead: DaemonSets, fragmentation, surge pods). Requests shaped like the node and filling it to
 * `NODE_FILL` cost exactly the node's price.
 *
 *     memoryGiBHour = price / (allocatable vCPUs × ratio + allocatable GiB);   cpuCoreHour = memoryGiBHour × ratio
 *     rate per month = rate per hour × hoursPerMonth / NODE_FILL
 */
export function unitRates(instanceType: InstanceType, nodeHourly: number | undefined, prices: PriceList = PRICE_LIST): UnitRates {
  if (nodeHourly === undefined) return { nodeHourly, cpuCoreMonth: 0, memoryGiBMonth: 0 };
  const node = allocatable(instanceType);
  const memoryGiBHour = nodeHourly / (node.cpu * CPU_TO_MEMORY_PRICE_RATIO + node.memory / GIB);
  const month = prices.hoursPerMonth / NODE_FILL;
  return { nodeHourly, cpuCoreMonth: memoryGiBHour * CPU_TO_MEMORY_PRICE_RATIO * month, memoryGiBMonth: memoryGiBHour * month };
}

function requestsCost(rates: UnitRates, cpuCores: number, memoryBytes: number): number {
  return cpuCores * rates.cpuCoreMonth + (memoryBytes / GIB) * rates.memoryGiBMonth;
}

function serviceCost(model: EnvironmentModel, service: ResolvedService, rates: UnitRates, prices: PriceList, problems: CostProblem[]): ServiceCost {
  const { cluster } = model.environment;
  const capacity = serviceCapacity(service);
  const pods = { atMin: capacity.atMin.pods, atMax: capacity.atMax.pods };
  const compute = {
    atMin: requestsCost(rates, capacity.atMin.cpuRequests, capacity.atMin.memoryRequests),
    atMax: requestsCost(rates, capacity.atMax.cpuRequests, capacity.atMax.memoryRequests),
  };
  let storage = ZERO;
  if (service.storage !== undefined) {
    const perGiBMonth = storagePrice(prices, cluster.provider, cluster.region, service.storage.storageClass);
    if (perGiBMonth === undefined) {
      // The class is the environment's default unless the service names its own.
      const own = service.storage.storageClass !== cluster.storageClass;
      problems.push({
        environment: model.environment.name,
        file: own ? service.file : model.environment.file,
        service: service.name,
        field: own ? "storage.storageClass" : "cluster.storageClass",
        message: `no price for storage class "${service.storage.storageClass}" on ${cluster.provider} in ${cluster.region} in the price list of ${prices.asOf}`,
      });
    } else {
      const claimGiB = parseQuantity(service.storage.size) / GIB;
      storage = { atMin: pods.atMin * claimGiB * perGiBMonth, atMax: pods.atMax * claimGiB * perGiBMonth };
    }
  }
  return { service: service.name, tenant: service.tenant, pods, compute, storage, total: sum([compute, storage]) };
}

/**
 * An environment's monthly cost at every service's minimum and maximum replicas, from its specs alone (Infracost's
 * way: what the specs ask for, at list prices, before anything runs). Each pod's CPU and memory requests — its app
 * container and its istio-proxy sidecar, from `serviceCapacity` — are priced at the {@link unitRates} of the cluster's
 * node type in its region, its volume claims at the storage class's price; the platform's add-ons and the control
 * plane's fee are added once. Pure: the prices come from `prices`, the clock is never read.
 */
export function environmentCost(model: EnvironmentModel, prices: PriceList = PRICE_LIST): EnvironmentCost {
  const { environment } = model;
  const { cluster } = environment;
  const problems: CostProblem[] = [];
  const nodeHourly = instancePrice(prices, cluster.provider, cluster.region, cluster.instanceType);
  if (nodeHourly === undefined) {
    problems.push({
      environment: environment.name,
      file: environment.file,
      field: "cluster.instanceType",
      message: `no on-demand price for ${cluster.instanceType} on ${cluster.provider} in ${cluster.region} in the price list of ${prices.asOf}`,
    });
  }
  const rates = unitRates(cluster.instanceType, nodeHourly, prices);
  const services = [...model.services].sort((a, b) => compareStrings(a.tenant, b.tenant) || compareStrings(a.name, b.name));
  const costs = services.map((service) => serviceCost(model, service, rates, prices, problems));
  const tenants = [...new Set([...model.tenants.map((t) => t.name), ...services.map((s) => s.tenant)])].sort(compareStrings).map((tenant) => {
    const own = costs.filter((c) => c.tenant === tenant);
    return { tenant, services: own, total: sum(own.map((c) => c.total)) };
  });
  const reserve = PLATFORM_RESERVE[environment.stage];
  const addOns = requestsCost(rates, reserve.cpu, reserve.memory);
  const platform = { atMin: addOns, atMax: addOns };
  const size = nodeGroupSize(model);
  const nodeMonth = (nodeHourly ?? 0) * prices.hoursPerMonth;
  const nodeGroup = { minSize: size.minSize, maxSize: size.maxSize, cost: { atMin: size.minSize * nodeMonth, atMax: size.maxSize * nodeMonth } };
  const fee = prices.controlPlane[cluster.provider] * prices.hoursPerMonth;
  const controlPlane = { atMin: fee, atMax: fee };
  return {
    environment: environment.name,
    stage: environment.stage,
    provider: cluster.provider,
    region: cluster.region,
    instanceType: cluster.instanceType,
    pricesAsOf: prices.asOf,
    rates,
    tenants,
    platform,
    controlPlane,
    total: sum([...tenants.map((t) => t.total), platform, controlPlane]),
    nodeGroup,
    problems,
  };
}
