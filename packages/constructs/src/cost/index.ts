export {
  environmentCost,
  unitRates,
  CPU_TO_MEMORY_PRICE_RATIO,
  type CostProblem,
  type EnvironmentCost,
  type MonthlyCost,
  type NodeGroupCost,
  type ServiceCost,
  type TenantCost,
  type UnitRates,
} from "./environment-cost.ts";
export { PRICE_LIST, STORAGE_CLASS_DISKS, instancePrice, storagePrice, type PriceList } from "./price-list.ts";
export { formatUsd, formatUsdChange, formatPercentChange } from "./format-usd.ts";
