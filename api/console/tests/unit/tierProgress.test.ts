import { describe, expect, it } from 'vitest'
import { percentOf, tierStanding } from '../../src/member/tierProgress'

describe("a member's way to the next tier (spend OR visits)", () => {
  it('measures spend in whole percent with integer arithmetic', () => {
    expect(percentOf(150_000, 50_000)).toBe(75)
    expect(percentOf(0, 200_000)).toBe(0)
    expect(percentOf(199_999, 1)).toBe(99)
    expect(percentOf(0, 0)).toBe(100)
  })

  it('shows the nearer of spend and visits', () => {
    // Silver member: 3,568 yuan of 8,000 spent (44 %), 31 of 60 visits (51 %).
    const standing = tierStanding({ spend12m: 356_800, visits12m: 31, nextTier: 'gold', spendToNextTier: 443_200, visitsToNextTier: 29 })
    expect(standing).toMatchObject({ top: false, nextTier: 'gold', spendPercent: 44, visitsPercent: 51, percent: 51, nearer: 'visits' })
  })

  it('prefers spend on a tie', () => {
    expect(tierStanding({ spend12m: 100_000, visits12m: 12, nextTier: 'silver', spendToNextTier: 100_000, visitsToNextTier: 12 }).nearer).toBe('spend')
  })

  it('is full once either way is reached', () => {
    const standing = tierStanding({ spend12m: 50_000, visits12m: 24, nextTier: 'silver', spendToNextTier: 150_000, visitsToNextTier: 0 })
    expect(standing.percent).toBe(100)
  })

  it('has nothing left to reach in the top tier', () => {
    expect(tierStanding({ spend12m: 900_000, visits12m: 70, nextTier: null, spendToNextTier: 0, visitsToNextTier: 0 })).toMatchObject({ top: true, percent: 100 })
  })

  it('starts at zero for a new member and survives a missing progress', () => {
    expect(tierStanding({ spend12m: 0, visits12m: 0, nextTier: 'silver', spendToNextTier: 200_000, visitsToNextTier: 24 }).percent).toBe(0)
    expect(tierStanding(undefined)).toMatchObject({ top: true, percent: 100 })
  })
})
