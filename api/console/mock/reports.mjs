// The mock's reports (docs/reports.md): for the demo stores, figures made up from a hash of store and
// day, so a page shows the same numbers on every reload; on top of them, the sales and members that
// came through the mock's own api (and, for the ledger report, the rows the mock booked), so the
// browser tests can be rehearsed. Files as CSV only.

import { ledgerEntries } from './memberStore.mjs'
import { json } from './signalr.mjs'

const CHAIN_STORES = ['s001', 's002', 's003']
const CATEGORIES = ['食品', '生鲜', '日用品', '酒水饮料', '粮油调味', '个护清洁', '母婴', '其他']
const CHANNELS = ['lane', 'app', 'wechat', 'kiosk', 'web']
const SEGMENTS = ['champions', 'loyal', 'promising', 'new', 'needs_attention', 'at_risk', 'hibernating', 'prospect', 'lost']
const SEGMENT_SIZES = { champions: 64, loyal: 121, promising: 88, new: 47, needs_attention: 73, at_risk: 52, hibernating: 96, prospect: 31, lost: 140 }
const DAY_MS = 86_400_000
// The demo chain's ledger starts here: before it, its made-up stores moved no points nor stored value.
const LEDGER_START = '2020-01-01'

// What came through the mock's api: sales by store and Shanghai day, members with their sales.
const recordedSales = []
const recordedMembers = new Map()
let analysedMembers = []

export function recordMember({ memberId, storeId = 's001', channel = 'web', at = Date.now() }) {
  recordedMembers.set(memberId, { memberId, storeId, channel, day: shanghaiDay(at), sales: [] })
}

export function recordSale({ storeId, memberId = null, total, discount = 0, points = 0, at = Date.now() }) {
  const sale = { storeId, memberId, total, discount, points, day: shanghaiDay(at) }
  recordedSales.push(sale)
  recordedMembers.get(memberId)?.sales.push(sale)
}

let analysis = { asOf: shanghaiDay(Date.now()) + 'T04:00:00+08:00', refreshedAt: shanghaiDay(Date.now()) + 'T04:00:41+08:00' }

function shanghaiDay(ms) {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)
}

/** A stable number in [0, 1) for a key (FNV-1a). */
function noise(key) {
  let h = 0x811c9dc5
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0
  return h / 2 ** 32
}

const problem = (res, status, code, title, detail) => json(res, status, { type: 'about:blank', status, title, code, detail })

function days(from, to) {
  const list = []
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS) list.push(new Date(ms).toISOString().slice(0, 10))
  return list
}

function periodOf(day, by) {
  if (by === 'month') return day.slice(0, 7)
  if (by === 'week') {
    const ms = Date.parse(`${day}T00:00:00Z`)
    const back = (new Date(ms).getUTCDay() + 6) % 7
    return new Date(ms - back * DAY_MS).toISOString().slice(0, 10)
  }
  return day
}

function madeUp(storeId, day) {
  if (!CHAIN_STORES.includes(storeId)) return sum([])
  const n = noise(`${storeId}:${day}`)
  const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) ? 1.35 : 1
  const sales = Math.round((180 + n * 140) * weekend)
  const returns = Math.round(sales * 0.015 * noise(`${day}:${storeId}:r`))
  const memberSales = Math.round(sales * (0.55 + 0.15 * noise(`${storeId}:${day}:m`)))
  const salesTotal = sales * Math.round(6800 + 2400 * noise(`${day}:${storeId}:b`))
  const refunds = returns * 4200
  return {
    sales, returns, memberSales, salesTotal,
    revenue: salesTotal - refunds,
    discounts: Math.round(salesTotal * 0.04),
    pointsEarned: Math.floor((salesTotal * memberSales) / sales / 100),
    pointsRedeemed: Math.round(sales * 12 * noise(`${storeId}:${day}:p`)),
    storedValueSpent: Math.round(salesTotal * 0.08),
    couponsRedeemed: Math.round(sales * 0.06),
    newMembers: Math.round(4 + 10 * noise(`${storeId}:${day}:n`)),
  }
}

