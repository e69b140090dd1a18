// A member's purchases and their receipts (MemberPurchasesApi.cs, PurchaseReader.cs): the receipts the mock's lanes
// got, kept by member, listed newest first with a cursor (`next`, sent back as `before`) and read one at a time.
// A return is listed with negative figures, as the api's checkout_transactions has it.

import { shanghaiIso } from './figures.mjs'
import { members } from './memberStore.mjs'
import { json } from './signalr.mjs'
import { product, storeName } from './stores.mjs'

/** By member, newest first: { at, kind, receipt }. */
const purchases = new Map()

const problem = (res, status, code, detail, errors) => json(res, status, { type: 'about:blank', status, title: 'The request was refused.', code, detail, ...(errors ? { errors } : {}) })
const isStaff = (who) => who.role.some((r) => r === 'admin' || r === 'manager')
const isMember = (who) => who.role.includes('member') && !isStaff(who)
/** MemberViews.MaySeeInFull: the member, head office, or a manager of the member's home store. */
const maySee = (who, m) => who.role.includes('admin') || (who.role.includes('manager') && who.store?.includes(m.homeStoreId)) || (isMember(who) && who.sub === m.memberId)
const sum = (xs, f) => xs.reduce((a, x) => a + f(x), 0)

/** The basket's lines priced (PricedLine): the store's catalog name and price where the lane sent none; a weighed line by the kg. */
export function priceLines(storeId, lines = []) {
  return lines.map((l, i) => {
    const known = product(storeId, l.sku)
    const unitPrice = l.unitPrice ?? known?.price ?? 1250
    const weightGrams = l.weightGrams ?? null
    const qty = weightGrams ? 1 : (l.qty ?? 1)
    const gross = weightGrams ? Math.floor((unitPrice * weightGrams + 500) / 1000) : unitPrice * qty
    const discount = l.discount ?? 0
    return {
      lineId: l.lineId ?? String(i + 1), sku: l.sku ?? '', name: l.name ?? known?.name ?? l.sku ?? '', qty, weightGrams, unitPrice, gross, discount,
      net: gross - discount, categoryPath: l.categoryPath ?? known?.categoryPath ?? [], pointsToEarn: Math.floor((gross - discount) / 100), pointsRedeemed: l.pointsRedeemed ?? 0,
    }
  })
}

/** A sale's receipt (Receipt.cs) from priced lines and what happened to the member's wallet. */
export function saleReceipt({ txnId, storeId, laneId, at = Date.now(), lines, discounts = [], pointsRedeemed = 0, pointsValue = 0, tenders, member = null, wallet = {} }) {
  const subtotal = sum(lines, (l) => l.gross)
  const total = sum(lines, (l) => l.net)
  return {
    txnId, storeId, laneId, committedAt: shanghaiIso(at), member, lines, discounts, rejectedCoupons: [], subtotal, discountTotal: subtotal - total - pointsValue,
    pointsRedeemed, pointsValue, total, pointsToEarn: wallet.pointsEarned ?? 0, messages: [],
    tenders: tenders ?? [{ kind: 'cash', amount: total, cardNo: null }],
    pointsEarned: wallet.pointsEarned ?? 0, pointsBalance: wallet.pointsBalance ?? null, storedValueBalance: wallet.storedValueBalance ?? null,
    tier: wallet.tier ?? null, tierChanged: wallet.tierChanged ?? null, couponsRedeemed: wallet.couponsRedeemed ?? [], couponsIssued: [],
  }
}

/** Keeps a committed sale's or return's receipt for the member it was for. */
export function recordPurchase(memberId, kind, receipt, at = Date.now()) {
  const list = purchases.get(memberId) ?? purchases.set(memberId, []).get(memberId)
  list.push({ at, kind, receipt })
  list.sort((a, b) => b.at - a.at)
}

/** A row of GET /members/{id}/purchases (PurchaseItem), the store's name joined in as it is now. */
function item({ kind, receipt: r }) {
  const common = { txnId: r.txnId, kind, storeId: r.storeId, storeName: storeName(r.storeId), laneId: r.laneId, committedAt: r.committedAt }
  if (kind === 'return') {
    return { ...common, total: -r.refund, pointsEarned: -r.pointsClawedBack, pointsRedeemed: -r.pointsGivenBack, storedValueSpent: -r.storedValueRefund, originalTxnId: r.originalTxnId }
  }
  const storedValueSpent = sum(r.tenders, (t) => (t.kind === 'storedValue' ? t.amount : 0))
  return { ...common, total: r.total, pointsEarned: r.pointsEarned, pointsRedeemed: r.pointsRedeemed, storedValueSpent, originalTxnId: null }
}

/** GET /members/{id}/purchases and /purchases/{txnId}; false for any other path. */
export function purchaseRoute(api, method, url, who, res) {
  const m = /^\/members\/([^/]+)\/purchases(?:\/([^/]+))?$/.exec(api)
  if (!m || method !== 'GET') return false
  const memberId = decodeURIComponent(m[1])
  const errors = {}
  const limitText = url.searchParams.get('limit')
  const limit = limitText == null ? 20 : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) errors.limit = ['must be between 1 and 100']
  const before = url.searchParams.get('before')
  if (before != null && !/^\d{1,20}$/.test(before)) errors.before = ['is not a cursor this api gave']
  if (!m[2] && Object.keys(errors).length) return problem(res, 400, 'request.invalid', 'The request is not valid.', errors), true
  if (isMember(who) && who.sub !== memberId) return problem(res, 403, 'auth.forbidden', 'Members may only see their own data.'), true
  const member = members.get(memberId)
  if (!member) return problem(res, 404, 'member.not_found', `No member ${memberId}.`), true
  if (!maySee(who, member)) return problem(res, 403, 'auth.forbidden', "Only the member, head office or the member's store may read their purchases."), true
  const mine = purchases.get(memberId) ?? []
  if (m[2]) {
    const found = mine.find((p) => p.receipt.txnId === decodeURIComponent(m[2]))
    return found ? json(res, 200, found.receipt) : problem(res, 404, 'txn.not_found', `The member has no purchase ${m[2]}.`), true
  }
  const rest = before ? mine.filter((p) => p.at < Number(before)) : mine
  const page = rest.slice(0, limit)
  return json(res, 200, { items: page.map(item), next: rest.length > limit ? String(page.at(-1).at) : null }), true
}

