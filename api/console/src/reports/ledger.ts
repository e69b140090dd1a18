import type { LedgerFigures, Outstanding } from '../api/reports'

// The ledger report's sums (docs/reports.md, "Points and stored value"). The api sends outflows as positive
// numbers, so "in" and "out" are plain sums; points are counts, stored value fen. A figure the api left out
// (an older api) counts as 0 rather than turning a sum into NaN.

type Movements = Partial<LedgerFigures> | null | undefined

const of = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

/** Points issued: earned by sales plus gifted (sign-up, referral, birthday). Points given back by returns are not new points. */
export const pointsIssued = (f: Movements) => of(f?.pointsEarned) + of(f?.pointsGifted)

/** Points that came into members' balances: issued, and burned points a return gave back. */
export const pointsIn = (f: Movements) => pointsIssued(f) + of(f?.pointsReturned)

/** Points that left members' balances: burned as cash, spent on rewards, taken back by returns, expired at year end. */
export const pointsOut = (f: Movements) => of(f?.pointsRedeemed) + of(f?.pointsExchanged) + of(f?.pointsClawedBack) + of(f?.pointsExpired)

/** The section's tiles over the range: points as counts, stored value in fen. */
export interface LedgerTiles {
  pointsIssued: number
  pointsEarned: number
  pointsGifted: number
  pointsRedeemed: number
  pointsExchanged: number
  pointsReturned: number
  pointsClawedBack: number
  pointsExpired: number
  storedValueToppedUp: number
  storedValueReturned: number
  storedValueSpent: number
  storedValueRefunded: number
}

export function ledgerTiles(totals: Movements): LedgerTiles {
  return {
    pointsIssued: pointsIssued(totals),
    pointsEarned: of(totals?.pointsEarned),
    pointsGifted: of(totals?.pointsGifted),
    pointsRedeemed: of(totals?.pointsRedeemed),
    pointsExchanged: of(totals?.pointsExchanged),
    pointsReturned: of(totals?.pointsReturned),
    pointsClawedBack: of(totals?.pointsClawedBack),
    pointsExpired: of(totals?.pointsExpired),
    storedValueToppedUp: of(totals?.storedValueToppedUp),
    storedValueReturned: of(totals?.storedValueReturned),
    storedValueSpent: of(totals?.storedValueSpent),
    storedValueRefunded: of(totals?.storedValueRefunded),
  }
}

/** The charts' series, one value per period in the api's order (every period is listed, zeros included). */
export interface LedgerSeries {
  pointsIn: number[]
  pointsOut: number[]
  storedValueToppedUp: number[]
  storedValueSpent: number[]
}

export function ledgerSeries(periods: readonly Movements[]): LedgerSeries {
  return {
    pointsIn: periods.map(pointsIn),
    pointsOut: periods.map(pointsOut),
    storedValueToppedUp: periods.map((p) => of(p?.storedValueToppedUp)),
    storedValueSpent: periods.map((p) => of(p?.storedValueSpent)),
  }
}

/**
 * What is owed, when the api says it: only chain-wide (a member's points are not one store's debt), so a
 * store's or a manager's report has none and the section says so instead of showing a partial figure.
 */
export function owed(outstanding: Outstanding | null | undefined): Outstanding | null {
  return outstanding && typeof outstanding.asOf === 'string' ? outstanding : null
}