function dayFigures(storeId, day) {
  const sales = recordedSales.filter((x) => x.storeId === storeId && x.day === day)
  const total = sales.reduce((a, x) => a + x.total, 0)
  const joined = [...recordedMembers.values()].filter((m) => m.storeId === storeId && m.day === day).length
  return sum([madeUp(storeId, day), {
    sales: sales.length, returns: 0, memberSales: sales.filter((x) => x.memberId).length, salesTotal: total, revenue: total,
    discounts: sales.reduce((a, x) => a + x.discount, 0), pointsEarned: sales.reduce((a, x) => a + x.points, 0),
    pointsRedeemed: 0, storedValueSpent: 0, couponsRedeemed: 0, newMembers: joined,
  }])
}

function sum(rows) {
  const total = { sales: 0, returns: 0, memberSales: 0, salesTotal: 0, revenue: 0, discounts: 0, pointsEarned: 0, pointsRedeemed: 0, storedValueSpent: 0, couponsRedeemed: 0, newMembers: 0 }
  for (const r of rows) for (const k of Object.keys(total)) total[k] += r[k]
  return total
}

/** The JSON figures: averageBasket from the sales' totals, rounded half up; the totals themselves stay inside. */
function figures(f) {
  const { salesTotal, ...rest } = f
  return { ...rest, averageBasket: f.sales ? Math.floor((2 * salesTotal + f.sales) / (2 * f.sales)) : 0 }
}

/** Validates the query like the api: dates, range, granularity, and the caller's right to the store. */
function scope(url, who, res) {
  const q = url.searchParams
  const today = shanghaiDay(Date.now())
  const from = q.get('from') ?? shanghaiDay(Date.now() - 29 * DAY_MS)
  const to = q.get('to') ?? today
  const by = q.get('by') ?? 'day'
  const storeId = q.get('storeId')
  const date = /^\d{4}-\d{2}-\d{2}$/
  if (!date.test(from) || !date.test(to)) return void problem(res, 400, 'request.invalid', 'One or more fields are invalid.', 'from and to must be dates as YYYY-MM-DD')
  if (to < from) return void problem(res, 400, 'request.invalid', 'One or more fields are invalid.', 'to must not be before from')
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= 731) return void problem(res, 400, 'request.invalid', 'One or more fields are invalid.', 'to must be at most 731 days after from')
  if (!['day', 'week', 'month'].includes(by)) return void problem(res, 400, 'request.invalid', 'One or more fields are invalid.', 'by must be day, week or month')
  const admin = who.role.includes('admin')
  if (storeId && !admin && !who.store.includes(storeId)) return void problem(res, 403, 'auth.forbidden_store', 'Forbidden', `You may not read store ${storeId}.`)
  const storeIds = storeId ? [storeId] : admin ? null : who.store
  return { from, to, by, storeIds, stores: storeIds ?? CHAIN_STORES, format: q.get('format'), rangeName: `${from}-${to}` }
}

function sales(s) {
  const rows = s.stores.flatMap((storeId) => days(s.from, s.to).map((day) => ({ storeId, day, f: dayFigures(storeId, day) })))
  const periods = [...new Set(days(s.from, s.to).map((d) => periodOf(d, s.by)))]
  return {
    from: s.from, to: s.to, by: s.by, storeIds: s.storeIds,
    periods: periods.map((period) => ({ period, ...figures(sum(rows.filter((r) => periodOf(r.day, s.by) === period).map((r) => r.f))) })),
    stores: s.stores.map((storeId) => ({ storeId, ...figures(sum(rows.filter((r) => r.storeId === storeId).map((r) => r.f))) })),
    totals: figures(sum(rows.map((r) => r.f))),
  }
}

function categories(s) {
  const revenue = sum(s.stores.flatMap((storeId) => days(s.from, s.to).map((day) => dayFigures(storeId, day)))).revenue
  const weights = CATEGORIES.map((c, i) => (CATEGORIES.length - i) * (0.7 + 0.6 * noise(`${c}:${s.stores.join()}`)))
  const whole = weights.reduce((a, b) => a + b, 0)
  const rows = CATEGORIES.map((category, i) => ({ category, revenue: Math.floor((revenue * weights[i]) / whole) }))
  return { from: s.from, to: s.to, storeIds: s.storeIds, categories: rows.sort((a, b) => b.revenue - a.revenue) }
}

