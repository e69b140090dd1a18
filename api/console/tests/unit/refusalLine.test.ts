import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/api/http'
import { refusalLine } from '../../src/member/refusals'

const t = (key: string, values?: Record<string, unknown>) => (values ? `${key}:${JSON.stringify(values)}` : key)

describe('refusalLine', () => {
  it('names a refusal the portal knows in the member\'s words, and anything else as an error', () => {
    const known = new ApiError(409, 'reward.out_of_stock', 'gone', {})
    expect(refusalLine(known, t, (k) => k === 'me.errors.reward_out_of_stock')).toBe('me.errors.reward_out_of_stock')
    expect(refusalLine(new Error('offline'), t, () => false)).toBe('common.error:{"message":"offline"}')
  })
})
