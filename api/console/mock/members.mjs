// The member and card endpoints (rest.md "Members", "Cards"; docs/privacy.md), with the api's rules on
// who may do what: a member token only for its own member and cards, staff for their stores.

import { json } from './signalr.mjs'
import { memberCode } from './memberCode.mjs'
import { bindCard, cards, changePhone, couponsOf, erase, exchangePoints, ledgerPage, members, phones, registerMember, rewards, view } from './memberStore.mjs'
import { CODE_ANSWER, PHONE, forget, invalid, passwordProblem, sendRegistrationCode, sendSms, setPassword, useRegistrationCode } from './memberSignIn.mjs'
import { forgetPin } from './paymentPin.mjs'
import { revoke, token } from './sessions.mjs'
import { isStore } from './stores.mjs'

const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,63}$/
const problem = (res, status, code, title, detail) => json(res, status, { type: 'about:blank', status, title, code, detail })
const isStaff = (who) => who?.role?.some((r) => r === 'admin' || r === 'manager')
const isMember = (who) => who?.role?.includes('member') && !isStaff(who)
const forbidden = (res) => problem(res, 403, 'auth.forbidden', 'Not allowed.', 'Members may only see their own data.')
const CALLER_ID = /^[A-Za-z0-9_.:-]{1,64}$/
const STORE_ID = /^[A-Za-z0-9_-]{1,32}$/
const OPEN_ID = /^[A-Za-z0-9_-]{16,64}$/
const CHANNELS = ['sms', 'email', 'wechat']
/** A comma-separated list from the environment, else the fallback: one mock process is one chain's configuration. */
const listFrom = (name, fallback) => process.env[name]?.split(',').map((s) => s.trim()).filter(Boolean) ?? fallback
/** GET /notification-channels: what this chain sends reminders by, and how its members may bind WeChat. */
const OFFER = {
  channels: listFrom('MOCK_NOTIFY_CHANNELS', CHANNELS),
  weChatBindBy: listFrom('MOCK_WECHAT_BIND_BY', ['code', 'openId']),
}
const PHONE_RULE = 'must be a mainland-China mobile number (11 digits starting 13–19)'
/** Head office, the member themself, or a manager of the member's home store (MemberViews.MaySeeInFull). */
const maySeeInFull = (who, m) => who.role.includes('admin') || (who.role.includes('manager') && who.store?.includes(m.homeStoreId)) || (isMember(who) && who.sub === m.memberId)

function contactErrors(input, { registering }) {
  const errors = {}
  const add = (field, text) => (errors[field] ??= []).push(text)
  if (registering && !PHONE.test(input.phone ?? '')) add('phone', 'must be a mainland-China mobile number (11 digits starting 13–19)')
  if (registering || input.name !== undefined) {
    if (typeof input.name !== 'string' || !input.name.trim()) add('name', 'is required')
    else if (input.name.length > 50) add('name', 'must be at most 50 characters')
  }
  if (input.email != null && !EMAIL.test(input.email)) add('email', 'must be an e-mail address')
  if (input.gender != null && !['female', 'male', 'other'].includes(input.gender)) add('gender', 'must be one of: female, male, other')
  if (input.birthdayCalendar != null && !['gregorian', 'lunar'].includes(input.birthdayCalendar)) add('birthdayCalendar', 'must be one of: gregorian, lunar')
  if (input.birthday != null && !/^\d{4}-\d{2}-\d{2}$/.test(input.birthday)) add('birthday', 'must be a date as YYYY-MM-DD')
  if (registering && input.password != null && passwordProblem(input.password)) add('password', passwordProblem(input.password))
  if (input.referralCode != null && (typeof input.referralCode !== 'string' || !input.referralCode.trim() || input.referralCode.length > 16)) add('referralCode', 'must be at most 16 characters')
  if (input.notifyBy != null && !CHANNELS.includes(input.notifyBy)) add('notifyBy', 'must be one of: sms, email, wechat')
  return errors
}

/** MembersApi.Update: a channel the chain offers; e-mail needs an address (on the profile or in the request), WeChat a bound open id. */
function channelErrors(input, member) {
  if (CHANNELS.includes(input.notifyBy) && !OFFER.channels.includes(input.notifyBy)) {
    return { notifyBy: [`${input.notifyBy} is not offered by this chain yet: choose another channel`] }
  }
  if (input.notifyBy === 'email' && !(input.email ?? member.email)?.trim()) return { notifyBy: ['email needs an e-mail address: give email as well'] }
  if (input.notifyBy === 'wechat' && member.weChatOpenId == null) return { notifyBy: ['wechat needs the member\'s WeChat bound first (PUT /members/{id}/wechat)'] }
  return {}
}