function signUps(storeId, day) {
  const split = {}
  for (const m of recordedMembers.values()) if (m.storeId === storeId && m.day === day) split[m.channel] = (split[m.channel] ?? 0) + 1
  if (!CHAIN_STORES.includes(storeId)) return split
  const total = madeUp(storeId, day).newMembers
  let left = total
  for (const [i, channel] of CHANNELS.entries()) {
    const n = i === CHANNELS.length - 1 ? left : Math.min(left, Math.round(total * [0.5, 0.2, 0.18, 0.08][i] * (0.6 + 0.8 * noise(`${storeId}:${day}:${channel}`))))
    if (n > 0) split[channel] = (split[channel] ?? 0) + n
    left -= n
  }
  return split
}

function members(s) {
  const periods = new Map()
  const channels = new Map()
  for (const storeId of s.stores) {
    for (const day of days(s.from, s.to)) {
      const period = periods.get(periodOf(day, s.by)) ?? { period: periodOf(day, s.by), newMembers: 0, byChannel: {} }
      for (const [channel, n] of Object.entries(signUps(storeId, day))) {
        period.newMembers += n
        period.byChannel[channel] = (period.byChannel[channel] ?? 0) + n
        channels.set(channel, (channels.get(channel) ?? 0) + n)
      }
      periods.set(period.period, period)
    }
  }
  const scale = s.stores.length
  return {
    from: s.from, to: s.to, by: s.by, storeIds: s.storeIds, periods: [...periods.values()],
    tiers: [{ tier: 'standard', members: 2860 * scale }, { tier: 'silver', members: 912 * scale }, { tier: 'gold', members: 207 * scale }],
    channels: [...channels].map(([channel, n]) => ({ channel, members: n })).sort((a, b) => b.members - a.members),
  }
}

// The ledger report (docs/reports.md, "Points and stored value"): outflows positive, nets signed.
const LEDGER_FIELDS = ['pointsEarned', 'pointsGifted', 'pointsReturned', 'pointsRedeemed', 'pointsExchanged', 'pointsClawedBack', 'pointsExpired', 'pointsNet',
  'storedValueToppedUp', 'storedValueReturned', 'storedValueSpent', 'storedValueRefunded', 'storedValueNet']

function ledgerSum(rows) {
  const total = Object.fromEntries(LEDGER_FIELDS.map((k) => [k, 0]))
  for (const r of rows) for (const k of LEDGER_FIELDS) total[k] += r[k] ?? 0
  return total
}

/** One ledger row as movements, as LedgerFigures.Of reads a kind (transfers count only in the nets). */
function movement({ kind, points = 0, amount = 0 }) {
  const f = { pointsNet: points, storedValueNet: amount }
  if (kind === 'points.earned') f.pointsEarned = points
  else if (['points.signup_gift', 'points.referral_gift', 'points.birthday'].includes(kind)) f.pointsGifted = points
  else if (kind === 'points.returned') f.pointsReturned = points
  else if (kind === 'points.redeemed') f.pointsRedeemed = -points
  else if (kind === 'points.exchanged') f.pointsExchanged = -points
  else if (kind === 'points.clawed_back') f.pointsClawedBack = -points
  else if (kind === 'points.expired') f.pointsExpired = -points
  else if (kind === 'storedvalue.topup') f.storedValueToppedUp = amount
  else if (kind === 'storedvalue.returned') f.storedValueReturned = amount
  else if (kind === 'storedvalue.spent') f.storedValueSpent = -amount
  else if (kind === 'storedvalue.refund') f.storedValueRefunded = -amount
  return ledgerSum([f])
}

/**
 * A demo store's day in the ledger, agreeing with its made-up sales: the sales report's points and stored value
 * are the ledger's less what returns took back or gave back; gifts follow the day's sign-ups (100 points each).
 */
