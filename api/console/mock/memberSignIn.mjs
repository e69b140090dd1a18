// Members signing in (docs/sign-in.md): a code by "SMS" (printed on the mock's console, as the file-drop
// sender writes it to .data/notifications/sms.jsonl), a password with a lock-out, a member token; and the
// code that proves a phone before a web registration.
//
// With LOYALTY_E2E_SMS_DIR set, each SMS is also appended to $LOYALTY_E2E_SMS_DIR/sms.jsonl in the api's
// file-drop format, so the browser tests read their codes from the mock as from the api.

import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { json } from './signalr.mjs'
import { phones } from './memberStore.mjs'
import { TOKEN_SECONDS, token as newToken } from './sessions.mjs'

const CODE_LIFETIME = 300
const RESEND_AFTER = 60
const PASSWORD_TRIES = 5
const LOCK_OUT_MS = 15 * 60_000
export const PHONE = /^1[3-9]\d{9}$/

const passwords = new Map([['M000123', 'member123']])
const codes = new Map()
const failures = new Map()
/** Registration codes by phone (the api's PhoneVerificationGrain): only for a phone no member has. */
const registrationCodes = new Map()
const SMS_DIR = process.env.LOYALTY_E2E_SMS_DIR ?? ''
const TEXTS = {
  'signin.code': (code, minutes) => `您的会员登录验证码是 ${code}，${minutes} 分钟内有效。请勿告诉他人。`,
  'registration.code': (code, minutes) => `您正在注册会员，验证码是 ${code}，${minutes} 分钟内有效。如非本人操作，请忽略本短信。`,
  'payment_pin.code': (code, minutes) => `您正在设置会员储值支付密码，验证码是 ${code}，${minutes} 分钟内有效。请勿告诉他人，包括门店员工。`,
}

/** "Sends" an SMS: printed here, and a line in $LOYALTY_E2E_SMS_DIR/sms.jsonl as the api's file-drop sender writes it. */
export function sendSms(phone, template, values, text, key = phone) {
  console.log(`sms to ${phone}: ${text}`)
  if (!SMS_DIR) return
  mkdirSync(SMS_DIR, { recursive: true })
  const line = { messageId: `${key}:${template}:${Date.now()}`, to: phone, template, values, text, at: new Date().toISOString() }
  appendFileSync(join(SMS_DIR, 'sms.jsonl'), JSON.stringify(line) + '\n')
}

/** A fresh code in `store` under `key`, "sent" to `phone`; nothing when the last one went out less than RESEND_AFTER ago. */
function issueCode(store, key, phone, template) {
  const live = store.get(key)
  if (live && Date.now() < live.sentAt + RESEND_AFTER * 1000) return
  const code = String(Math.floor(Math.random() * 1e6)).padStart(6, '0')
  store.set(key, { code, sentAt: Date.now(), expiresAt: Date.now() + CODE_LIFETIME * 1000, tries: 0 })
  sendSms(phone, template, { code, validMinutes: CODE_LIFETIME / 60 }, TEXTS[template](code, CODE_LIFETIME / 60), key)
}

/** Whether `code` is the live code in `store` under `key`: a right one is used up, a wrong one costs a try (5 in all). */
function useCode(store, key, code) {
  const live = store.get(key)
  if (!live || Date.now() >= live.expiresAt || live.tries >= 5) return false
  live.tries++
  if (live.code !== code) return false
  store.delete(key)
  return true
}

/**
 * A code to a member's own phone for `template` other than signing in (the payment PIN's). Like the api's
 * MemberSignInGrain, it is the member's one live code: a sign-in code asked for a moment ago means none goes out yet.
 */
export const sendMemberCode = (memberId, phone, template) => issueCode(codes, memberId, phone, template)

/** Whether `code` is the member's live code (used up if so). */
export const useMemberCode = (memberId, code) => useCode(codes, memberId, code)

/** POST /members without a token: whether `code` is the registration code sent to `phone` (used up if so). */
export const useRegistrationCode = (phone, code) => useCode(registrationCodes, phone, code)

/**
 * A registration code to `phone`, only if no member has it (a new number's code, POST /members/{id}/phone/otp, goes
 * by the same rules); the caller answers alike either way.
 */
export function sendRegistrationCode(phone) {
  if (!phones.has(phone)) issueCode(registrationCodes, phone, phone, 'registration.code')
}

export const CODE_ANSWER = { expiresIn: CODE_LIFETIME, resendAfter: RESEND_AFTER }

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
export function signInRoute(api, method, input, res) {
  if (api === '/members/otp' && method === 'POST') {
    const errors = {}
    if (!PHONE.test(input.phone ?? '')) errors.phone = ['must be a mainland-China mobile number (11 digits starting 13–19)']
    if (input.purpose != null && !['signin', 'registration'].includes(input.purpose)) errors.purpose = ['must be one of: signin, registration']
    if (Object.keys(errors).length) return invalid(res, errors), true
    const memberId = phones.get(input.phone)
    // Too soon is not told, nor whether the phone is a member's: the answer is the same for every phone,
    // whether or not a code went out (a sign-in code only to a member, a registration code only to a stranger).
    if (input.purpose === 'registration') sendRegistrationCode(input.phone)
    else if (memberId) issueCode(codes, memberId, input.phone, 'signin.code')
    json(res, 202, CODE_ANSWER)
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
    ok = Boolean(memberId) && useCode(codes, memberId, input.otp)
    if (ok) failures.delete(memberId)
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
  json(res, 200, memberTokenAnswer(memberId))
  return true
}

/** A member's token answer; `at` carries a renewed session's start. */
export const memberTokenAnswer = (memberId, at) =>
  ({ accessToken: newToken(memberId, ['member'], [], { at }), tokenType: 'Bearer', expiresIn: TOKEN_SECONDS, roles: ['member'], memberId })
