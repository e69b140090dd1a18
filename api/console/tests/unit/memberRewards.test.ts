import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/api/http'
import { ExchangeAttempts, TXN_ID_PATTERN, canAfford, newTxnId, outcomeUnknown, pointsShort, randomUuid } from '../../src/member/rewards'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** Ids rw-1, rw-2, … in the order they are made. */
function counting() {
  let n = 0
  return new ExchangeAttempts(() => `rw-${++n}`)
}

const lost = new TypeError('Failed to fetch')
const gateway = new ApiError(504, 'http.504', 'Gateway Timeout')
const tooFew = new ApiError(409, 'points.insufficient', 'The member has 40 points; this costs 100.')
const conflict = new ApiError(409, 'txn.conflict', 'Transaction rw-1 already bought another coupon.')
const gone = new ApiError(404, 'coupon_template.not_found', 'No reward R1.')

describe('a reward purchase id', () => {
  it('is a UUID within the api\'s caller-id rule', () => {
    const id = newTxnId()
    expect(id).toMatch(TXN_ID_PATTERN)
    expect(id.slice(3)).toMatch(UUID)
    expect(id.length).toBeLessThanOrEqual(64)
    expect(newTxnId()).not.toBe(id)
  })

  it('is made from random bytes where randomUUID is missing (a plain-http page)', () => {
    const bytes = { getRandomValues: <T extends ArrayBufferView | null>(array: T) => (new Uint8Array(array!.buffer).fill(0xff), array) }
    expect(randomUuid(bytes)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff')
    expect(randomUuid(globalThis.crypto)).toMatch(UUID)
    expect(newTxnId(() => randomUuid(bytes))).toMatch(TXN_ID_PATTERN)
  })
})

describe('sending a purchase again', () => {
  it('keeps one id for a dialog, however often it is asked for', () => {
    const attempts = counting()
    expect(attempts.txnFor('M1', 'R1')).toBe('rw-1')
    expect(attempts.txnFor('M1', 'R1')).toBe('rw-1')
  })

  it('reuses the id after a lost answer, also when the dialog is opened again, so a retry cannot buy twice', () => {
    const attempts = counting()
    const id = attempts.txnFor('M1', 'R1')
    expect(attempts.failed('M1', 'R1', id, lost)).toBe(true)
    expect(attempts.uncertain('M1', 'R1')).toBe(true)
    expect(attempts.txnFor('M1', 'R1')).toBe(id)
    expect(attempts.failed('M1', 'R1', id, gateway)).toBe(true)
    expect(attempts.txnFor('M1', 'R1')).toBe(id)
  })

  it('starts a new purchase once the api has bought the reward', () => {
    const attempts = counting()
    const first = attempts.txnFor('M1', 'R1')
    attempts.failed('M1', 'R1', first, lost)
    attempts.answered('M1', 'R1', first)
    expect(attempts.uncertain('M1', 'R1')).toBe(false)
    expect(attempts.txnFor('M1', 'R1')).toBe('rw-2')
  })

  it('ends the id on a refusal: nothing was bought, and a conflicting id must not be sent again', () => {
    for (const refusal of [tooFew, conflict, gone]) {
      const attempts = counting()
      const id = attempts.txnFor('M1', 'R1')
      expect(attempts.failed('M1', 'R1', id, refusal)).toBe(false)
      expect(attempts.uncertain('M1', 'R1')).toBe(false)
      expect(attempts.txnFor('M1', 'R1')).toBe('rw-2')
    }
  })

  it('keeps each reward and each member apart', () => {
    const attempts = counting()
    const r1 = attempts.txnFor('M1', 'R1')
    attempts.failed('M1', 'R1', r1, lost)
    expect(attempts.txnFor('M1', 'R2')).toBe('rw-2')
    expect(attempts.txnFor('M2', 'R1')).toBe('rw-3')
    expect(attempts.uncertain('M1', 'R2')).toBe(false)
    expect(attempts.txnFor('M1', 'R1')).toBe(r1)
  })

  it('ignores a late answer to an id that is no longer the one pending', () => {
    const attempts = counting()
    const old = attempts.txnFor('M1', 'R1')
    attempts.answered('M1', 'R1', old)
    const current = attempts.txnFor('M1', 'R1')
    attempts.failed('M1', 'R1', current, lost)
    attempts.answered('M1', 'R1', old)
    expect(attempts.failed('M1', 'R1', old, tooFew)).toBe(false)
    expect(attempts.txnFor('M1', 'R1')).toBe(current)
    expect(attempts.uncertain('M1', 'R1')).toBe(true)
  })

  it('takes no answer or a server error as an unknown outcome, the api\'s 4xx as an answer', () => {
    expect(outcomeUnknown(lost)).toBe(true)
    expect(outcomeUnknown(new SyntaxError('Unexpected token <'))).toBe(true)
    expect(outcomeUnknown(new ApiError(500, 'http.500', 'Internal Server Error'))).toBe(true)
    expect(outcomeUnknown(gateway)).toBe(true)
    expect(outcomeUnknown(tooFew)).toBe(false)
    expect(outcomeUnknown(new ApiError(429, 'http.429', 'Too Many Requests'))).toBe(false)
    expect(outcomeUnknown(new ApiError(400, 'request.invalid', 'invalid', { txnId: ['is required'] }))).toBe(false)
  })
})

describe('affording a reward', () => {
  it('needs a balance that covers the price', () => {
    expect(canAfford(100, 100)).toBe(true)
    expect(canAfford(3580, 500)).toBe(true)
    expect(canAfford(99, 100)).toBe(false)
    expect(canAfford(0, 100)).toBe(false)
  })

  it('buys nothing with an unknown or negative balance, or a price that makes no sense', () => {
    expect(canAfford(null, 100)).toBe(false)
    expect(canAfford(undefined, 100)).toBe(false)
    expect(canAfford(-50, 100)).toBe(false)
    expect(canAfford(1000, 0)).toBe(false)
    expect(canAfford(1000, -1)).toBe(false)
    expect(canAfford(1000, 1.5)).toBe(false)
    expect(canAfford(1000, Number.NaN)).toBe(false)
    expect(canAfford(1000, null)).toBe(false)
  })

  it('says how many points are missing', () => {
    expect(pointsShort(40, 100)).toBe(60)
    expect(pointsShort(100, 100)).toBe(0)
    expect(pointsShort(null, 100)).toBe(0)
    expect(pointsShort(-20, 100)).toBe(0)
  })
})
