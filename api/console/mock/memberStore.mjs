// The mock's members, cards, coupons and ledgers, shaped as the api answers them (MemberResponses.cs,
// LedgerReader.cs, CardsApi.cs, MemberCouponsApi.cs), with the default programme's tiers and gifts (programme.md).

import { shanghaiIso } from './figures.mjs'

export const TIERS = [
  { id: 'standard', spend: 0, visits: 0 },
  { id: 'silver', spend: 200_000, visits: 24 },
  { id: 'gold', spend: 800_000, visits: 60 },
]
export const SIGN_UP_POINTS = 100
export const REFERRER_POINTS = 200
const SIGN_UP_COUPON = { templateId: 'signup-10-off-50', name: '新会员满50减10', validDays: 30 }

/**
 * Coupon templates by id, with the terms the api joins onto each member coupon (CouponTemplate.cs:
 * money in fen, percent 10 = 9折): the programme's gift coupons, a few of the chain's, the rewards
 * catalogue's, and those POST /coupon-templates creates.
 */
export const templates = new Map()

/**
 * A template as the api keeps it and lists it (CouponTemplatesApi.ToTemplate: kind amountOffOver and 0s by
 * default; a code only on a public template; `pointsPrice` null = not for sale for points).
 */
export function saveTemplate({
  templateId, name = '', kind = 'amountOffOver', threshold = 0, amount = 0, percent = 0, categoryPath = [], skus = [], validDays = null, validFrom = null,
  validTo = null, public: isPublic = false, code = null, maxRedemptions = null, pointsPrice = null, rewardStock = null,
}) {
  templates.set(templateId, {
    templateId, name, kind, threshold, amount, percent, categoryPath: categoryPath ?? [], skus: skus ?? [], validDays, validFrom, validTo,
    public: isPublic, code: isPublic && code ? code.toUpperCase() : null, maxRedemptions, pointsPrice, rewardStock,
  })
  return templates.get(templateId)
}

saveTemplate({ ...SIGN_UP_COUPON, threshold: 5_000, amount: 1_000 })
saveTemplate({ templateId: 'birthday-20-off-100', name: '生日满100减20', threshold: 10_000, amount: 2_000 })
saveTemplate({ templateId: 'WELCOME-10-50', name: '满50减10', threshold: 5_000, amount: 1_000 })
saveTemplate({ templateId: 'BDAY-20-100', name: '生日满100减20', threshold: 10_000, amount: 2_000 })
saveTemplate({ templateId: 'FRUIT-5', name: '水果满30减5', kind: 'categoryAmountOff', threshold: 3_000, amount: 500, categoryPath: ['生鲜', '水果'] })
saveTemplate({ templateId: 'DAIRY-85', name: '乳制品85折', kind: 'categoryPercentOff', percent: 15, categoryPath: ['食品', '乳制品'] })
saveTemplate({ templateId: 'MEMBER-DAY-95', name: '会员日95折', kind: 'percentOff', percent: 5 })
saveTemplate({ templateId: 'GIFT-BAG', name: '满88送环保袋', kind: 'gift', threshold: 8_800 })
// The rewards catalogue (docs/rewards.md): the demo member's 3,580 points buy all but the oil.
saveTemplate({ templateId: 'RW-5-OFF-30', name: '积分换券 满30减5', threshold: 3_000, amount: 500, validDays: 30, pointsPrice: 500 })
saveTemplate({ templateId: 'RW-ECO-BAG', name: '环保购物袋', kind: 'gift', skus: ['BAG-ECO-01'], validDays: 60, pointsPrice: 800 })
saveTemplate({ templateId: 'RW-DAIRY-9', name: '乳制品9折券', kind: 'categoryPercentOff', percent: 10, categoryPath: ['食品', '乳制品'], validDays: 14, pointsPrice: 1_200 })
saveTemplate({ templateId: 'RW-20-OFF-100', name: '积分换券 满100减20', threshold: 10_000, amount: 2_000, validDays: 30, pointsPrice: 3_000 })
saveTemplate({ templateId: 'RW-OIL-5L', name: '5L 压榨花生油', kind: 'gift', skus: ['OIL-PEANUT-5L'], validDays: 90, pointsPrice: 12_000 })
// Limited rewards (限量, docs/rewards.md "Limited stock"): three mooncake boxes left of fifty, the umbrellas all gone.
saveTemplate({ templateId: 'RW-MOONCAKE', name: '中秋月饼礼盒', kind: 'gift', skus: ['MOONCAKE-BOX'], validDays: 30, pointsPrice: 2_000, rewardStock: 50 })
saveTemplate({ templateId: 'RW-UMBRELLA', name: '晴雨两用伞', kind: 'gift', skus: ['UMBRELLA-01'], validDays: 60, pointsPrice: 1_500, rewardStock: 20 })

