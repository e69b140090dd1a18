import { ApiError } from '../api/http'
import { PHONE_PATTERN } from '../api/members'

// Field rules shared by sign-up, sign-in and the profile, mirroring the api's Rules.cs so a mistake
// shows at once next to its field. Each answers an i18n key under `me.fields`, or null.

export const NAME_MAX = 50
export const REFERRAL_MAX = 16
// Rules.Email: what the api accepts as an e-mail address.
const EMAIL_PATTERN = /^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,63}$/
// Rules.Text refuses control characters (U+0000–U+001F, U+007F–U+009F).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

export const phoneProblem = (phone: string) => (!phone.trim() ? 'phoneRequired' : PHONE_PATTERN.test(phone.trim()) ? null : 'phoneInvalid')

export function nameProblem(name: string): string | null {
  if (!name.trim()) return 'nameRequired'
  if (name.trim().length > NAME_MAX) return 'nameTooLong'
  return CONTROL.test(name) ? 'nameInvalid' : null
}

/** Optional: empty is fine. */
export const emailProblem = (email: string) => (!email.trim() || (email.trim().length <= 254 && EMAIL_PATTERN.test(email.trim())) ? null : 'emailInvalid')

export const otpProblem = (otp: string) => (/^\d{6}$/.test(otp.trim()) ? null : 'otpInvalid')

export function referralProblem(code: string): string | null {
  const text = code.trim()
  return !text || (text.length <= REFERRAL_MAX && !CONTROL.test(text)) ? null : 'referralInvalid'
}

/** The api's own words for each field of a `400 request.invalid`, one line per field. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {}
  return Object.fromEntries(Object.entries(error.errors).map(([field, problems]) => [field, problems.join('; ')]))
}

/** Drops the fields that have no problem, so `Object.keys(...).length` tells whether a form may go. */
export function onlyProblems<K extends string>(problems: Record<K, string | null>): Partial<Record<K, string>> {
  return Object.fromEntries(Object.entries(problems).filter(([, p]) => p !== null)) as Partial<Record<K, string>>
}
