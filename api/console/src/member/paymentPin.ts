import { ApiError } from '../api/http'
import type { PaymentPinChange } from '../api/paymentPin'
import { onlyProblems, otpProblem } from './fields'

// The member's payment PIN (docs/payment-pin.md), by the api's rules (PaymentPins.cs) for instant feedback: the api
// stays the judge. Field problems are keys under `me.fields`.

export const PIN_LENGTH = 6

/** Exactly six ASCII digits (not ０-９: the api counts only 0-9). */
export const isWellFormedPin = (pin: string) => /^[0-9]{6}$/.test(pin)

/**
 * Of a well-formed PIN: one digit six times, or a run up or down (123456, 987654; no wrapping past 9): the PINs anyone tries first, which
 * five tries before the lock would not keep out.
 */
export function isWeakPin(pin: string): boolean {
  const digits = [...pin].map(Number)
  const steps = digits.slice(1).map((d, i) => d - digits[i])
  return steps.every((s) => s === 0) || steps.every((s) => s === 1) || steps.every((s) => s === -1)
}

export function pinProblem(pin: string): string | null {
  if (!isWellFormedPin(pin)) return 'pinInvalid'
  return isWeakPin(pin) ? 'pinWeak' : null
}

/** How the member proves it is them: a code sent to their phone (first time, or forgotten), or the PIN they have now. */
export type PinProof = 'otp' | 'currentPin'

export interface PinForm {
  otp: string
  currentPin: string
  pin: string
  /** The new PIN typed again. */
  again: string
}

export type PinField = keyof PinForm

export const blankPinForm = (): PinForm => ({ otp: '', currentPin: '', pin: '', again: '' })

/** The fields the form shows for a proof, in the order they are filled in. */
export const pinFields = (proof: PinProof): PinField[] => [proof, 'pin', 'again']

export function checkPinForm(form: PinForm, proof: PinProof): Partial<Record<PinField, string>> {
  return onlyProblems<PinField>({
    otp: proof === 'otp' ? otpProblem(form.otp) : null,
    currentPin: proof === 'currentPin' && !isWellFormedPin(form.currentPin) ? 'currentPinInvalid' : null,
    pin: pinProblem(form.pin),
    // Only once the first entry is right: a mistake is named once, where it was made.
    again: pinProblem(form.pin) === null && form.again !== form.pin ? 'pinMismatch' : null,
  })
}

/** PUT /members/{id}/payment-pin: the new PIN with exactly one proof. The code is trimmed, PINs go as typed. */
export const pinBody = (form: PinForm, proof: PinProof): PaymentPinChange =>
  proof === 'otp' ? { pin: form.pin, otp: form.otp.trim() } : { pin: form.pin, currentPin: form.currentPin }

/**
 * The field an api refusal belongs to, with its words under `me.pin`: a weak PIN (`422 payment_pin.weak`), or a proof
 * that failed (`422 payment_pin.proof_wrong`: the code wrong, used or expired; the current PIN wrong or locked). Null for the rest.
 */
export function pinRefusal(error: unknown, proof: PinProof): { field: PinField; key: string } | null {
  if (!(error instanceof ApiError)) return null
  if (error.code === 'payment_pin.weak') return { field: 'pin', key: 'weak' }
  if (error.code === 'payment_pin.proof_wrong') return proof === 'otp' ? { field: 'otp', key: 'codeWrong' } : { field: 'currentPin', key: 'currentWrong' }
  return null
}
