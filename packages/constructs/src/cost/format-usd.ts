/** An amount in USD to the cent with thousands separators: `1234.5` → `$1,234.50`. */
export function formatUsd(amount: number): string {
  const cents = Math.round(Math.abs(amount) * 100);
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+$)/g, ",");
  const sign = amount < 0 && cents > 0 ? "-" : "";
  return `${sign}$${whole}.${String(cents % 100).padStart(2, "0")}`;
}

/** A change in USD with its sign: `+$12.30`, `-$4.00`, `$0.00` (nothing to the cent). */
export function formatUsdChange(amount: number): string {
  const text = formatUsd(amount);
  return text === "$0.00" || text.startsWith("-") ? text : `+${text}`;
}

/** A relative change in percent with one decimal: `+20.5 %`, `-3 %`; `new` when there was nothing before. */
export function formatPercentChange(before: number, after: number): string {
  if (before === 0) return after === 0 ? "0 %" : "new";
  const percent = Math.round(((after - before) / before) * 1000) / 10;
  return `${percent > 0 ? "+" : ""}${percent} %`;
}
