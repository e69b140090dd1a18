import { describe, expect, it } from 'vitest'
import { channelsOf, memberShareBasisPoints, percentOf } from '../../src/reports/figures'
import { formatBasisPoints } from '../../src/utils/format'

describe('report figures', () => {
  it('computes the member share of sales in basis points, rounded half up', () => {
    expect(memberShareBasisPoints(1, 2)).toBe(5000)
    expect(formatBasisPoints(memberShareBasisPoints(2, 3))).toBe('66.67%')
    expect(formatBasisPoints(memberShareBasisPoints(1, 3))).toBe('33.33%')
    expect(memberShareBasisPoints(1, 80_000)).toBe(0) // 0.125 bp rounds down
    expect(memberShareBasisPoints(1, 20_000)).toBe(1) // 0.5 bp rounds up
    expect(memberShareBasisPoints(7, 7)).toBe(10_000)
  })

  it('shows no share rather than 0 % when nothing was sold', () => {
    expect(memberShareBasisPoints(0, 0)).toBeNull()
    expect(formatBasisPoints(memberShareBasisPoints(0, 0))).toBe('—')
  })

  it('takes a part of a whole in whole percent', () => {
    expect(percentOf(1, 3)).toBe(33)
    expect(percentOf(2, 3)).toBe(67)
    expect(percentOf(5, 0)).toBe(0)
  })

  it('lists every sign-up channel, the api list first, then any a period adds', () => {
    const periods: Array<{ byChannel: Record<string, number> }> = [{ byChannel: { lane: 3, app: 1 } }, { byChannel: { wechat: 2 } }, { byChannel: {} }]
    expect(channelsOf(periods, ['app', 'lane'])).toEqual(['app', 'lane', 'wechat'])
    expect(channelsOf([], [])).toEqual([])
  })
})
