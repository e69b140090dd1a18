import { describe, expect, it } from 'vitest'
import type { LedgerEntry } from '../../src/api/members'
import { balanceText, changeText, hasReceipt, movement } from '../../src/member/ledger'

const row = (entry: Partial<LedgerEntry>): LedgerEntry => ({ txnId: 'T1', kind: 'points.earned', at: '2026-11-22T10:00:00+00:00', ...entry })

describe('a ledger row', () => {
  it('is points or stored value by its kind, not by which field is set (the api sets both)', () => {
    expect(movement(row({ kind: 'points.earned', points: 25, amount: 0, balanceAfter: 125 }))).toEqual({ unit: 'points', change: 25, balanceAfter: 125 })
    expect(movement(row({ kind: 'storedvalue.spent', points: 0, amount: -1280, balanceAfter: 50_000 }))).toEqual({ unit: 'fen', change: -1280, balanceAfter: 50_000 })
  })

  it('falls back to the field that moved for a kind it does not know', () => {
    expect(movement(row({ kind: 'future.kind', points: 0, amount: 500 })).unit).toBe('fen')
    expect(movement(row({ kind: 'future.kind', points: 10, amount: 0 })).unit).toBe('points')
    expect(movement(row({ kind: 'future.kind', points: 10 })).unit).toBe('points')
  })

  it('reads as a signed change and a balance', () => {
    expect(changeText(movement(row({ points: 1280, amount: 0 })))).toBe('+1,280')
    expect(changeText(movement(row({ kind: 'points.redeemed', points: -500, amount: 0 })))).toBe('-500')
    expect(changeText(movement(row({ kind: 'storedvalue.topup', points: 0, amount: 50_000 })))).toBe('+¥500.00')
    expect(balanceText(movement(row({ kind: 'storedvalue.topup', amount: 1, balanceAfter: 64_800 })))).toBe('¥648.00')
    expect(balanceText(movement(row({ points: 1, balanceAfter: 3580 })))).toBe('3,580')
  })

  it('names a receipt only where there is one: gifts, expiry, transfers and rewards have made-up ids', () => {
    expect(hasReceipt(row({ kind: 'points.earned', txnId: 'E2E-1' }))).toBe(true)
    expect(hasReceipt(row({ kind: 'storedvalue.topup' }))).toBe(true)
    expect(hasReceipt(row({ kind: 'points.signup_gift', txnId: 'signup' }))).toBe(false)
    expect(hasReceipt(row({ kind: 'points.expired', txnId: 'expiry:2026-12-31' }))).toBe(false)
    expect(hasReceipt(row({ kind: 'points.exchanged', txnId: 'rw-0b6e2c1a-4f0d-4c55-9a57-1f1f6a0c9e21' }))).toBe(false)
  })
})
