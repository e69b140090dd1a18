import { describe, expect, it } from 'vitest'
import type { ReturnReceipt, SaleReceipt } from '../../src/api/purchases'
import { deductionText, isReturnReceipt, quantityText, receiptView, returnView, saleView } from '../../src/purchases/receipt'

// A sale as the lane got it: a tier discount and a coupon, 500 points spent as ¥5, paid partly from the card.
const sale: SaleReceipt = {
  txnId: 'T20261118-0107', storeId: 's001', laneId: '01', committedAt: '2026-11-18T10:12:00+08:00',
  member: { memberId: 'M000123', displayName: '张*梅', tier: 'silver' },
  lines: [
    { lineId: '1', sku: 'RICE-10KG', name: '五常大米 10kg', qty: 1, unitPrice: 8900, gross: 8900, discount: 1663, net: 7237 },
    { lineId: '2', sku: 'APPLE', name: '', qty: 1, weightGrams: 1236, unitPrice: 1280, gross: 1582, discount: 0, net: 1582 },
  ],
  discounts: [
    { ruleId: 'tier:silver', kind: 'tier', label: '银卡98折', amount: 163, lineIds: ['1'] },
    { ruleId: 'coupon:C-1', kind: 'coupon', label: '满100减10', amount: 1000, lineIds: ['1'] },
    { ruleId: 'points', kind: 'points', label: '积分抵扣', amount: 500, lineIds: ['1'] },
    { ruleId: 'campaign:nothing', kind: 'promotion', label: '未生效', amount: 0, lineIds: [] },
  ],
  subtotal: 10_482, discountTotal: 1_163, pointsRedeemed: 500, pointsValue: 500, total: 8_819,
  tenders: [{ kind: 'storedValue', amount: 5_000, cardNo: '8800012345' }, { kind: 'cash', amount: 3_819 }],
  pointsEarned: 88, pointsBalance: 3_168, storedValueBalance: 47_000, tier: 'gold', tierChanged: { from: 'silver', to: 'gold' },
  couponsRedeemed: ['C-1'], couponsIssued: [], messages: ['欢迎升级为金卡会员'],
}

const giveBack: ReturnReceipt = {
  txnId: 'R1', originalTxnId: 'T20261118-0107', storeId: 's001', laneId: '05', committedAt: '2026-11-19T09:00:00+08:00',
  lines: [{ lineId: '1', qty: 1, refund: 7237, pointsClawback: 72, pointsGiveBack: 500 }, { lineId: '9', qty: 2, refund: 100, pointsClawback: 0, pointsGiveBack: 0 }],
  refund: 7337, storedValueRefund: 5000, otherTendersRefund: 2337, pointsClawedBack: 72, pointsGivenBack: 500, isFullReturn: false,
  couponsRestored: ['C-1'], pointsBalance: 3_596, storedValueBalance: 52_000, tier: 'gold',
}

describe('a receipt', () => {
  it('tells a return from a sale', () => {
    expect(isReturnReceipt(sale)).toBe(false)
    expect(isReturnReceipt(giveBack)).toBe(true)
    expect(receiptView(sale).kind).toBe('sale')
    expect(receiptView(giveBack).kind).toBe('return')
  })

  it('counts units, or a weighed line in kg from whole grams', () => {
    expect(quantityText(3)).toBe('3')
    expect(quantityText(1, 1236)).toBe('1.236 kg')
    expect(quantityText(1, 50)).toBe('0.050 kg')
    expect(quantityText(2, null)).toBe('2')
    expect(deductionText(163)).toBe('-¥1.63')
    expect(deductionText(-163)).toBe('-¥1.63')
    expect(deductionText(0)).toBeNull()
  })
})

describe('a sale as shown', () => {
  const view = saleView(sale)

  it('shows every amount of fen as ¥ with two decimals', () => {
    expect(view.subtotal).toBe('¥104.82')
    expect(view.total).toBe('¥88.19')
    expect(view.discountTotal).toBe('-¥11.63')
    expect(view.storedValueBalance).toBe('¥470.00')
    expect(view.tenders).toEqual([
      { kind: 'storedValue', amount: '¥50.00', cardNo: '8800012345' },
      { kind: 'cash', amount: '¥38.19', cardNo: null },
    ])
  })

  it('shows each line with its quantity, price, discount and what it came to; a line without a name by its sku', () => {
    expect(view.lines).toEqual([
      { lineId: '1', name: '五常大米 10kg', sku: 'RICE-10KG', quantity: '1', unitPrice: '¥89.00', weighed: false, gross: '¥89.00', discount: '-¥16.63', net: '¥72.37' },
      { lineId: '2', name: 'APPLE', sku: 'APPLE', quantity: '1.236 kg', unitPrice: '¥12.80', weighed: true, gross: '¥15.82', discount: null, net: '¥15.82' },
    ])
  })

  it('lists the discounts by the labels the till printed, the points apart with what they took off', () => {
    expect(view.discounts).toEqual([
      { label: '银卡98折', kind: 'tier', amount: '-¥1.63' },
      { label: '满100减10', kind: 'coupon', amount: '-¥10.00' },
    ])
    expect(view.pointsUsed).toEqual({ points: 500, value: '-¥5.00' })
  })

  it('shows the points earned, the balances after it, a new tier and the coupons', () => {
    expect(view).toMatchObject({
      pointsEarned: 88, pointsBalance: 3_168, tier: 'gold', tierChanged: { from: 'silver', to: 'gold' }, couponsRedeemed: ['C-1'], messages: ['欢迎升级为金卡会员'],
    })
  })

  it('shows a shopper without a member, or without points spent, as such', () => {
    const guest = saleView({ ...sale, member: null, pointsRedeemed: 0, pointsValue: 0, pointsBalance: null, storedValueBalance: null, tierChanged: null, discounts: [], discountTotal: 0 })
    expect(guest).toMatchObject({ pointsUsed: null, pointsBalance: null, storedValueBalance: null, tierChanged: null, discounts: [], discountTotal: null })
  })
})

describe('a return as shown', () => {
  it('shows what was refunded and how, and the points taken back and given back, all as positive amounts', () => {
    const view = returnView({ ...giveBack, refund: -7337, pointsClawedBack: -72 })
    expect(view).toMatchObject({
      refund: '¥73.37', storedValueRefund: '¥50.00', otherTendersRefund: '¥23.37', pointsClawedBack: 72, pointsGivenBack: 500,
      isFullReturn: false, couponsRestored: ['C-1'], pointsBalance: 3_596, storedValueBalance: '¥520.00', originalTxnId: 'T20261118-0107',
    })
  })

  it("names the lines from the sale's receipt when it is at hand, else leaves them to be shown by number", () => {
    expect(returnView(giveBack, sale).lines).toEqual([
      { lineId: '1', name: '五常大米 10kg', qty: 1, refund: '¥72.37', pointsClawback: 72, pointsGiveBack: 500 },
      { lineId: '9', name: null, qty: 2, refund: '¥1.00', pointsClawback: 0, pointsGiveBack: 0 },
    ])
    expect(returnView(giveBack).lines[0].name).toBeNull()
  })

  it('leaves out a way of refunding that was not used', () => {
    expect(returnView({ ...giveBack, storedValueRefund: 0, otherTendersRefund: 7337 })).toMatchObject({ storedValueRefund: null, otherTendersRefund: '¥73.37' })
  })
})
