import { ApiError } from '../api/http'
import type { CodeButton } from './countdown'
import { onlyProblems, otpProblem, phoneProblem } from './fields'

// A member moving to a new phone number (docs/sign-in.md, "Changing the phone number"): the new number must be
// theirs, so it is proved with a code sent to it, by the registration code's rules (none to a number a member has).

export interface PhoneChangeForm {
  /** The new number. */
  phone: string
  /** The 6-digit code sent to it. */
  otp: string
}

export const blankPhoneChange = (): PhoneChangeForm => ({ phone: '', otp: '' })

export type PhoneChangeField = keyof PhoneChangeForm

/** The new number, as every phone in the portal (a mainland mobile), and not the one the member has now (a key under `me.fields`). */
export function newPhoneProblem(phone: string, current: string): string | null {
  return phoneProblem(phone) ?? (phone.trim() === current.trim() ? 'phoneSame' : null)
}

export function checkPhoneChange(form: PhoneChangeForm, current: string): Partial<Record<PhoneChangeField, string>> {
  return onlyProblems<PhoneChangeField>({ phone: newPhoneProblem(form.phone, current), otp: otpProblem(form.otp) })
}

/** A code may be asked for once the new number is right, and not while the last one's wait runs. */
export const mayAskForPhoneCode = (phone: string, current: string, button: CodeButton) =>
  newPhoneProblem(phone, current) === null && button.state !== 'wait'

/** PUT /members/{id}/phone from the member: the new number and its code, trimmed. */
export const phoneChangeBody = (form: PhoneChangeForm) => ({ phone: form.phone.trim(), otp: form.otp.trim() })

/**
 * The field an api refusal belongs to, with its words under `me.phone`: a code that is wrong, used or expired
 * (`422 member.phone_not_verified`), or a number another member has (`409 member.phone_taken`). Null for the rest.
 */
export function phoneChangeRefusal(error: unknown): { field: PhoneChangeField; key: string } | null {
  if (!(error instanceof ApiError)) return null
  if (error.code === 'member.phone_not_verified') return { field: 'otp', key: 'codeWrong' }
  if (error.code === 'member.phone_taken') return { field: 'phone', key: 'taken' }
  return null
}