/** Units of each limited reward bought so far (RewardStockGrain): a unit per purchase, all stores together. */
const sold = new Map([['RW-MOONCAKE', 47], ['RW-UMBRELLA', 20]])

/** GET /rewards: the templates for sale, cheapest first (then by id), in the shape of GET /coupon-templates. */
export const rewards = () => [...templates.values()].filter((t) => t.pointsPrice != null)
  .sort((a, b) => a.pointsPrice - b.pointsPrice || (a.templateId < b.templateId ? -1 : a.templateId > b.templateId ? 1 : 0))
  // A limited reward says how many are left (RewardsApi.List).
  .map((t) => (t.rewardStock != null ? { ...t, left: Math.max(0, t.rewardStock - (sold.get(t.templateId) ?? 0)) } : t))

export const members = new Map()
export const phones = new Map()
export const cards = new Map()
const ledgers = new Map()
const coupons = new Map()
/** Rewards bought, by member and txnId: a repeat answers the first exchange. */
const exchanges = new Map()
let entryId = 0
let couponSeq = 0

const day = (ms) => shanghaiIso(ms).slice(0, 10)
const referralCodeOf = (memberId) => `R${memberId.replace(/\D/g, '').slice(-5).padStart(5, '0')}`

/** A ledger row as the api writes it: both `points` and `amount`, the one that did not move is 0. */
export function book(memberId, { txnId, kind, points = 0, amount = 0, balanceAfter, storeId = null, cardNo = null, at = Date.now() }) {
  ledgers.get(memberId)?.unshift({ id: ++entryId, txnId, kind, points, amount, balanceAfter, at: new Date(at).toISOString().replace('Z', '+00:00'), storeId, cardNo })
}

/** Every ledger row of every member (erased members' rows stay, as in the api's ledger), for the ledger report. */
export function* ledgerEntries() {
  for (const [memberId, rows] of ledgers) for (const row of rows) yield { memberId, ...row }
}

export function issueCoupon(memberId, { templateId, name, validDays = 30, status = 'active', from = Date.now() }) {
  const code = `C-${String(++couponSeq).padStart(4, '0')}-${memberId.slice(-4)}`
  coupons.get(memberId)?.push({ code, templateId, name, status, validFrom: day(from), validTo: day(from + validDays * 86_400_000) })
  return code
}

export function addMember({ memberId, phone, name, tier = 'standard', storeId = 's001', channel = 'lane', points = 0, spend12m = 0, visits12m = 0, registeredAt = Date.now(), ...contact }) {
  members.set(memberId, {
    memberId, name, phone, birthday: null, birthdayCalendar: 'gregorian', gender: null, email: null, consentMarketing: false,
    notifyBy: 'sms', weChatOpenId: null,
    ...contact, homeStoreId: storeId, channel, referralCode: referralCodeOf(memberId), registeredAt: new Date(registeredAt).toISOString().replace('Z', '+00:00'),
    tier, points, spend12m, visits12m, cards: [],
  })
  phones.set(phone, memberId)
  ledgers.set(memberId, [])
  coupons.set(memberId, [])
  return members.get(memberId)
}

export function bindCard(memberId, cardNo, { medium = 'ic', balance = 0, expiresOn = null } = {}) {
  cards.set(cardNo, { cardNo, status: 'active', memberId, medium, balance, expiresOn, replacedBy: null })
  members.get(memberId)?.cards.push(cardNo)
  return cards.get(cardNo)
}

function progress(m) {
  const next = TIERS[TIERS.findIndex((t) => t.id === m.tier) + 1]
  return {
    spend12m: m.spend12m, visits12m: m.visits12m, nextTier: next?.id ?? null,
    spendToNextTier: next ? Math.max(0, next.spend - m.spend12m) : 0, visitsToNextTier: next ? Math.max(0, next.visits - m.visits12m) : 0,
  }
}

function expiring(m) {
  // Points expire at the end of the year after they were earned: show this year's and next year's lots.
  const year = Number(day(Date.now()).slice(0, 4))
  const soon = Math.min(m.points, Math.floor(m.points / 3))
  return m.points <= 0 ? [] : [{ points: soon, on: `${year}-12-31` }, { points: m.points - soon, on: `${year + 1}-12-31` }].filter((lot) => lot.points > 0)
}

