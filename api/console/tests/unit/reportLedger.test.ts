import { describe, expect, it } from 'vitest'
import { fallbackFilename, reportPath, type LedgerFigures, type ReportQuery } from '../../src/api/reports'
import { pointsFlowChart, storedValueFlowChart } from '../../src/reports/charts'
import { ledgerSeries, ledgerTiles, owed, pointsIn, pointsIssued, pointsOut } from '../../src/reports/ledger'

const zero: LedgerFigures = {
  pointsEarned: 0, pointsGifted: 0, pointsReturned: 0, pointsRedeemed: 0, pointsExchanged: 0, pointsClawedBack: 0, pointsExpired: 0, pointsNet: 0,
  storedValueToppedUp: 0, storedValueReturned: 0, storedValueSpent: 0, storedValueRefunded: 0, storedValueNet: 0,
}

// A period as the api writes it: outflows positive, the nets signed (here with a 50-point card transfer in the net only).
const day: LedgerFigures = {
  pointsEarned: 1200, pointsGifted: 300, pointsReturned: 40, pointsRedeemed: 500, pointsExchanged: 200, pointsClawedBack: 60, pointsExpired: 25, pointsNet: 805,
  storedValueToppedUp: 50_000, storedValueReturned: 1_500, storedValueSpent: 12_800, storedValueRefunded: 2_000, storedValueNet: 36_700,
}

type Series = Array<{ type: string; name: string; data: number[] }>
type Option = { series: Series; xAxis: { data: string[] }; yAxis: { axisLabel: { formatter: (v: number) => string } }; tooltip: { formatter: (items: unknown) => string } }

describe('ledger report figures', () => {
  it('issues the earned and the gifted points; given-back points come in but are not issued', () => {
    expect(pointsIssued(day)).toBe(1500)
    expect(pointsIn(day)).toBe(1540)
  })

  it('takes out the redeemed, exchanged, clawed back and expired points, all sent as positive numbers', () => {
    expect(pointsOut(day)).toBe(785)
  })

  it('counts points spent on rewards as out, apart from points burned as cash', () => {
    expect(pointsOut({ ...zero, pointsExchanged: 100 })).toBe(100)
    expect(ledgerTiles({ ...zero, pointsExchanged: 100 })).toMatchObject({ pointsExchanged: 100, pointsRedeemed: 0 })
    // An older api that does not send the figure yet.
    expect(pointsOut({ pointsRedeemed: 500 })).toBe(500)
    expect(ledgerTiles({ pointsRedeemed: 500 }).pointsExchanged).toBe(0)
  })

  it('sums the tiles from the totals, points as counts and stored value in fen', () => {
    expect(ledgerTiles(day)).toEqual({
      pointsIssued: 1500, pointsEarned: 1200, pointsGifted: 300, pointsRedeemed: 500, pointsExchanged: 200, pointsReturned: 40, pointsClawedBack: 60, pointsExpired: 25,
      storedValueToppedUp: 50_000, storedValueReturned: 1_500, storedValueSpent: 12_800, storedValueRefunded: 2_000,
    })
  })

  it('reads a missing figure or no report as zero rather than NaN', () => {
    expect(pointsIssued({ pointsEarned: 7 })).toBe(7)
    expect(pointsOut(undefined)).toBe(0)
    expect(ledgerTiles(null).pointsIssued).toBe(0)
  })

  it('builds one value per period, in the api order, zeros kept', () => {
    expect(ledgerSeries([day, zero, { ...zero, storedValueToppedUp: 10_000, pointsGifted: 100 }, { ...zero, pointsExchanged: 300 }])).toEqual({
      pointsIn: [1540, 0, 100, 0],
      pointsOut: [785, 0, 0, 300],
      storedValueToppedUp: [50_000, 0, 10_000, 0],
      storedValueSpent: [12_800, 0, 0, 0],
    })
    expect(ledgerSeries([])).toEqual({ pointsIn: [], pointsOut: [], storedValueToppedUp: [], storedValueSpent: [] })
  })

  it('shows what is owed only when the api gives it (chain-wide)', () => {
    const chain = { asOf: '2026-11-30T16:00:00+00:00', points: 71_184, pointsValue: 71_184, storedValue: 4_647_013 }
    expect(owed(chain)).toBe(chain)
    expect(owed(null)).toBeNull()
    expect(owed(undefined)).toBeNull()
  })
})

describe('ledger report charts', () => {
  it('draws points in against points out as bars, counted', () => {
    const option = pointsFlowChart(['11-01', '11-02'], [1540, 0], [585, 0], { in: '积分流入', out: '积分流出' }) as unknown as Option
    expect(option.xAxis.data).toEqual(['11-01', '11-02'])
    expect(option.series.map((s) => [s.type, s.name, s.data])).toEqual([['bar', '积分流入', [1540, 0]], ['bar', '积分流出', [585, 0]]])
    expect(option.yAxis.axisLabel.formatter(12000)).toBe('12,000')
    const tip = option.tooltip.formatter([
      { axisValue: '11-01', seriesIndex: 0, value: 1540, marker: '', seriesName: '积分流入' },
      { axisValue: '11-01', seriesIndex: 1, value: 585, marker: '', seriesName: '积分流出' },
    ])
    expect(tip).toBe('11-01<br/>积分流入: 1,540<br/>积分流出: 585')
  })

  it('draws stored value topped up against spent in fen, with yuan on the axis and in the tooltip', () => {
    const option = storedValueFlowChart(['11-01'], [125_000], [12_800], 'zh-CN', { toppedUp: '储值充值', spent: '储值消费' }) as unknown as Option
    expect(option.series.map((s) => [s.type, s.name, s.data])).toEqual([['bar', '储值充值', [125_000]], ['bar', '储值消费', [12_800]]])
    expect(option.yAxis.axisLabel.formatter(125_000)).toBe('¥1,250')
    const tip = option.tooltip.formatter([
      { axisValue: '11-01', seriesIndex: 0, value: 125_000, marker: '', seriesName: '储值充值' },
      { axisValue: '11-01', seriesIndex: 1, value: 12_800, marker: '', seriesName: '储值消费' },
    ])
    expect(tip).toBe('11-01<br/>储值充值: ¥1,250.00<br/>储值消费: ¥128.00')
  })
})

describe('ledger report queries', () => {
  const query: ReportQuery = { from: '2026-11-01', to: '2026-11-30', by: 'week', storeId: 's001' }

  it('asks with the range, granularity and store, and for a file with format', () => {
    expect(reportPath('ledger', query)).toBe('/reports/ledger?from=2026-11-01&to=2026-11-30&by=week&storeId=s001')
    expect(reportPath('ledger', { ...query, storeId: null }, 'xlsx')).toBe('/reports/ledger?from=2026-11-01&to=2026-11-30&by=week&format=xlsx')
  })

  it('names a file as the api would when it gives no name', () => {
    expect(fallbackFilename('ledger', query, 'csv')).toBe('ledger-2026-11-01-2026-11-30.csv')
  })
})
