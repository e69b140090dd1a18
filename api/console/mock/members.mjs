// The member and card endpoints (rest.md "Members", "Cards"; docs/privacy.md), with the api's rules on
// who may do what: a member token only for its own member and cards, staff for their stores.

import { json } from './signalr.mjs'
import { memberCode } from './memberCode.mjs'
import { bindCard, cards, couponsOf, erase, exchangePoints, ledgerPage, members, phones, registerMember, rewards, view } from './memberStore.mjs'
import { PHONE, forget, invalid, passwordProblem, setPassword, useRegistrationCode } from './memberSignIn.mjs'
import { revoke, token } from './sessions.mjs'

const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,63}$/
const problem = (res, status, code, title, detail) => json(res, status, { type: 'about:blank', status, title, code, detail })
const isStaff = (who) => who?.role?.some((r) => r === 'admin' || r === 'manager')
const isMember = (who) => who?.role?.includes('member') && !isStaff(who)
const forbidden = (res) => problem(res, 403, 'auth.forbidden', 'Not allowed.', 'Members may only see their own data.')
const CALLER_ID = /^[A-Za-z0-9_.:-]{1,64}$/

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
  return errors
}

/**
 * POST /members: anonymous (web, app), proving the phone with the code sent by POST /members/otp with
 * purpose registration; or staff/lanes (who must name a store unless head office), with no code.
 */
export function registrationRoute(api, method, input, who, res, onRegistered) {
  if (api !== '/members' || method !== 'POST') return false
  const errors = contactErrors(input, { registering: true })
  if (who && !who.role.includes('admin') && !input.storeId) (errors.storeId ??= []).push('is required for store staff and lanes')
  if (!who && (typeof input.otp !== 'string' || !/^\d{6}$/.test(input.otp))) {
    (errors.otp ??= []).push('is the 6-digit code sent by POST /members/otp with purpose registration; required to register without a staff or lane token')
  }
  if (Object.keys(errors).length) return invalid(res, errors), true
  // Like the api: the fields first (a typo does not use the code up), then the code, then the rest.
  if (!who && !useRegistrationCode(input.phone, input.otp)) {
    return problem(res, 400, 'member.phone_not_verified', 'The request was refused.', 'The code is wrong or has expired: ask for a new one.'), true
  }
  if (phones.has(input.phone)) return problem(res, 409, 'member.phone_taken', 'The request was refused.', 'This phone number is already registered.'), true
  if (input.referralCode && ![...members.values()].some((m) => m.referralCode === input.referralCode)) {
    return problem(res, 422, 'member.referral_unknown', 'The request was refused.', `No member has referral code '${input.referralCode}'.`), true
  }
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
  // Anyone signed in, members included (RewardsApi.List).
  if (api === '/rewards' && method === 'GET') return json(res, 200, rewards()), true
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
    if (part === '' && method === 'PATCH') {
      const errors = contactErrors(input, { registering: false })
      if (Object.keys(errors).length) return invalid(res, errors), true
      for (const field of ['name', 'email', 'gender', 'birthday', 'birthdayCalendar', 'consentMarketing']) {
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
      return json(res, 200, { memberId, erasedAt: new Date().toISOString() }), true
    }
    return false
  }
  if ((m = /^\/cards\/([^/]+)(\/lost)?$/.exec(api))) {
    const card = cards.get(decodeURIComponent(m[1]))
    // A member asking for someone else's card learns nothing: the same 404 as for no card at all.
    if (!card || (isMember(who) && card.memberId !== who.sub)) return problem(res, 404, 'card.not_found', 'Not found.', `No card ${m[1]}.`), true
    if (m[2] && method === 'POST') card.status = card.status === 'active' ? 'lost' : card.status
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
