// Members signing in (docs/sign-in.md): a code by "SMS" (printed on the mock's console, as the file-drop
// sender writes it to .data/notifications/sms.jsonl), a password with a lock-out, a member token.

import { json } from './signalr.mjs'
import { phones } from './memberStore.mjs'

const CODE_LIFETIME = 300
const RESEND_AFTER = 60
const PASSWORD_TRIES = 5
const LOCK_OUT_MS = 15 * 60_000
export const PHONE = /^1[3-9]\d{9}$/

const passwords = new Map([['M000123', 'member123']])
const codes = new Map()
const failures = new Map()

const problem = (res, status, code, title, detail, errors) => json(res, status, { type: 'about:blank', status, title, code, detail, ...(errors ? { errors } : {}) })
export const invalid = (res, errors) => problem(res, 400, 'request.invalid', 'The request is not valid.', undefined, errors)

/** MemberPasswords.cs: 8–128 UTF-16 units, not digits only (per unit, like char.IsDigit). */
export function passwordProblem(password) {
  if (typeof password !== 'string') return 'is required'
  if (password.length < 8 || password.length > 128) return 'must be 8 to 128 characters'
  return [...Array(password.length).keys()].every((i) => /^\p{Nd}$/u.test(password[i])) ? 'must not be digits only' : null
}

export const setPassword = (memberId, password) => passwords.set(memberId, password)
export function forget(memberId) {
  passwords.delete(memberId)
  codes.delete(memberId)
  failures.delete(memberId)
}

/** POST /members/otp and POST /members/login; false for any other path. */
export function signInRoute(api, method, input, res, token) {
  if (api === '/members/otp' && method === 'POST') {
    if (!PHONE.test(input.phone ?? '')) return invalid(res, { phone: ['must be a mainland-China mobile number (11 digits starting 13–19)'] }), true
    const memberId = phones.get(input.phone)
    const live = memberId && codes.get(memberId)
    // Too soon is not told: the answer is the same for every phone, whether or not a code went out.
    if (memberId && !(live && Date.now() < live.sentAt + RESEND_AFTER * 1000)) {
      const code = String(Math.floor(Math.random() * 1e6)).padStart(6, '0')
      codes.set(memberId, { code, sentAt: Date.now(), expiresAt: Date.now() + CODE_LIFETIME * 1000, tries: 0 })
      console.log(`sms to ${input.phone}: 您的会员登录验证码是 ${code}，${CODE_LIFETIME / 60} 分钟内有效`)
    }
    json(res, 202, { expiresIn: CODE_LIFETIME, resendAfter: RESEND_AFTER })
    return true
  }
  if (api !== '/members/login' || method !== 'POST') return false
  const errors = {}
  if (!PHONE.test(input.phone ?? '')) errors.phone = ['must be a mainland-China mobile number (11 digits starting 13–19)']
  if ((input.password == null) === (input.otp == null)) errors.password = ['give exactly one of password and otp']
  else if (input.otp != null && !/^\d{6}$/.test(input.otp)) errors.otp = ['must be the 6-digit code sent by SMS']
  if (Object.keys(errors).length) return invalid(res, errors), true
  const memberId = phones.get(input.phone)
  let ok = false
  if (input.otp != null) {
    const live = memberId && codes.get(memberId)
    if (live && Date.now() < live.expiresAt && live.tries < 5) {
      live.tries++
      ok = live.code === input.otp
      if (ok) {
        codes.delete(memberId)
        failures.delete(memberId)
      }
    }
  } else if (memberId) {
    const failed = failures.get(memberId) ?? { count: 0, lockedUntil: 0 }
    if (failed.lockedUntil > Date.now()) {
      const until = new Date(failed.lockedUntil).toISOString().slice(0, 19) + 'Z'
      return problem(res, 429, 'auth.too_many_attempts', 'Not allowed.', `Too many wrong passwords: try again after ${until}, or sign in with a code sent by SMS.`), true
    }
    ok = passwords.get(memberId) === input.password
    if (ok) failures.delete(memberId)
    else failures.set(memberId, { count: failed.count + 1, lockedUntil: failed.count + 1 >= PASSWORD_TRIES ? Date.now() + LOCK_OUT_MS : 0 })
  }
  if (!ok) return problem(res, 401, 'auth.invalid_credentials', 'Not allowed.', 'Unknown phone, or wrong password or code.'), true
  json(res, 200, { accessToken: token(memberId, ['member'], []), tokenType: 'Bearer', expiresIn: 3600, roles: ['member'], memberId })
  return true
}
