import { describe, expect, it } from 'vitest'
import en from '../../src/i18n/en'
import zhCN from '../../src/i18n/zh-CN'
import { CHURN_RISKS, SEGMENTS, orderSegments, segmentLabel } from '../../src/reports/segments'

const lookup = (messages: unknown) => (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages)
const translator = (messages: unknown) => ({
  t: (key: string) => String(lookup(messages)(key) ?? key),
  te: (key: string) => typeof lookup(messages)(key) === 'string',
})

describe('segments', () => {
  it('uses the Chinese names of docs/reports.md', () => {
    expect(zhCN.segments).toEqual({
      new: '新客',
      champions: '重要价值',
      loyal: '忠诚',
      promising: '潜力',
      needs_attention: '需关注',
      at_risk: '流失风险',
      hibernating: '沉睡',
      prospect: '未消费',
      lost: '已流失',
    })
  })

  it('names every segment and churn risk in both languages', () => {
    for (const segment of SEGMENTS) {
      expect((en.segments as Record<string, string>)[segment], segment).toBeTruthy()
      expect((zhCN.segments as Record<string, string>)[segment], segment).toBeTruthy()
    }
    for (const risk of CHURN_RISKS) {
      expect(en.reports.churnRisks[risk]).toBeTruthy()
      expect(zhCN.reports.churnRisks[risk]).toBeTruthy()
    }
  })

  it('looks a label up in the console language, else shows the id', () => {
    const zh = translator(zhCN)
    const english = translator(en)
    expect(segmentLabel('at_risk', zh.t, zh.te)).toBe('流失风险')
    expect(segmentLabel('at_risk', english.t, english.te)).toBe('At risk')
    expect(segmentLabel('vip_plus', zh.t, zh.te)).toBe('vip_plus')
    expect(segmentLabel(null, zh.t, zh.te)).toBe('—')
  })

  it('orders segments best first, fills in the empty ones and keeps unknown ones last', () => {
    const ordered = orderSegments([
      { segment: 'lost', members: 4, spend12m: 0, averageSpend: 0 },
      { segment: 'vip_plus', members: 1, spend12m: 100, averageSpend: 100 },
      { segment: 'champions', members: 2, spend12m: 5000, averageSpend: 2500 },
    ])
    expect(ordered.map((s) => s.segment)).toEqual([...SEGMENTS, 'vip_plus'])
    expect(ordered[0]).toEqual({ segment: 'champions', members: 2, spend12m: 5000, averageSpend: 2500 })
    expect(ordered.find((s) => s.segment === 'loyal')).toEqual({ segment: 'loyal', members: 0, spend12m: 0, averageSpend: 0 })
    expect(ordered.find((s) => s.segment === 'lost')?.members).toBe(4)
  })
})