const madeUpLedgers = new Map()
function madeUpLedger(storeId, day) {
  if (!CHAIN_STORES.includes(storeId) || day < LEDGER_START) return ledgerSum([])
  const key = `${storeId}:${day}`
  if (!madeUpLedgers.has(key)) madeUpLedgers.set(key, madeUpLedgerDay(storeId, day))
  return madeUpLedgers.get(key)
}

function madeUpLedgerDay(storeId, day) {
  const f = madeUp(storeId, day)
  const n = (what) => noise(`${storeId}:${day}:ledger:${what}`)
  const pointsClawedBack = f.returns * Math.round(30 + 40 * n('claw'))
  const pointsReturned = f.returns * Math.round(10 * n('back'))
  const pointsGifted = f.newMembers * 100 + (n('referral') < 0.3 ? 200 : 0) + Math.floor(3 * n('birthday')) * 200
  // Rewards bought with points (docs/rewards.md): now and then one at each of the catalogue's prices; none in the sales report.
  const pointsExchanged = [500, 800, 1_200, 3_000].reduce((a, price) => a + (n(`exchange:${price}`) < 0.2 ? price : 0), 0)
  const storedValueReturned = f.returns * Math.round(1500 * n('svback'))
  const storedValueRefunded = n('refund') < 0.08 ? 10_000 * (1 + Math.floor(5 * n('refundSize'))) : 0
  const storedValueToppedUp = Math.round((f.storedValueSpent * (0.85 + 0.4 * n('topup'))) / 10_000) * 10_000
  const figures = {
    pointsEarned: f.pointsEarned + pointsClawedBack, pointsGifted, pointsReturned, pointsRedeemed: f.pointsRedeemed + pointsReturned, pointsExchanged, pointsClawedBack,
    storedValueToppedUp, storedValueReturned, storedValueSpent: f.storedValueSpent + storedValueReturned, storedValueRefunded,
  }
  return ledgerSum([{
    ...figures,
    pointsNet: figures.pointsEarned + pointsGifted + pointsReturned - figures.pointsRedeemed - pointsExchanged - pointsClawedBack,
    storedValueNet: storedValueToppedUp + storedValueReturned - figures.storedValueSpent - storedValueRefunded,
  }])
}

// Year-end expiry carries no store: a third of the points the demo chain issued the year before, on 31 December.
const expiryByYear = new Map()
function madeUpExpiry(day) {
  if (!day.endsWith('-12-31') || day < LEDGER_START) return ledgerSum([])
  const year = Number(day.slice(0, 4)) - 1
  if (!expiryByYear.has(year)) {
    const issued = CHAIN_STORES.flatMap((storeId) => days(`${year}-01-01`, `${year}-12-31`).map((d) => madeUpLedger(storeId, d)))
      .reduce((a, f) => a + f.pointsEarned + f.pointsGifted, 0)
    expiryByYear.set(year, Math.floor(issued / 3))
  }
  const expired = expiryByYear.get(year)
  return movement({ kind: 'points.expired', points: -expired })
}

/** The rows booked through the mock's own api (members registered, sales with a member, the demo member's history), by Shanghai day. */
function recordedLedger(stores) {
  return [...ledgerEntries()]
    .filter((e) => stores === null || stores.includes(e.storeId))
    .map((e) => ({ day: shanghaiDay(Date.parse(e.at)), at: Date.parse(e.at), f: movement(e) }))
}

function ledger(s) {
  const chain = s.storeIds === null
  const range = days(s.from, s.to)
  const recorded = recordedLedger(chain ? null : s.stores)
  const byDay = (day) => ledgerSum([
    ...s.stores.map((storeId) => madeUpLedger(storeId, day)),
    ...(chain ? [madeUpExpiry(day)] : []),
    ...recorded.filter((r) => r.day === day).map((r) => r.f),
  ])
  const rows = range.map((day) => ({ day, f: byDay(day) }))
  const periods = [...new Set(range.map((d) => periodOf(d, s.by)))]
  return {
    from: s.from, to: s.to, by: s.by, storeIds: s.storeIds,
    periods: periods.map((period) => ({ period, ...ledgerSum(rows.filter((r) => periodOf(r.day, s.by) === period).map((r) => r.f)) })),
    totals: ledgerSum(rows.map((r) => r.f)),
    outstanding: chain ? outstanding(s.to, recorded) : null,
  }
}

