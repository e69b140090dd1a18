/**
 * Members' share of the sales, as basis points for formatBasisPoints: memberSales and sales are counts
 * of committed sales, rounded half up in integers. No sales → null ("—"), not 0 %.
 */
export function memberShareBasisPoints(memberSales: number, sales: number): number | null {
  if (!Number.isSafeInteger(memberSales) || !Number.isSafeInteger(sales) || sales <= 0) return null
  return Math.floor((memberSales * 20_000 + sales) / (2 * sales))
}

/** A part of a whole in whole percent (for the churn tiles); an empty whole → 0. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part * 100) / whole) : 0
}

/** Every channel that signed members up in any period, in the order of the api's channel list first. */
export function channelsOf(periods: ReadonlyArray<{ byChannel?: Record<string, number> | null }>, listed: readonly string[] = []): string[] {
  const seen = new Set(listed)
  for (const p of periods) for (const channel of Object.keys(p.byChannel ?? {})) seen.add(channel)
  return [...seen]
}