/**
 * MemberPhoneApi: POST /members/{id}/phone/otp (the member: a code to the new number, only if no member has it, the
 * same answer either way) and PUT /members/{id}/phone (the member with that code; head office or the home store's
 * managers without one). The old number is told by SMS.
 */
function phoneRoute(memberId, part, method, input, who, res) {
  const member = members.get(memberId)
  if (part === '/phone/otp' && method === 'POST') {
    if (!PHONE.test(input.phone ?? '')) return invalid(res, { phone: [PHONE_RULE] })
    if (!isMember(who) || who.sub !== memberId) return problem(res, 403, 'auth.forbidden', 'Not allowed.', 'Only the member may ask for a code for their new number.')
    sendRegistrationCode(input.phone)
    return json(res, 202, CODE_ANSWER)
  }
  const self = isMember(who)
  const errors = {}
  if (!PHONE.test(input.phone ?? '')) errors.phone = [PHONE_RULE]
  if (self && !/^\d{6}$/.test(input.otp ?? '')) errors.otp = ['must be the 6-digit code sent to the new number']
  if (Object.keys(errors).length) return invalid(res, errors)
  if (!member) return problem(res, 404, 'member.not_found', 'Not found.', `No member ${memberId}.`)
  if (self && !useRegistrationCode(input.phone, input.otp)) {
    return problem(res, 422, 'member.phone_not_verified', 'The request was refused.', 'The code is wrong, used or expired: ask for a new one.')
  }
  if (!self && (!isStaff(who) || !maySeeInFull(who, member))) {
    return problem(res, 403, 'auth.forbidden', 'Not allowed.', 'Only the member, head office or the member\'s store may change the phone.')
  }
  const old = member.phone
  if (old === input.phone) return json(res, 200, view(member))
  if (!changePhone(member, input.phone)) return problem(res, 409, 'member.phone_taken', 'The request was refused.', 'This phone number belongs to another member.')
  const ending = input.phone.slice(-4)
  sendSms(old, 'member.phone_changed', { newNumberEnding: ending }, `您的会员账号已改用尾号 ${ending} 的手机号。如非本人操作，请立即到门店服务台或致电客服。`, memberId)
  return json(res, 200, view(member))
}

/**
 * MemberWeChatApi: PUT binds (the member only) by a typed open id where the chain allows it, DELETE unbinds (the
 * member or head office); WeChat reminders go by SMS again.
 */
function weChatRoute(member, method, input, who, res) {
  if (method === 'PUT') {
    // The mock has no WeChat to trade a mini-program's wx.login code with: every code is one WeChat refuses.
    if (input.code != null && input.openId == null) return problem(res, 422, 'wechat.code_invalid', 'The request was refused.', 'WeChat did not accept this code: sign in again.')
    if (!OFFER.weChatBindBy.includes('openId')) return invalid(res, { openId: ['is not how this chain binds WeChat: bind in the mini-program'] })
    if (!OPEN_ID.test(input.openId ?? '')) return invalid(res, { openId: ['must be the 16 to 64 letters, digits, \'-\' or \'_\' of a WeChat open id'] })
    if (!isMember(who) || who.sub !== member.memberId) return problem(res, 403, 'auth.forbidden', 'Not allowed.', 'Only the member may bind their WeChat.')
    member.weChatOpenId = input.openId
    return json(res, 200, view(member))
  }
  if (!who.role.includes('admin') && !(isMember(who) && who.sub === member.memberId)) {
    return problem(res, 403, 'auth.forbidden', 'Not allowed.', 'Only the member or head office may unbind WeChat.')
  }
  member.weChatOpenId = null
  if (member.notifyBy === 'wechat') member.notifyBy = 'sms'
  return json(res, 200, view(member))
}

/**
 * POST /cards/{cardNo}/lost and /found (解挂): the member for themself, staff for a store they may act for (the one
 * given, or their only one). A lost card found works again; a replaced one stays replaced (409 card.replaced).
 */
function cardStatusRoute(card, change, input, who, res) {
  if (!isMember(who)) {
    const storeId = input.storeId ?? (who.store?.length === 1 ? who.store[0] : null)
    if (!storeId) return invalid(res, { storeId: ['is required when the credential is not for exactly one store'] })
    if (!who.role.includes('admin') && !who.store?.includes(storeId)) {
      return problem(res, 403, 'auth.forbidden_store', 'Not allowed.', `This credential may not act for store '${storeId}'.`)
    }
  }
  if (change === '/lost') card.status = card.status === 'active' ? 'lost' : card.status
  else if (card.status === 'replaced') return problem(res, 409, 'card.replaced', 'The request was refused.', `Card ${card.cardNo} was replaced by another card.`)
  else if (card.status === 'lost') card.status = 'active'
  return json(res, 200, card)
}

