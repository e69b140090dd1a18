import type { LedgerEntry } from '../api/members'
import { formatCount } from '../utils/format'
import { formatFen } from '../utils/money'

// The api writes every ledger row with both `points` and `amount` (the other one 0), so the kind, not
// which field is set, says whether a row moved points or stored value.

export interface Movement {
  unit: 'points' | 'fen'
  change: number
  balanceAfter: number
}

export function movement(entry: LedgerEntry): Movement {
  const points = entry.points ?? 0
  const amount = entry.amount ?? 0
  const unit = entry.kind.startsWith('points.') ? 'points'
    : entry.kind.startsWith('storedvalue.') ? 'fen'
    // A kind this console does not know yet: whichever field moved.
    : entry.points != null && (points !== 0 || entry.amount == null) ? 'points' : 'fen'
  return { unit, change: unit === 'points' ? points : amount, balanceAfter: entry.balanceAfter ?? 0 }
}

/** "+128" points or "-¥12.80" stored value. */
export function changeText(m: Movement): string {
  if (m.unit === 'fen') return formatFen(m.change, { sign: true })
  return `${m.change > 0 ? '+' : ''}${formatCount(m.change)}`
}

export function balanceText(m: Movement): string {
  return m.unit === 'fen' ? formatFen(m.balanceAfter) : formatCount(m.balanceAfter)
}

// Gifts, expiry and card transfers are booked under ids the api makes up (`signup`, `expiry:2026-12-31`),
// and rewards under the id the portal made for the purchase (`rw-…`): no receipt a shopper could show at a till.
const WITHOUT_RECEIPT = new Set([
  'points.signup_gift', 'points.referral_gift', 'points.birthday', 'points.expired', 'points.exchanged', 'storedvalue.transfer_in', 'storedvalue.transfer_out',
])

export const hasReceipt = (entry: LedgerEntry) => !WITHOUT_RECEIPT.has(entry.kind)

/** The api's stand-ins for a store (`web` sign-ups, `self-service` in the portal), as i18n keys; a real store as its id. */
export const PSEUDO_STORES: Record<string, string> = { web: 'me.ledger.web', 'self-service': 'me.ledger.selfService' }
