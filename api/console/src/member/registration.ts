import type { Registration } from '../api/memberAuth'
import type { BirthdayCalendar } from '../api/me'
import type { CodeButton } from './countdown'
import { passwordProblem } from './password'
import { emailProblem, nameProblem, onlyProblems, otpProblem, phoneProblem, referralProblem } from './fields'

export interface RegistrationForm {
  phone: string
  /** The 6-digit code sent to `phone` (POST /members/otp, purpose registration): proves the phone is in hand. */
  otp: string
  name: string
  password: string
  /** `YYYY-MM-DD` in `birthdayCalendar`, or empty. */
  birthday: string
  birthdayCalendar: BirthdayCalendar
  email: string
  consentMarketing: boolean
  referralCode: string
  /** The home store picked from GET /store-directory; empty for none ("不选"), which the api books to `web`. */
  storeId: string
}

export const blankRegistration = (referralCode = ''): RegistrationForm => ({
  phone: '', otp: '', name: '', password: '', birthday: '', birthdayCalendar: 'gregorian', email: '',
  // Consent is asked for, never assumed (PIPL): unchecked until the member checks it.
  consentMarketing: false,
  referralCode,
  storeId: '',
})

export type RegistrationField = Exclude<keyof RegistrationForm, 'birthdayCalendar' | 'consentMarketing'>

/** i18n keys (under `me.fields`) of what is wrong, by field. */
export function checkRegistration(form: RegistrationForm): Partial<Record<RegistrationField, string>> {
  return onlyProblems<RegistrationField>({
    phone: phoneProblem(form.phone),
    otp: otpProblem(form.otp),
    name: nameProblem(form.name),
    password: passwordProblem(form.password) && `password_${passwordProblem(form.password)}`,
    birthday: null,
    email: emailProblem(form.email),
    referralCode: referralProblem(form.referralCode),
    // Picked from the api's own list; a store gone since is the api's to refuse.
    storeId: null,
  })
}

/** A registration code may be asked for once the phone is well-formed, and not while the last one's wait runs. */
export const mayAskForCode = (phone: string, button: CodeButton) => phoneProblem(phone) === null && button.state !== 'wait'

/**
 * The body of POST /members from the web: with the home store only when one was picked (without it the api
 * books an anonymous sign-up to the web), with the phone's code, and without the optional fields left empty,
 * which the api would read as given and wrong.
 */
export function registrationBody(form: RegistrationForm): Registration {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined)
  const birthday = optional(form.birthday)
  return {
    phone: form.phone.trim(),
    name: form.name.trim(),
    password: form.password,
    channel: 'web',
    ...(birthday ? { birthday, birthdayCalendar: form.birthdayCalendar } : {}),
    ...(optional(form.email) ? { email: optional(form.email) } : {}),
    consentMarketing: form.consentMarketing,
    ...(optional(form.referralCode) ? { referralCode: optional(form.referralCode) } : {}),
    ...(form.storeId ? { storeId: form.storeId } : {}),
    otp: form.otp.trim(),
  }
}
