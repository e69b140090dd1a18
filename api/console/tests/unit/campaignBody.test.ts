import { describe, expect, it } from 'vitest'
import { buildCampaignBody, localDate, weekdayName } from '../../src/api/campaigns'

describe('campaign body', () => {
  it('names weekdays as the API expects (Monday = 1)', () => {
    expect(weekdayName(1)).toBe('monday')
    expect(weekdayName(3)).toBe('wednesday')
    expect(weekdayName(7)).toBe('sunday')
  })

  it('sends whole local days as YYYY-MM-DD', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05')
  })

  it('builds a member-day campaign body', () => {
    const body = buildCampaignBody({
      campaignId: ' wed-10 ', name: '会员日', kind: 'percentOff', percent: 10, thresholdYuan: '', amountYuan: '',
      multiplier: null, points: null, range: null, weekdays: [3], tiers: [], storeIds: ['s001'], categoryPath: '',
      perMember: null, budgetYuan: '', exclusive: false, priority: null,
    } as never)
    expect(body.campaignId).toBe('wed-10')
    expect(body.schedule).toEqual({ weekdays: ['wednesday'] })
    expect(body.reward).toEqual({ percent: 10 })
  })

  it('sends the chosen segments as target.segments, in the reports\' order, each once', () => {
    const body = buildCampaignBody({
      campaignId: 'win-back', name: '唤醒', kind: 'bonusPoints', percent: null, thresholdYuan: '', amountYuan: '',
      multiplier: null, points: 200, range: null, weekdays: [], tiers: ['gold'], segments: ['at_risk', 'champions', 'at_risk'], storeIds: [],
      categoryPath: '', perMember: null, budgetYuan: '', exclusive: false, priority: null,
    })
    expect(body.target).toEqual({ tiers: ['gold'], segments: ['champions', 'at_risk'] })
  })

  it('leaves segments out when none is chosen: the campaign is for every member', () => {
    const body = buildCampaignBody({
      campaignId: 'all', name: '全员', kind: 'percentOff', percent: 5, thresholdYuan: '', amountYuan: '',
      multiplier: null, points: null, range: null, weekdays: [], tiers: [], segments: [], storeIds: [], categoryPath: '',
      perMember: null, budgetYuan: '', exclusive: false, priority: null,
    })
    expect(body.target).toEqual({})
  })
})
