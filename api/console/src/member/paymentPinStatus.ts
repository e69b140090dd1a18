import type { PaymentPinStatus } from '../api/paymentPin'
import { viewerDateTime } from '../utils/format'

// What the portal's 支付密码 card and the member desk say of a member's payment PIN, and what the card offers.

export type PinState = 'notSet' | 'set' | 'locked'

/**
 * A key (under `me.pin` or `members.pin`) and, while locked, until when in the viewer's own time zone. A lock whose
 * time has passed is over, even if the answer that told of it is older.
 */
export function pinStatusOf(status: PaymentPinStatus, now: number, timeZone?: string): { key: PinState; until?: string } {
  if (!status.set) return { key: 'notSet' }
  const until = status.lockedUntil ? Date.parse(status.lockedUntil) : Number.NaN
  return until > now ? { key: 'locked', until: viewerDateTime(status.lockedUntil, timeZone) } : { key: 'set' }
}

/** How the card's dialog opens: a first PIN (with a code), a change (with the current PIN), or a forgotten one reset (with a code). */
export type PinMode = 'first' | 'change' | 'forgot'

/** A locked PIN cannot prove a change: only a code can replace it, which also ends the lock. */
export function pinModes(state: PinState): PinMode[] {
  if (state === 'notSet') return ['first']
  return state === 'locked' ? ['forgot'] : ['change', 'forgot']
}

export const proofOf = (mode: PinMode) => (mode === 'change' ? 'currentPin' : 'otp')
