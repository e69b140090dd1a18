import type { PurchaseItem } from '../api/purchases'
import { formatCount } from '../utils/format'
import { formatFen } from '../utils/money'

// A purchase as a row of the list: what was paid, or for a return what was refunded, and how the points moved.
// The api lists a return with negative figures (so that a day's sums are net); a shopper reads a refund instead.

/** How a purchase moved the member's points: earned and used by a sale, taken back and given back by a return. */
export type PointsMoveKind = 'earned' | 'used' | 'clawedBack' | 'givenBack'

export interface PointsMove {
  kind: PointsMoveKind
  /** Always positive: `change` says which way. */
  points: number
  /** +points or −points for the member. */
  change: number
}

export interface PurchaseRow {
  txnId: string
  isReturn: boolean
  committedAt: string
  /** The store's name, else its id. */
  store: string
  /** Paid for a sale, refunded for a return: never negative. */
  amount: number
  amountText: string
  points: PointsMove[]
  /** Stored value paid from a card (a sale) or put back on it (a return), never negative; 0 when none. */
  storedValue: number
  originalTxnId: string | null
}

export const isReturn = (item: Pick<PurchaseItem, 'kind'>) => item.kind === 'return'

/** The names of the stores the purchases were made at, by id, for their receipts (which name a store by id only). */
export const storeNamesOf = (items: readonly Pick<PurchaseItem, 'storeId' | 'storeName'>[]): Record<string, string> =>
  Object.fromEntries(items.filter((p) => p.storeName?.trim()).map((p) => [p.storeId, p.storeName!.trim()]))

const move = (kind: PointsMoveKind, points: number, sign: 1 | -1): PointsMove => ({ kind, points, change: sign * points })

/**
 * The points a purchase moved, those that did not move left out. A sale: `pointsEarned` (+) and `pointsRedeemed`
 * (−); a return lists them negative: the points earned it took back (−) and the points spent it gave back (+).
 */
export function pointsMoves(item: Pick<PurchaseItem, 'kind' | 'pointsEarned' | 'pointsRedeemed'>): PointsMove[] {
  const earned = Math.abs(item.pointsEarned ?? 0)
  const redeemed = Math.abs(item.pointsRedeemed ?? 0)
  const moves = isReturn(item)
    ? [move('clawedBack', earned, -1), move('givenBack', redeemed, 1)]
    : [move('earned', earned, 1), move('used', redeemed, -1)]
  return moves.filter((m) => m.points > 0)
}

/** "+128" or "-500": a points change as the ledger shows one. */
export const pointsChangeText = (m: PointsMove) => `${m.change > 0 ? '+' : ''}${formatCount(m.change)}`

export function purchaseRow(item: PurchaseItem): PurchaseRow {
  const amount = Math.abs(item.total ?? 0)
  return {
    txnId: item.txnId,
    isReturn: isReturn(item),
    committedAt: item.committedAt,
    store: item.storeName?.trim() || item.storeId,
    amount,
    amountText: formatFen(amount),
    points: pointsMoves(item),
    storedValue: Math.abs(item.storedValueSpent ?? 0),
    originalTxnId: item.originalTxnId ?? null,
  }
}