/** GET /members/{id}: the profile and wallet (whether WeChat is bound, never its open id). */
export function view(m) {
  const storedValue = m.cards.map((c) => cards.get(c)).filter((c) => c && (c.status === 'active' || c.status === 'lost')).reduce((a, c) => a + c.balance, 0)
  const { points, spend12m, visits12m, weChatOpenId, ...profile } = m
  return {
    ...profile, tierProgress: progress(m), points: { balance: points, expiring: expiring(m) }, storedValue,
    coupons: couponsOf(m.memberId).filter((c) => c.status === 'active').length, cards: [...m.cards], weChatBound: weChatOpenId != null,
  }
}

/** MemberGrain.ChangePhone: the new number is claimed first (false if another member has it), then the old one freed. */
export function changePhone(m, phone) {
  const holder = phones.get(phone)
  if (holder && holder !== m.memberId) return false
  phones.delete(m.phone)
  phones.set(phone, m.memberId)
  m.phone = phone
  return true
}

/**
 * GET /members/{id}/coupons: each coupon with its template's name and terms, all null where the
 * template is gone (the mock keeps the name it was issued with, for templates it never knew).
 */
export const couponsOf = (memberId) => (coupons.get(memberId) ?? []).map(({ name, ...coupon }) => {
  const t = templates.get(coupon.templateId)
  return {
    ...coupon, name: t?.name || name || null, kind: t?.kind ?? null, threshold: t?.threshold ?? null, amount: t?.amount ?? null,
    percent: t?.percent ?? null, categoryPath: t?.categoryPath?.length ? [...t.categoryPath] : null,
  }
})

export function ledgerPage(memberId, cursor, limit = 50) {
  const all = ledgers.get(memberId) ?? []
  const rest = cursor ? all.filter((e) => e.id < Number(cursor)) : all
  const items = rest.slice(0, limit).map(({ id, ...entry }) => entry)
  return { items, nextCursor: rest.length > limit ? String(rest[limit - 1].id) : null }
}

/** A purchase: 1 point per full yuan paid, the tier reached by spend or visits. */
export function earn(memberId, { txnId, total, storeId }) {
  const m = members.get(memberId)
  if (!m) return { pointsEarned: 0 }
  const pointsEarned = Math.floor(total / 100)
  m.points += pointsEarned
  m.spend12m += total
  m.visits12m += 1
  const reached = [...TIERS].reverse().find((t) => m.spend12m >= t.spend || m.visits12m >= t.visits)
  const from = m.tier
  if (TIERS.indexOf(reached) > TIERS.findIndex((t) => t.id === m.tier)) m.tier = reached.id
  book(memberId, { txnId, kind: 'points.earned', points: pointsEarned, balanceAfter: m.points, storeId })
  return { pointsEarned, pointsBalance: m.points, tier: m.tier, ...(from !== m.tier ? { tierChanged: { from, to: m.tier } } : {}) }
}

/**
 * POST /members/{id}/rewards, as MemberGrain.ExchangePoints: the price leaves the balance, a `points.exchanged`
 * row is booked and the coupon issued together, once per txnId. Answers `{ answer }` or a refusal `{ status, code, detail }`.
 */
export function exchangePoints(memberId, { txnId, templateId, storeId = 'self-service' }) {
  const m = members.get(memberId)
  const t = templates.get(templateId)
  if (!t || t.pointsPrice == null) return { status: 404, code: 'coupon_template.not_found', detail: `No reward ${templateId}.` }
  const mine = exchanges.get(memberId) ?? exchanges.set(memberId, new Map()).get(memberId)
  const first = mine.get(txnId)
  if (first) {
    return first.templateId === templateId
      ? { answer: { ...first, pointsBalance: m.points } }
      : { status: 409, code: 'txn.conflict', detail: `Transaction ${txnId} already bought another coupon.` }
  }
  // A limited reward takes a unit first (a repeat of a txnId answered above has its unit already).
  if (t.rewardStock != null && (sold.get(templateId) ?? 0) >= t.rewardStock) {
    return { status: 409, code: 'reward.out_of_stock', detail: `Reward ${templateId} is sold out (限量 ${t.rewardStock}).` }
  }
  if (t.pointsPrice > m.points) return { status: 409, code: 'points.insufficient', detail: `The member has ${m.points} points; this costs ${t.pointsPrice}.` }
  if (t.rewardStock != null) sold.set(templateId, (sold.get(templateId) ?? 0) + 1)
  m.points -= t.pointsPrice
  book(memberId, { txnId, kind: 'points.exchanged', points: -t.pointsPrice, balanceAfter: m.points, storeId })
  const code = issueCoupon(memberId, { templateId, name: t.name, validDays: t.validDays ?? 30 })
  const { validFrom, validTo } = coupons.get(memberId).find((c) => c.code === code)
  mine.set(txnId, { txnId, code, templateId, name: t.name, validFrom, validTo, pointsSpent: t.pointsPrice })
  return { answer: { ...mine.get(txnId), pointsBalance: m.points } }
}

