import { describe, expect, it } from 'vitest'
import { redeemState, stockLabel, unitsLeft } from '../../src/member/rewards'
import { offersStock, rewardFields, rewardStockProblem, type RewardForm } from '../../src/staff/rewardStock'

const reward = (left?: number | null) => ({ pointsPrice: 500, ...(left === undefined ? {} : { left }) })

describe('a limited reward in the portal (限量)', () => {
  it('says how many are left, or that it is sold out; nothing for a reward without a limit', () => {
    expect(stockLabel(reward(3))).toEqual({ key: 'left', n: 3 })
    expect(stockLabel(reward(0))).toEqual({ key: 'soldOut' })
    expect(stockLabel(reward())).toBeNull()
    expect(stockLabel(reward(null))).toBeNull()
    // A figure that makes no sense is no limit the portal shows.
    expect(unitsLeft(reward(-1))).toBeNull()
    expect(unitsLeft(reward(2.5))).toBeNull()
  })

  it('cannot be bought once sold out, whatever the balance; otherwise as the points allow', () => {
    expect(redeemState(10_000, reward(0))).toBe('soldOut')
    expect(redeemState(100, reward(0))).toBe('soldOut')
    expect(redeemState(10_000, reward(1))).toBe('ok')
    expect(redeemState(100, reward(1))).toBe('short')
    expect(redeemState(null, reward())).toBe('short')
    expect(redeemState(500, reward())).toBe('ok')
  })

  it('may be sent again while a purchase of it is in doubt, though the last unit may be gone (to that very purchase)', () => {
    expect(redeemState(0, reward(0), true)).toBe('ok')
  })
})

describe('the stock field of the coupon template form', () => {
  const form = (changes: Partial<RewardForm> = {}): RewardForm => ({ public: false, pointsPrice: 2000, rewardStock: 50, ...changes })

  it('is offered only with a points price, and never for a public code', () => {
    expect(offersStock(form())).toBe(true)
    expect(offersStock(form({ pointsPrice: null }))).toBe(false)
    expect(offersStock(form({ public: true }))).toBe(false)
  })

  it('sends rewardStock only together with the points price it limits', () => {
    expect(rewardFields(form())).toEqual({ pointsPrice: 2000, rewardStock: 50 })
    expect(rewardFields(form({ rewardStock: null }))).toEqual({ pointsPrice: 2000 })
    expect(rewardFields(form({ pointsPrice: null }))).toEqual({})
    expect(rewardFields(form({ public: true }))).toEqual({})
  })

  it('takes a whole number from 1 to 100,000, or nothing for no limit', () => {
    expect(rewardStockProblem(form())).toBeNull()
    expect(rewardStockProblem(form({ rewardStock: null }))).toBeNull()
    expect(rewardStockProblem(form({ rewardStock: 100_000 }))).toBeNull()
    expect(rewardStockProblem(form({ rewardStock: 0 }))).toBe('rewardStockRange')
    expect(rewardStockProblem(form({ rewardStock: 100_001 }))).toBe('rewardStockRange')
    expect(rewardStockProblem(form({ rewardStock: 1.5 }))).toBe('rewardStockRange')
    // Not sent at all without a price: nothing to check.
    expect(rewardStockProblem(form({ pointsPrice: null, rewardStock: 0 }))).toBeNull()
  })
})