/** What the chain owes at the end of `to` (Shanghai): every movement before it, from the demo ledger's start. */
function outstanding(to, recorded) {
  const end = Date.parse(`${to}T00:00:00+08:00`) + DAY_MS
  const made = to < LEDGER_START ? [] : days(LEDGER_START, to).flatMap((day) => [...CHAIN_STORES.map((storeId) => madeUpLedger(storeId, day)), madeUpExpiry(day)])
  const owed = ledgerSum([...made, ...recorded.filter((r) => r.at < end).map((r) => r.f)])
  return { asOf: new Date(end).toISOString().replace(/\.\d{3}Z$/, '+00:00'), points: owed.pointsNet, pointsValue: owed.pointsNet, storedValue: owed.storedValueNet }
}

/** What the last run made of the members who came through the mock: few sales → new, more → loyal. */
function analyse() {
  analysedMembers = [...recordedMembers.values()].map((m) => {
    const spend = m.sales.reduce((a, x) => a + x.total, 0)
    const segment = m.sales.length === 0 ? 'prospect' : m.sales.length <= 2 ? 'new' : 'loyal'
    return {
      memberId: m.memberId, storeId: m.storeId, segment, recencyDays: m.sales.length ? 0 : null, purchases12m: m.sales.length, spend12m: spend,
      r: m.sales.length ? 5 : null, f: m.sales.length ? Math.min(5, m.sales.length) : null, m: m.sales.length ? 3 : null,
      churnRisk: m.sales.length ? 'low' : 'medium', preferredStoreId: m.sales.at(-1)?.storeId ?? null,
    }
  })
}

function segmentMembers(segment, stores) {
  const seen = analysedMembers.filter((m) => m.segment === segment && stores.includes(m.storeId)).map(({ segment: _, preferredStoreId: __, ...m }) => m)
  return [...seen, ...madeUpMembers(segment, stores.filter((s) => CHAIN_STORES.includes(s)))].sort((a, b) => (a.memberId < b.memberId ? -1 : 1))
}

function madeUpMembers(segment, stores) {
  const size = SEGMENT_SIZES[segment] ?? 0
  const rank = SEGMENTS.indexOf(segment)
  return stores.flatMap((storeId, si) =>
    Array.from({ length: Math.round(size * (0.7 + 0.6 * noise(`${segment}:${storeId}`))) }, (_, i) => {
      const n = noise(`${segment}:${storeId}:${i}`)
      const bought = !['prospect', 'lost'].includes(segment)
      const purchases = bought ? Math.max(1, Math.round((9 - rank) * 4 * n)) : 0
      return {
        memberId: `M${String(100_000 + si * 20_000 + rank * 2_000 + i).padStart(7, '0')}`,
        storeId,
        recencyDays: bought ? Math.round(3 + rank * 20 * n) : null,
        purchases12m: purchases,
        spend12m: purchases * Math.round(5000 + 9000 * n),
        r: bought ? Math.max(1, 5 - Math.floor(rank / 2)) : null,
        f: bought ? 1 + Math.floor(n * 5) : null,
        m: bought ? 1 + Math.floor(noise(`${segment}:${i}:m`) * 5) : null,
        churnRisk: ['at_risk', 'hibernating', 'lost'].includes(segment) ? 'high' : segment === 'needs_attention' || segment === 'prospect' ? 'medium' : 'low',
      }
    }),
  )
}

function segments(s) {
  const all = SEGMENTS.map((segment) => [segment, segmentMembers(segment, s.stores)])
  const churn = { low: 0, medium: 0, high: 0 }
  for (const [, list] of all) for (const m of list) churn[m.churnRisk] += 1
  return {
    ...analysis, storeIds: s.storeIds, churn,
    segments: all.map(([segment, list]) => {
      const spend = list.reduce((a, m) => a + m.spend12m, 0)
      return { segment, members: list.length, spend12m: spend, averageSpend: list.length ? Math.floor((2 * spend + list.length) / (2 * list.length)) : 0 }
    }),
  }
}