// The demo member's purchases, matching their ledger (memberStore.mjs): paid partly with points, then with a tier
// discount, a coupon and the stored-value card, then a weighed basket; and a return of the first one's rice.
{
  const ago = (days, hours) => Date.now() - days * 86_400_000 - hours * 3_600_000
  const member = { memberId: 'M000123', displayName: '张*梅', tier: 'silver' }
  const first = saleReceipt({
    txnId: 'T20261028-0044', storeId: 's001', laneId: '03', at: ago(24, 2), member, pointsRedeemed: 500, pointsValue: 500,
    lines: priceLines('s001', [
      { sku: 'RICE-5KG', name: '金龙鱼东北大米 5kg', qty: 1, unitPrice: 3990, discount: 500, pointsRedeemed: 500, categoryPath: ['粮油调味', '米面'] },
      { sku: 'MILK-950', name: '光明鲜牛奶 950ml', qty: 2, unitPrice: 1280, categoryPath: ['食品', '乳制品'] },
      { sku: 'APPLE-FUJI', name: '红富士苹果', weightGrams: 1236, unitPrice: 1280, categoryPath: ['生鲜', '水果'] },
    ]),
    discounts: [{ ruleId: 'points', kind: 'points', label: '积分抵扣', amount: 500, lineIds: ['1'] }],
    tenders: [{ kind: 'wechatpay', amount: 7632, cardNo: null }],
    wallet: { pointsEarned: 76, pointsBalance: 3452, storedValueBalance: 14_800, tier: 'silver' },
  })
  recordPurchase('M000123', 'sale', first, ago(24, 2))
  const second = saleReceipt({
    txnId: 'T20261118-0107', storeId: 's001', laneId: '01', at: ago(4, 3), member,
    lines: priceLines('s001', [
      { sku: 'RICE-WC-10KG', name: '五常大米 10kg', qty: 1, unitPrice: 8900, discount: 1163, categoryPath: ['粮油调味', '米面'] },
      { sku: 'SOY-HT', name: '海天生抽 500ml', qty: 2, unitPrice: 1590, discount: 416, categoryPath: ['粮油调味', '调味品'] },
      { sku: 'MILK-MN-BOX', name: '蒙牛纯牛奶 250ml×24', qty: 1, unitPrice: 5990, discount: 782, categoryPath: ['食品', '乳制品'] },
    ]),
    discounts: [
      { ruleId: 'tier:silver', kind: 'tier', label: '银卡98折', amount: 361, lineIds: ['1', '2', '3'] },
      { ruleId: 'coupon:C-0002-0123', kind: 'coupon', label: '生日满100减20', amount: 2000, lineIds: ['1', '2', '3'] },
    ],
    tenders: [{ kind: 'storedValue', amount: 12_800, cardNo: '8800012345' }, { kind: 'alipay', amount: 2909, cardNo: null }],
    wallet: { pointsEarned: 157, pointsBalance: 3452, storedValueBalance: 52_000, tier: 'silver', couponsRedeemed: ['C-0002-0123'] },
  })
  recordPurchase('M000123', 'sale', second, ago(4, 3))
  const third = saleReceipt({
    txnId: 'T20261120-0031', storeId: 's001', laneId: '02', at: ago(2, 1), member,
    lines: priceLines('s001', [
      { sku: 'APPLE-FUJI', name: '红富士苹果', weightGrams: 2150, unitPrice: 1280, categoryPath: ['生鲜', '水果'] },
      { sku: 'EGG-30', name: '鲜鸡蛋 30枚', qty: 1, unitPrice: 2690, categoryPath: ['生鲜', '蛋品'] },
      { sku: 'COKE-24', name: '可口可乐 330ml×24', qty: 1, unitPrice: 4890, categoryPath: ['酒水饮料', '碳酸饮料'] },
      { sku: 'E2E-MILK-1L', name: '全脂纯牛奶 1L', qty: 2, unitPrice: 1250, categoryPath: ['食品', '乳制品', '牛奶'] },
    ]),
    tenders: [{ kind: 'wechatpay', amount: 12_832, cardNo: null }],
    wallet: { pointsEarned: 128, pointsBalance: 3580, storedValueBalance: 52_000, tier: 'silver' },
  })
  recordPurchase('M000123', 'sale', third, ago(2, 1))
  // The rice of the first purchase came back: its money at the till, the points it earned taken back, those it spent given back.
  recordPurchase('M000123', 'return', {
    txnId: 'R20261029-0008', originalTxnId: 'T20261028-0044', storeId: 's001', laneId: '05', committedAt: shanghaiIso(ago(23, 5)),
    lines: [{ lineId: '1', qty: 1, refund: 3490, pointsClawback: 34, pointsGiveBack: 500 }],
    refund: 3490, storedValueRefund: 0, otherTendersRefund: 3490, pointsClawedBack: 34, pointsGivenBack: 500, isFullReturn: false, couponsRestored: [],
    pointsBalance: 3918, storedValueBalance: 14_800, tier: 'silver',
  }, ago(23, 5))
}
