import type { PaymentPinStatus } from '../api/paymentPin'
import { mayChangePhone } from './memberPhone'

// Clearing a member's forgotten payment PIN at the service desk (docs/payment-pin.md): staff never set one, and
// clear it only with the member there, ID card in hand.

/** Head office, or a manager of the member's home store: the api's rule for a new phone number too (else 403). */
export const mayClearPin = (roles: readonly string[], stores: readonly string[], homeStoreId?: string | null) =>
  mayChangePhone(roles, stores, homeStoreId)

/** Only a PIN there is (a locked one too): without one there is nothing to clear. */
export const offersClear = (may: boolean, status: PaymentPinStatus | null) => may && status?.set === true
