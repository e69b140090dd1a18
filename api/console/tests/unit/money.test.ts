import { describe, expect, it } from 'vitest'
import { formatFen, formatFenCompact, parseYuanToFen } from '../../src/utils/money'

describe('formatFen', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(formatFen(123456)).toBe('¥1,234.56')
    expect(formatFen(1250)).toBe('¥12.50')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(0)).toBe('¥0.00')
    expect(formatFen(100_000_000_00)).toBe('¥100,000,000.00')
  })

  it('puts the sign before the currency symbol', () => {
    expect(formatFen(-5)).toBe('-¥0.05')
    expect(formatFen(-123456)).toBe('-¥1,234.56')
    expect(formatFen(1250, { sign: true })).toBe('+¥12.50')
    expect(formatFen(0, { sign: true })).toBe('¥0.00')
  })

  it('is exact for the largest safe amounts, where floating point would not be', () => {
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91')
    expect(formatFen(9_007_199_254_740_993n)).toBe('¥90,071,992,547,409.93')
  })

  it('refuses to show something that is not a whole number of fen', () => {
    expect(formatFen(12.5)).toBe('—')
    expect(formatFen(null)).toBe('—')
    expect(formatFen(undefined)).toBe('—')
    expect(formatFen(Number.NaN)).toBe('—')
  })

  it('can leave out the symbol', () => {
    expect(formatFen(99, { symbol: false })).toBe('0.99')
  })
})

describe('formatFenCompact', () => {
  it('uses 万 and 亿 in Chinese', () => {
    expect(formatFenCompact(999_999, 'zh-CN')).toBe('¥9,999.99')
    expect(formatFenCompact(1_234_567_89, 'zh-CN')).toBe('¥123.46万')
    expect(formatFenCompact(1_000_000, 'zh-CN')).toBe('¥1.00万')
    expect(formatFenCompact(250_000_000_00, 'zh-CN')).toBe('¥2.50亿')
    expect(formatFenCompact(-1_500_000, 'zh-CN')).toBe('-¥1.50万')
  })

  it('uses K and M in English', () => {
    expect(formatFenCompact(9_999_99, 'en')).toBe('¥9,999.99')
    expect(formatFenCompact(1_234_56_00, 'en')).toBe('¥123.5K')
    expect(formatFenCompact(2_500_000_00, 'en')).toBe('¥2.50M')
  })

  it('rounds half up on the last shown digit', () => {
    expect(formatFenCompact(1_005_000, 'zh-CN')).toBe('¥1.01万')
    expect(formatFenCompact(1_004_999, 'zh-CN')).toBe('¥1.00万')
  })
})

describe('parseYuanToFen', () => {
  it('reads what a person types as yuan', () => {
    expect(parseYuanToFen('12')).toBe(1200)
    expect(parseYuanToFen('12.5')).toBe(1250)
    expect(parseYuanToFen(' 12.05 ')).toBe(1205)
    expect(parseYuanToFen('0.1')).toBe(10)
  })

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1.234', '-1', '1,000', '1e3', null, undefined]) {
      expect(parseYuanToFen(bad)).toBeNull()
    }
  })

  it('turns 0.1 + 0.2 yuan into exactly 30 fen', () => {
    expect((parseYuanToFen('0.1') ?? 0) + (parseYuanToFen('0.2') ?? 0)).toBe(30)
  })
})
