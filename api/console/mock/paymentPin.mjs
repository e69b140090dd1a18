// The member's payment PIN for stored value (PaymentPinApi.cs, PaymentPinGrain.cs, docs/payment-pin.md): read by the
// member, head office or the home store's managers; set by the member alone, proved by a code sent to their phone or
// by the current PIN (five wrong ones in a row lock it for 24 hours); cleared by staff alone. Each set and clear is told
// to the member's phone by SMS.

import { json } from './signalr.mjs'
import { members } from './memberStore.mjs'
import { CODE_ANSWER, invalid, sendMemberCode, sendSms, useMemberCode } from './memberSignIn.mjs'

const TRIES = 5
const LOCK_OUT_MS = 24 * 3_600_000
const PIN = /^[0-9]{6}$/
const OTP = /^[0-9]{6}$/

/** By member id, as the PIN grain keeps it: `{ pin, failures, lockedUntil (ms), changedAt }`. */
const pins = new Map()

const problem = (res, status, code, title, detail) => json(res, status, { type: 'about:blank', status, title, code, detail })
const forbidden = (res, detail) => problem(res, 403, 'auth.forbidden', 'Not allowed.', detail)
const notFound = (res, memberId) => problem(res, 404, 'member.not_found', 'Not found.', `No member ${memberId}.`)
const isStaff = (who) => who.role.some((r) => r === 'admin' || r === 'manager')
const isTheMember = (who, memberId) => who.role.includes('member') && !isStaff(who) && who.sub === memberId
/** Head office, or a manager of the member's home store (MemberViews.MaySeeInFull). */
const isTheirStaff = (who, member) => who.role.includes('admin') || (who.role.includes('manager') && Boolean(who.store?.includes(member.homeStoreId)))

/** PaymentPins.IsWeak: one digit six times, or a run up or down (no wrapping past 9). */
function isWeak(pin) {
  const steps = [...pin].slice(1).map((d, i) => Number(d) - Number(pin[i]))
  return [0, 1, -1].some((step) => steps.every((s) => s === step))
}

const lockedNow = (p) => (p && p.lockedUntil > Date.now() ? p.lockedUntil : null)

function view(memberId) {
  const p = pins.get(memberId)
  const locked = lockedNow(p)
  return { set: p?.pin != null, lockedUntil: locked ? new Date(locked).toISOString() : null, changedAt: p?.changedAt ?? null }
}

/** PaymentPinGrain.Check: a locked PIN is never right; a wrong one counts, and the fifth in a row locks it. */
function check(memberId, pin) {
  const p = pins.get(memberId)
  if (!p?.pin || lockedNow(p)) return false
  if (p.pin === pin) {
    p.failures = 0
    return true
  }
  p.failures += 1
  if (p.failures >= TRIES) Object.assign(p, { failures: 0, lockedUntil: Date.now() + LOCK_OUT_MS })
  return false
}

function tell(member, removed) {
  const text = removed
    ? '您的会员储值支付密码已在门店服务台清除，请在会员 App 中重新设置。如非本人操作，请立即致电客服。'
    : '您的会员储值支付密码已设置成功。如非本人操作，请立即挂失会员卡并致电客服。'
  sendSms(member.phone, 'payment_pin.changed', { removed }, text, member.memberId)
}

/** PUT: the fields first (a typo costs no try), then who asks, then a weak PIN, then the proof. */
function set(memberId, member, input, who, res) {
  const errors = {}
  if (typeof input.pin !== 'string' || !PIN.test(input.pin)) errors.pin = ['must be 6 digits']
  if ((input.otp == null) === (input.currentPin == null)) errors.otp = ["give exactly one of otp (the code sent to the member's phone) and currentPin"]
  else if (input.otp != null && !OTP.test(String(input.otp))) errors.otp = ['must be the 6-digit code sent by SMS']
  else if (input.currentPin != null && !PIN.test(String(input.currentPin))) errors.currentPin = ['must be 6 digits']
  if (Object.keys(errors).length) return invalid(res, errors)
  if (!isTheMember(who, memberId)) return forbidden(res, 'Only the member may set their payment PIN; staff can only clear a forgotten one.')
  if (!member) return notFound(res, memberId)
  if (isWeak(input.pin)) return problem(res, 422, 'payment_pin.weak', 'The request was refused.', 'Choose a PIN that is not one digit repeated or a run like 123456.')
  const proven = input.otp != null ? useMemberCode(memberId, input.otp) : check(memberId, input.currentPin)
  if (!proven) {
    const detail = input.otp != null ? 'The code is wrong, used or expired: ask for a new one.' : 'The current PIN is wrong (or locked): use a code sent to your phone.'
    return problem(res, 422, 'payment_pin.proof_wrong', 'The request was refused.', detail)
  }
  pins.set(memberId, { pin: input.pin, failures: 0, lockedUntil: 0, changedAt: new Date().toISOString() })
  tell(member, false)
  return json(res, 200, view(memberId))
}

/** Erasure clears the PIN. */
export const forgetPin = (memberId) => pins.delete(memberId)

/** /members/{id}/payment-pin and its /otp; false for any other path. */
export function paymentPinRoute(api, method, input, who, res) {
  const m = /^\/members\/([^/]+)\/payment-pin(\/otp)?$/.exec(api)
  if (!m) return false
  const memberId = decodeURIComponent(m[1])
  const member = members.get(memberId)
  const self = isTheMember(who, memberId)
  if (m[2] && method === 'POST') {
    if (!self) return forbidden(res, 'Only the member may ask for a code to set their payment PIN.'), true
    if (!member) return notFound(res, memberId), true
    // Too soon is answered alike: the member's screen counts down from resendAfter either way.
    sendMemberCode(memberId, member.phone, 'payment_pin.code')
    return json(res, 202, CODE_ANSWER), true
  }
  if (m[2]) return false
  if (method === 'PUT') return set(memberId, member, input, who, res), true
  if (method !== 'GET' && method !== 'DELETE') return false
  // GET: the member, or their staff; DELETE: their staff only.
  if (!(self && method === 'GET')) {
    if (!member) return notFound(res, memberId), true
    if (self || !isStaff(who) || !isTheirStaff(who, member)) return forbidden(res, "Only the member, head office or the member's store may do this."), true
  }
  if (method === 'DELETE') {
    const p = pins.get(memberId)
    if (p?.pin != null || lockedNow(p)) pins.set(memberId, { pin: null, failures: 0, lockedUntil: 0, changedAt: new Date().toISOString() })
    tell(member, true)
  }
  return json(res, 200, view(memberId)), true
}