const yuan = (fen) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`
const FIGURE_COLUMNS = [
  ['销售笔数 (sales)', 'sales'], ['退货笔数 (returns)', 'returns'], ['会员销售笔数 (memberSales)', 'memberSales'],
  ['销售额 (revenue)', 'revenue', yuan], ['优惠 (discounts)', 'discounts', yuan], ['客单价 (averageBasket)', 'averageBasket', yuan],
  ['积分发放 (pointsEarned)', 'pointsEarned'], ['积分抵扣 (pointsRedeemed)', 'pointsRedeemed'],
  ['储值消费 (storedValueSpent)', 'storedValueSpent', yuan], ['核销优惠券 (couponsRedeemed)', 'couponsRedeemed'], ['新增会员 (newMembers)', 'newMembers'],
]
const LEDGER_COLUMNS = [
  ['期间 (period)', 'period'], ['积分发放 (pointsEarned)', 'pointsEarned'], ['赠送积分 (pointsGifted)', 'pointsGifted'],
  ['退货退回积分 (pointsReturned)', 'pointsReturned'], ['积分抵扣 (pointsRedeemed)', 'pointsRedeemed'], ['积分兑换 (pointsExchanged)', 'pointsExchanged'],
  ['退货扣回积分 (pointsClawedBack)', 'pointsClawedBack'],
  ['过期积分 (pointsExpired)', 'pointsExpired'], ['积分净增 (pointsNet)', 'pointsNet'], ['储值充值 (storedValueToppedUp)', 'storedValueToppedUp', yuan],
  ['退货退回储值 (storedValueReturned)', 'storedValueReturned', yuan], ['储值消费 (storedValueSpent)', 'storedValueSpent', yuan],
  ['储值退款 (storedValueRefunded)', 'storedValueRefunded', yuan], ['储值净增 (storedValueNet)', 'storedValueNet', yuan],
]

/** The first table of a report as CSV: UTF-8 with a byte-order mark, RFC 4180 quoting, money in yuan. */
function csv(columns, rows) {
  const cell = (v) => (v == null ? '' : /[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))
  const lines = [columns.map(([header]) => cell(header)).join(','), ...rows.map((r) => columns.map(([, key, f]) => cell(f ? f(r[key]) : r[key])).join(','))]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

function table(report, body) {
  if (report === 'sales') return [[['期间 (period)', 'period'], ...FIGURE_COLUMNS], body.periods]
  if (report === 'categories') return [[['品类 (category)', 'category'], ['销售额 (revenue)', 'revenue', yuan]], body.categories]
  if (report === 'members') return [[['期间 (period)', 'period'], ['新增会员 (newMembers)', 'newMembers']], body.periods]
  if (report === 'ledger') return [LEDGER_COLUMNS, body.periods]
  if (report === 'segments') return [[['分群 (segment)', 'segment'], ['会员数 (members)', 'members'], ['近 12 个月消费 (spend12m)', 'spend12m', yuan], ['人均消费 (averageSpend)', 'averageSpend', yuan]], body.segments]
  return [[['会员编号 (memberId)', 'memberId'], ['门店 (storeId)', 'storeId'], ['距上次消费天数 (recencyDays)', 'recencyDays'], ['近 12 个月购买 (purchases12m)', 'purchases12m'],
    ['近 12 个月消费 (spend12m)', 'spend12m', yuan], ['R (r)', 'r'], ['F (f)', 'f'], ['M (m)', 'm'], ['流失风险 (churnRisk)', 'churnRisk']], body.members]
}

function answer(res, report, format, fileName, body) {
  if (!format || format === 'json') return json(res, 200, body)
  if (format === 'xlsx') return problem(res, 501, 'mock.not_implemented', 'Not implemented', 'The mock api writes CSV only; the real api writes Excel too.')
  if (format !== 'csv') return problem(res, 400, 'request.invalid', 'One or more fields are invalid.', 'format must be json, csv or xlsx')
  const [columns, rows] = table(report, body)
  res.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename=${fileName}.csv; filename*=UTF-8''${encodeURIComponent(fileName)}.csv`,
  })
  res.end(csv(columns, rows))
}

