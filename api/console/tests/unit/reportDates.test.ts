import { describe, expect, it } from 'vitest'
import { analysisTime, lastDays, localDate, periodLabels } from '../../src/reports/dates'
import { viewerDateTime } from '../../src/utils/format'

describe('report dates', () => {
  it('names the local calendar day, not the UTC one', () => {
    expect(localDate(new Date(2026, 10, 22, 0, 30))).toBe('2026-11-22')
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })

  it('defaults to the 30 days ending today, both ends included', () => {
    expect(lastDays(new Date(2026, 10, 30, 9, 0))).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(lastDays(new Date(2026, 2, 1, 9, 0))).toEqual({ from: '2026-01-31', to: '2026-03-01' })
    expect(lastDays(new Date(2028, 2, 1, 9, 0), 2)).toEqual({ from: '2028-02-29', to: '2028-03-01' })
  })

  it('drops the year from period labels when every period shares it', () => {
    expect(periodLabels(['2026-11-01', '2026-11-02'], 'day')).toEqual(['11-01', '11-02'])
    expect(periodLabels(['2026-12-31', '2027-01-01'], 'day')).toEqual(['2026-12-31', '2027-01-01'])
    expect(periodLabels([], 'day')).toEqual([])
  })

  it('names weeks by their Monday and keeps months whole', () => {
    expect(periodLabels(['2026-11-02', '2026-11-09'], 'week', (d) => `${d} 当周`)).toEqual(['11-02 当周', '11-09 当周'])
    expect(periodLabels(['2026-11', '2026-12'], 'month')).toEqual(['2026-11', '2026-12'])
  })

  it('shows when an analysis ran: a bare date as written, an instant on the viewer clock', () => {
    expect(analysisTime(null)).toBe('—')
    expect(analysisTime('2026-11-22')).toBe('2026-11-22')
    expect(analysisTime('2026-11-22T04:00:00+08:00')).toBe(viewerDateTime('2026-11-22T04:00:00+08:00'))
  })
})