/**
 * POST /members: anonymous (web, app), proving the phone with the code sent by POST /members/otp with
 * purpose registration; or staff/lanes (who must name a store unless head office), with no code.
 */
export function registrationRoute(api, method, input, who, res, onRegistered) {
  if (api !== '/members' || method !== 'POST') return false
  const errors = contactErrors(input, { registering: true })
  if (input.storeId != null && !STORE_ID.test(input.storeId)) (errors.storeId ??= []).push('must be 1–32 characters of A–Z, a–z, 0–9, _ -')
  else if (who && !who.role.includes('admin') && !input.storeId) (errors.storeId ??= []).push('is required for store staff and lanes')
  if (!who && (typeof input.otp !== 'string' || !/^\d{6}$/.test(input.otp))) {
    (errors.otp ??= []).push('is the 6-digit code sent by POST /members/otp with purpose registration; required to register without a staff or lane token')
  }
  if (Object.keys(errors).length) return invalid(res, errors), true
  // A shopper picks from GET /store-directory: a store nobody runs is refused before the code is checked, so it still works.
  if (!who && input.storeId != null && !isStore(input.storeId)) return invalid(res, { storeId: ["is not one of the chain's stores (GET /store-directory)"] }), true
  // Like the api: the fields and the referral code first (a typo does not use the code up), then the code, then the rest.
  if (input.referralCode && ![...members.values()].some((m) => m.referralCode === input.referralCode)) {
    return problem(res, 422, 'member.referral_unknown', 'The request was refused.', `No member has referral code '${input.referralCode}'.`), true
  }
  if (!who && !useRegistrationCode(input.phone, input.otp)) {
    return problem(res, 400, 'member.phone_not_verified', 'The request was refused.', 'The code is wrong or has expired: ask for a new one.'), true
  }
  if (phones.has(input.phone)) return problem(res, 409, 'member.phone_taken', 'The request was refused.', 'This phone number is already registered.'), true
  const { phone, name, email = null, birthday = null, birthdayCalendar = 'gregorian', gender = null, consentMarketing = false, referralCode, password } = input
  const registered = registerMember({
    phone, name: name.trim(), email, birthday, birthdayCalendar, gender, consentMarketing, referralCode, storeId: input.storeId ?? 'web', channel: input.channel ?? 'web',
  })
  if (password != null) setPassword(registered.memberId, password)
  onRegistered(registered.memberId, input.storeId ?? 'web', input.channel ?? 'web')
  json(res, 201, registered)
  return true
}