/** A member's analysis: the mock's own member has one; members registered in the mock are "not analysed yet". */
function memberAnalysis(memberId) {
  const seen = analysedMembers.find((m) => m.memberId === memberId)
  if (seen) return { ...seen, asOf: analysis.asOf, homeStoreId: seen.storeId, usualIntervalDays: null, topCategories: [{ category: '食品', revenue: seen.spend12m }] }
  if (memberId !== 'M000123') return null
  return {
    memberId, asOf: analysis.asOf, segment: 'loyal', r: 4, f: 3, m: 4, recencyDays: 2, purchases12m: 31, spend12m: 356_800,
    usualIntervalDays: 11, churnRisk: 'low', homeStoreId: 's001', preferredStoreId: 's001',
    topCategories: [{ category: '生鲜', revenue: 128_400 }, { category: '食品', revenue: 96_250 }, { category: '日用品', revenue: 41_300 }],
  }
}

/** Answers the report endpoints; false when the path is not one of them. */
export function reportRoute(api, method, url, who, res) {
  let m
  if ((m = /^\/members\/([^/]+)\/analysis$/.exec(api)) && method === 'GET') {
    const found = memberAnalysis(decodeURIComponent(m[1]))
    if (found) json(res, 200, found)
    else problem(res, 404, 'analysis.not_available', 'Not analysed yet', 'The last analysis run did not see this member (registered since).')
    return true
  }
  if (api === '/reports/analysis/refresh' && method === 'POST') {
    if (!who.role.includes('admin')) return problem(res, 403, 'auth.forbidden', 'Forbidden', 'Only head office runs the analysis.'), true
    const now = Date.now()
    analyse()
    analysis = { asOf: `${new Date(now + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`, refreshedAt: `${new Date(now + 8 * 3600_000 + 900).toISOString().slice(0, 19)}+08:00` }
    const stores = [...new Set([...CHAIN_STORES, ...analysedMembers.map((m) => m.storeId)])]
    const all = Object.fromEntries(SEGMENTS.map((segment) => [segment, segmentMembers(segment, stores).length]))
    json(res, 200, { asOf: analysis.asOf, members: Object.values(all).reduce((a, b) => a + b, 0), segments: all })
    return true
  }
  if (method !== 'GET' || !api.startsWith('/reports/')) return false
  const s = scope(url, who, res)
  if (!s) return true
  if (api === '/reports/sales') return answer(res, 'sales', s.format, `sales-${s.rangeName}`, sales(s)), true
  if (api === '/reports/categories') return answer(res, 'categories', s.format, `categories-${s.rangeName}`, categories(s)), true
  if (api === '/reports/members') return answer(res, 'members', s.format, `members-${s.rangeName}`, members(s)), true
  if (api === '/reports/ledger') return answer(res, 'ledger', s.format, `ledger-${s.rangeName}`, ledger(s)), true
  if (api === '/reports/segments') return answer(res, 'segments', s.format, 'segments', segments(s)), true
  if ((m = /^\/reports\/segments\/([^/]+)\/members$/.exec(api))) {
    const segment = decodeURIComponent(m[1])
    if (!SEGMENTS.includes(segment)) return problem(res, 400, 'request.invalid', 'One or more fields are invalid.', `segment must be one of ${SEGMENTS.join(', ')}`), true
    const list = segmentMembers(segment, s.stores)
    if (s.format) return answer(res, 'segmentMembers', s.format, `segment-${segment}`, { members: list }), true
    const after = url.searchParams.get('after')
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 50) || 50, 200)
    const rest = after ? list.filter((x) => x.memberId > after) : list
    const page = rest.slice(0, limit)
    return json(res, 200, { segment, members: page, next: rest.length > limit ? page[page.length - 1].memberId : null }), true
  }
  return problem(res, 404, 'request.not_found', 'Not found', null), true
}
