import { describe, expect, it } from 'vitest'
import { couponTermsText, zheOf } from '../../src/member/couponTerms'
import { formatFenBrief } from '../../src/utils/money'

describe('coupon terms in words', () => {
  it('says an amount off over a threshold as a shop prints it', () => {
    expect(couponTermsText({ kind: 'amountOffOver', threshold: 5000, amount: 1000 }, 'zh-CN')).toBe('满 ¥50 减 ¥10')
    expect(couponTermsText({ kind: 'amountOffOver', threshold: 5000, amount: 1000 }, 'en')).toBe('¥10 off ¥50')
  })

  it('keeps the fen where an amount is not whole yuan, and groups thousands', () => {
    expect(couponTermsText({ kind: 'amountOffOver', threshold: 100_000, amount: 1250 }, 'zh-CN')).toBe('满 ¥1,000 减 ¥12.50')
    expect(couponTermsText({ kind: 'amountOffOver', threshold: 3_999, amount: 5 }, 'en')).toBe('¥0.05 off ¥39.99')
  })

  it('says an amount off without a threshold as such', () => {
    expect(couponTermsText({ kind: 'amountOffOver', threshold: 0, amount: 500 }, 'zh-CN')).toBe('立减 ¥5')
    expect(couponTermsText({ kind: 'amountOffOver', threshold: null, amount: 500 }, 'en')).toBe('¥5 off')
  })

  it('says a percentage off as 折 in Chinese (the price paid, in tenths) and as percent in English', () => {
    expect(couponTermsText({ kind: 'percentOff', threshold: 0, percent: 10 }, 'zh-CN')).toBe('9 折')
    expect(couponTermsText({ kind: 'percentOff', threshold: 0, percent: 15 }, 'zh-CN')).toBe('8.5 折')
    expect(couponTermsText({ kind: 'percentOff', threshold: 0, percent: 10 }, 'en')).toBe('10% off')
    expect(couponTermsText({ kind: 'percentOff', threshold: 20_000, percent: 5 }, 'zh-CN')).toBe('满 ¥200 享 9.5 折')
    expect(couponTermsText({ kind: 'percentOff', threshold: 20_000, percent: 5 }, 'en')).toBe('5% off ¥200')
  })

  it('works 折 out in integers', () => {
    expect([1, 5, 10, 12, 15, 20, 50, 88, 90, 95, 99].map(zheOf)).toEqual(['9.9', '9.5', '9', '8.8', '8.5', '8', '5', '1.2', '1', '0.5', '0.1'])
  })

  it('names the category a category coupon is for', () => {
    expect(couponTermsText({ kind: 'categoryAmountOff', threshold: 3000, amount: 500, categoryPath: ['食品'] }, 'zh-CN')).toBe('食品类 满 ¥30 减 ¥5')
    expect(couponTermsText({ kind: 'categoryAmountOff', threshold: 3000, amount: 500, categoryPath: ['食品'] }, 'en')).toBe('食品: ¥5 off ¥30')
    expect(couponTermsText({ kind: 'categoryPercentOff', threshold: 0, percent: 20, categoryPath: ['食品', '乳制品'] }, 'zh-CN')).toBe('食品/乳制品类 8 折')
    expect(couponTermsText({ kind: 'categoryPercentOff', threshold: 0, percent: 20, categoryPath: ['Food', 'Dairy'] }, 'en')).toBe('Food/Dairy: 20% off')
  })

  it('says "selected items" for a category coupon that lists SKUs instead of a category', () => {
    expect(couponTermsText({ kind: 'categoryAmountOff', threshold: 3000, amount: 500, categoryPath: null }, 'zh-CN')).toBe('指定商品 满 ¥30 减 ¥5')
    expect(couponTermsText({ kind: 'categoryPercentOff', threshold: 0, percent: 10, categoryPath: [] }, 'en')).toBe('Selected items: 10% off')
  })

  it('says a gift', () => {
    expect(couponTermsText({ kind: 'gift', threshold: 0, amount: 0, percent: 0, categoryPath: null }, 'zh-CN')).toBe('赠品')
    expect(couponTermsText({ kind: 'gift', threshold: 0, categoryPath: null }, 'en')).toBe('Free gift')
    expect(couponTermsText({ kind: 'gift', threshold: 5000, categoryPath: null }, 'zh-CN')).toBe('满 ¥50 送赠品')
    expect(couponTermsText({ kind: 'gift', threshold: 5000, categoryPath: ['水果'] }, 'en')).toBe('水果: free gift with ¥50')
    expect(couponTermsText({ kind: 'gift', threshold: 0, categoryPath: ['水果'] }, 'zh-CN')).toBe('水果类 赠品')
  })

  it('says nothing when the template is gone (every term null) or the kind is one it does not know', () => {
    expect(couponTermsText({ kind: null, threshold: null, amount: null, percent: null, categoryPath: null }, 'zh-CN')).toBeNull()
    expect(couponTermsText({}, 'en')).toBeNull()
    expect(couponTermsText({ kind: 'buyOneGetOne', threshold: 0, amount: 100 }, 'zh-CN')).toBeNull()
  })

  it('promises nothing it cannot stand behind: no amount, a fraction of a fen, an impossible percentage', () => {
    expect(couponTermsText({ kind: 'amountOffOver', threshold: 5000, amount: null }, 'zh-CN')).toBeNull()
    expect(couponTermsText({ kind: 'amountOffOver', threshold: 5000, amount: 0 }, 'zh-CN')).toBeNull()
    expect(couponTermsText({ kind: 'amountOffOver', threshold: 5000, amount: 10.5 }, 'zh-CN')).toBeNull()
    expect(couponTermsText({ kind: 'amountOffOver', threshold: -1, amount: 1000 }, 'zh-CN')).toBeNull()
    expect(couponTermsText({ kind: 'percentOff', threshold: 0, percent: 0 }, 'zh-CN')).toBeNull()
    expect(couponTermsText({ kind: 'percentOff', threshold: 0, percent: 100 }, 'en')).toBeNull()
    expect(couponTermsText({ kind: 'percentOff', threshold: 0, percent: 12.5 }, 'en')).toBeNull()
    expect(couponTermsText({ kind: 'percentOff', threshold: 0, percent: null }, 'zh-CN')).toBeNull()
  })
})

describe('formatFenBrief', () => {
  it('drops the decimals of whole yuan only', () => {
    expect(formatFenBrief(5000)).toBe('¥50')
    expect(formatFenBrief(1250)).toBe('¥12.50')
    expect(formatFenBrief(5)).toBe('¥0.05')
    expect(formatFenBrief(123_456_700)).toBe('¥1,234,567')
    expect(formatFenBrief(12.5)).toBe('—')
  })
})