/** Registration with the sign-up gifts (and the referrer's), as MemberDirectoryGrain.Register does. */
export function registerMember({ phone, name, storeId, channel, referralCode, ...contact }) {
  const memberId = `M${String(members.size + 124).padStart(6, '0')}`
  const m = addMember({ memberId, phone, name, storeId, channel, points: SIGN_UP_POINTS, ...contact })
  book(memberId, { txnId: 'signup', kind: 'points.signup_gift', points: SIGN_UP_POINTS, balanceAfter: m.points, storeId })
  const coupon = issueCoupon(memberId, SIGN_UP_COUPON)
  const referrer = referralCode ? [...members.values()].find((x) => x.referralCode === referralCode) : null
  if (referrer) {
    referrer.points += REFERRER_POINTS
    book(referrer.memberId, { txnId: `referral:${memberId}`, kind: 'points.referral_gift', points: REFERRER_POINTS, balanceAfter: referrer.points, storeId })
  }
  return { memberId, referralCode: m.referralCode, tier: m.tier, points: m.points, gifts: { points: SIGN_UP_POINTS, coupons: [coupon] } }
}

export function erase(memberId) {
  const m = members.get(memberId)
  phones.delete(m.phone)
  members.delete(memberId)
}

// The member the mock starts with (staff search for 13812345678; the member signs in with password member123).
{
  const since = Date.now() - 86_400_000 * 200
  const m = addMember({ memberId: 'M000123', phone: '13812345678', name: '张晓梅', tier: 'silver', storeId: 's001', points: 3580, spend12m: 356_800, visits12m: 31,
    registeredAt: since, email: 'zhang.xiaomei@example.com', birthday: '1988-06-18', gender: 'female', consentMarketing: true })
  // A magstripe card from before, replaced by the IC card (its balance moved there).
  Object.assign(bindCard(m.memberId, '6200004321', { medium: 'magstripe', expiresOn: '2025-12-31' }), { status: 'replaced', replacedBy: '8800012345' })
  bindCard(m.memberId, '8800012345', { medium: 'ic', balance: 52_000, expiresOn: '2029-11-30' })
  const at = (daysAgo, hour) => Date.now() - daysAgo * 86_400_000 - hour * 3_600_000
  book(m.memberId, { txnId: 'T20261028-0044', kind: 'points.redeemed', points: -500, balanceAfter: 3452, storeId: 's001', at: at(24, 2) })
  book(m.memberId, { txnId: 'U20261101-0002', kind: 'storedvalue.topup', amount: 50_000, balanceAfter: 64_800, storeId: 's001', cardNo: '8800012345', at: at(20, 5) })
  book(m.memberId, { txnId: 'T20261118-0107', kind: 'storedvalue.spent', amount: -12_800, balanceAfter: 52_000, storeId: 's001', cardNo: '8800012345', at: at(4, 3) })
  book(m.memberId, { txnId: 'T20261120-0031', kind: 'points.earned', points: 128, balanceAfter: 3580, storeId: 's001', at: at(2, 1) })
  issueCoupon(m.memberId, { templateId: 'WELCOME-10-50', name: '满50减10', validDays: 30 })
  issueCoupon(m.memberId, { templateId: 'BDAY-20-100', name: '生日满100减20', status: 'used', from: Date.now() - 86_400_000 * 60 })
  issueCoupon(m.memberId, { templateId: 'FRUIT-5', name: '水果满30减5', status: 'expired', validDays: 7, from: Date.now() - 86_400_000 * 40 })
  issueCoupon(m.memberId, { templateId: 'DAIRY-85', name: '乳制品85折', validDays: 14 })
  issueCoupon(m.memberId, { templateId: 'MEMBER-DAY-95', name: '会员日95折', validDays: 7 })
  issueCoupon(m.memberId, { templateId: 'GIFT-BAG', name: '满88送环保袋', validDays: 60 })
  // A coupon of a template since deleted: no name, no terms.
  issueCoupon(m.memberId, { templateId: 'OLD-SPRING-2025', validDays: 90 })
}
