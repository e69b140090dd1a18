import { describe, expect, it } from 'vitest'
import { tierProgressPercent } from '../../src/api/members'
import { parseMemberIds } from '../../src/api/campaigns'
import { readClaims } from '../../src/api/jwt'
import { formatBasisPoints, formatCount, localDateTime, localTime } from '../../src/utils/format'

describe('figures', () => {
  it('shows basis points as a percentage with two decimals', () => {
    expect(formatBasisPoints(6666)).toBe('66.66%')
    expect(formatBasisPoints(10000)).toBe('100.00%')
    expect(formatBasisPoints(5)).toBe('0.05%')
    expect(formatBasisPoints(undefined)).toBe('—')
  })

  it('groups counts', () => {
    expect(formatCount(1234567)).toBe('1,234,567')
    expect(formatCount(0)).toBe('0')
  })

  it("shows the store's own wall-clock time, whatever the browser's zone", () => {
    expect(localTime('2026-11-22T09:31:05+08:00')).toBe('09:31')
    expect(localTime('2026-11-22T09:31:05.123+08:00', true)).toBe('09:31:05')
    expect(localDateTime('2026-11-22T23:59:00+08:00')).toBe('2026-11-22 23:59')
  })

  it('measures tier progress in whole percent of the spend needed', () => {
    expect(tierProgressPercent(150_000, 50_000)).toBe(75)
    expect(tierProgressPercent(0, 200_000)).toBe(0)
    expect(tierProgressPercent(900_000, null)).toBe(100)
  })
})

describe('input helpers', () => {
  it('reads member ids separated by commas, spaces or new lines, once each', () => {
    expect(parseMemberIds('m1, m2\nm3，m1')).toEqual(['m1', 'm2', 'm3'])
  })

  it("reads roles and store scope from the console's token", () => {
    const payload = btoa(JSON.stringify({ sub: 'li', role: ['manager'], store: ['s001', 's002'], exp: 2_000_000_000 }))
      .replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
    const claims = readClaims(`x.${payload}.y`)
    expect(claims).toEqual({ sub: 'li', roles: ['manager'], stores: ['s001', 's002'], expiresAt: 2_000_000_000_000 })
    expect(readClaims('garbage')).toEqual({ roles: [], stores: [] })
  })
})
