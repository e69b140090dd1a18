// The member's payment PIN (支付密码) for stored value (docs/payment-pin.md). No answer ever carries the PIN itself.
import { del, get, post, put } from './http'
import type { CodeSent } from './memberAuth'

/** GET, PUT and DELETE all answer this. `lockedUntil` only while a lock runs; `changedAt` when last set or cleared. */
export interface PaymentPinStatus {
  set: boolean
  lockedUntil: string | null
  changedAt: string | null
}

/** Proved by a code sent to the member's phone (first time, or forgotten), or by the PIN they have now: exactly one. */
export type PaymentPinChange = { pin: string; otp: string } | { pin: string; currentPin: string }

const path = (memberId: string) => `/members/${encodeURIComponent(memberId)}/payment-pin`

/** The member themself, head office, or a manager of the member's home store (anyone else: 403). */
export const getPaymentPin = (memberId: string) => get<PaymentPinStatus>(path(memberId))

/** A code to the member's own phone (202); the member only, rate-limited and answered alike like sign-in codes. */
export const sendPaymentPinCode = (memberId: string) => post<CodeSent>(`${path(memberId)}/otp`)

/**
 * The member sets or changes it (staff: 403); ends any lock, and the member's phone is told by SMS. Refusals:
 * `422 payment_pin.weak`, `422 payment_pin.proof_wrong` (wrong, used or expired code; wrong or locked current PIN).
 */
export const setPaymentPin = (memberId: string, change: PaymentPinChange) => put<PaymentPinStatus>(path(memberId), change)

/** Head office or a manager of the home store clears a forgotten PIN at the desk, after seeing the member's ID (members: 403). */
export const clearPaymentPin = (memberId: string) => del<PaymentPinStatus>(path(memberId))
