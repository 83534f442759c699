import type { InstanceType, Provider } from "@cloudlab/model";
import prices from "./prices.json" with { type: "json" };

/**
 * Public on-demand list prices, as of one day, from a file in the repository (`prices.json` beside this file): the
 * cost figures never depend on a price fetched at run time, and every figure says which day its prices are from.
 */
export interface PriceList {
  /** The day the prices were taken as of, `YYYY-MM-DD`: printed with every figure. */
  readonly asOf: string;
  /** Every price is in this currency. */
  readonly currency: "USD";
  /** Hours in a billing month, as the providers' calculators count them (24 × 365 / 12 = 730). */
  readonly hoursPerMonth: number;
  /** Where the prices come from. */
  readonly sources: readonly string[];
  /** A worker node's on-demand price: provider → region → machine type → USD per hour. */
  readonly instances: Readonly<Record<Provider, Readonly<Record<string, Readonly<Partial<Record<InstanceType, number>>>>>>>;
  /** The managed control plane (EKS cluster, GKE cluster management fee): USD per hour per cluster. */
  readonly controlPlane: Readonly<Record<Provider, number>>;
  /** Block storage: provider → region → disk type (`gp3`, `pd-balanced`, …) → USD per GiB-month. */
  readonly disks: Readonly<Record<Provider, Readonly<Record<string, Readonly<Record<string, number>>>>>>;
}

/** The repository's price list (`prices.json`). */
export const PRICE_LIST: PriceList = prices as PriceList;

/**
 * The disk behind each storage class a spec may name, by the class names the providers install: EKS's EBS CSI
 * classes by volume type, GKE's `standard-rwo` (pd-balanced) and `premium-rwo` (pd-ssd) and its legacy `standard`
 * (pd-standard). A class not listed here cannot be priced (the cost report says so).
 */
export const STORAGE_CLASS_DISKS: Readonly<Record<string, { readonly provider: Provider; readonly disk: string }>> = {
  gp3: { provider: "eks", disk: "gp3" },
  gp2: { provider: "eks", disk: "gp2" },
  "standard-rwo": { provider: "gke", disk: "pd-balanced" },
  "premium-rwo": { provider: "gke", disk: "pd-ssd" },
  standard: { provider: "gke", disk: "pd-standard" },
};

/** A worker node's on-demand price in USD per hour, or `undefined` when the list has none for that region. */
export function instancePrice(prices: PriceList, provider: Provider, region: string, instanceType: InstanceType): number | undefined {
  return own(own(prices.instances[provider], region), instanceType);
}

/** A storage class's price in USD per GiB-month in a region, or `undefined` when the class or the price is unknown. */
export function storagePrice(prices: PriceList, provider: Provider, region: string, storageClass: string): number | undefined {
  const class_ = own(STORAGE_CLASS_DISKS, storageClass);
  if (class_ === undefined || class_.provider !== provider) return undefined;
  return own(own(prices.disks[provider], region), class_.disk);
}

/** `record[key]` when it is the record's own entry (a region or class named `constructor` is not Object's). */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