/** The member's own endpoints and cards, and the rewards catalogue; false when the path is not one of them. */
export function memberRoute(api, method, url, input, who, res) {
  let m
  // Anyone signed in, members included (RewardsApi.List, and the chain's reminder channels).
  if (api === '/rewards' && method === 'GET') return json(res, 200, rewards()), true
  if (api === '/notification-channels' && method === 'GET') return json(res, 200, OFFER), true
  if ((m = /^\/members\/([^/]+)(\/phone(?:\/otp)?)$/.exec(api)) && ((m[2] === '/phone' && method === 'PUT') || (m[2] === '/phone/otp' && method === 'POST'))) {
    const memberId = decodeURIComponent(m[1])
    if (isMember(who) && who.sub !== memberId) return forbidden(res), true
    return phoneRoute(memberId, m[2], method, input, who, res), true
  }
  if ((m = /^\/members\/([^/]+)(\/[a-z-]+)?$/.exec(api)) && m[2] !== '/analysis') {
    const memberId = decodeURIComponent(m[1])
    if (isMember(who) && who.sub !== memberId) return forbidden(res), true
    const member = members.get(memberId)
    const part = m[2] ?? ''
    if (part === '/password' && method === 'PUT') {
      if (!isMember(who)) return problem(res, 403, 'auth.forbidden', 'Not allowed.', 'Only the member may set their own password.'), true
      const wrong = passwordProblem(input.password)
      if (wrong) return invalid(res, { password: [wrong] }), true
      setPassword(memberId, input.password)
      // Whoever signed in with the old password is signed out; this session goes on with the token answered.
      revoke(memberId, ['member'])
      return json(res, 200, { accessToken: token(memberId, ['member'], []), tokenType: 'Bearer', expiresIn: 3600, roles: ['member'], memberId }), true
    }
    if (part === '/sign-out-everywhere' && method === 'POST') {
      if (!who.role.includes('admin') && !isMember(who)) return problem(res, 403, 'auth.forbidden', 'Not allowed.', 'Only the member or head office may sign a member out.'), true
      revoke(memberId, ['member'])
      res.writeHead(204).end()
      return true
    }
    if (!member) return problem(res, 404, 'member.not_found', 'Not found.', `No member ${memberId}.`), true
    if (part === '' && method === 'GET') return json(res, 200, view(member)), true
    if (part === '/wechat' && (method === 'PUT' || method === 'DELETE')) return weChatRoute(member, method, input, who, res), true
    if (part === '' && method === 'PATCH') {
      const errors = { ...contactErrors(input, { registering: false }), ...channelErrors(input, member) }
      if (Object.keys(errors).length) return invalid(res, errors), true
      for (const field of ['name', 'email', 'gender', 'birthday', 'birthdayCalendar', 'consentMarketing', 'notifyBy']) {
        if (input[field] != null) member[field] = field === 'name' ? input.name.trim() : input[field]
      }
      return json(res, 200, view(member)), true
    }
    // Only the member themself: staff identify a shopper by card or phone (MemberCodeApi).
    if (part === '/code' && method === 'GET') return isMember(who) ? json(res, 200, memberCode(memberId)) : forbidden(res), true
    if (part === '/ledger' && method === 'GET') return json(res, 200, ledgerPage(memberId, url.searchParams.get('cursor'), Number(url.searchParams.get('limit') ?? 50) || 50)), true
    if (part === '/coupons' && method === 'GET') return json(res, 200, couponsOf(memberId)), true
    // Every card the member holds or held, in the order bound, as CardsApi.ListForMember answers.
    if (part === '/cards' && method === 'GET') return json(res, 200, member.cards.map((c) => cards.get(c)).filter(Boolean)), true
    if (part === '/cards' && method === 'POST') {
      if (!isStaff(who) && !who.role.includes('lane')) return forbidden(res), true
      if (!/^[A-Za-z0-9_-]{4,40}$/.test(input.cardNo ?? '')) return invalid(res, { cardNo: ['must be 4–40 characters of A–Z, a–z, 0–9, _ -'] }), true
      if (cards.has(input.cardNo)) return problem(res, 409, 'card.already_bound', 'The request was refused.', `Card ${input.cardNo} is bound already.`), true
      return json(res, 201, bindCard(memberId, input.cardNo, { medium: input.medium ?? 'ic' })), true
    }
    // The member buys for themself (booked to self-service); a lane or staff names the store they buy at.
    if (part === '/rewards' && method === 'POST') {
      const errors = {}
      for (const field of ['txnId', 'templateId']) if (typeof input[field] !== 'string' || !CALLER_ID.test(input[field])) errors[field] = ['must be 1–64 characters of A–Z, a–z, 0–9, _ . : -']
      if (!isMember(who) && !who.role.includes('admin') && !input.storeId) errors.storeId = ['is required for store staff and lanes']
      if (Object.keys(errors).length) return invalid(res, errors), true
      const outcome = exchangePoints(memberId, { txnId: input.txnId, templateId: input.templateId, storeId: isMember(who) ? 'self-service' : input.storeId ?? 'self-service' })
      if (outcome.answer) return json(res, 200, outcome.answer), true
      return problem(res, outcome.status, outcome.code, 'The request was refused.', outcome.detail), true
    }
    if (part === '/erasure' && method === 'POST') {
      if (!who.role.includes('admin') && !isMember(who)) return problem(res, 403, 'auth.forbidden', 'Not allowed.', 'Only head office or the member themself may erase a member.'), true
      const storedValue = view(member).storedValue
      if (storedValue > 0) return problem(res, 409, 'member.stored_value_remaining', 'The request was refused.', `The member's cards still hold ${storedValue} fen of stored value: refund it first.`), true
      erase(memberId)
      forget(memberId)
      forgetPin(memberId)
      return json(res, 200, { memberId, erasedAt: new Date().toISOString() }), true
    }
    return false
  }
  if ((m = /^\/cards\/([^/]+)(\/lost|\/found)?$/.exec(api))) {
    const card = cards.get(decodeURIComponent(m[1]))
    // A member asking for someone else's card learns nothing: the same 404 as for no card at all.
    if (!card || (isMember(who) && card.memberId !== who.sub)) return problem(res, 404, 'card.not_found', 'Not found.', `No card ${m[1]}.`), true
    if (m[2] && method === 'POST') return cardStatusRoute(card, m[2], input, who, res), true
    return json(res, 200, card), true
  }
  return false
}

/** The member named in a basket (memberId, phone or card), as the checkout resolves it. */
export function resolveMember(ref) {
  if (!ref) return null
  if (ref.memberId) return members.has(ref.memberId) ? ref.memberId : null
  if (ref.phone) return phones.get(ref.phone) ?? null
  if (ref.cardNo) return cards.get(ref.cardNo)?.memberId ?? null
  return null
}
