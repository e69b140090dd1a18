import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MemberCode } from '../../src/api/me'
import {
  DEFAULT_REFRESH_MS, MAX_REFRESH_MS, MIN_REFRESH_MS, OVERDUE_MS, freshness, groupDigits, refreshDelay, retryDelay,
} from '../../src/member/memberCode'

const CODE = '91234567890123450712345678'
/** The api's answer at 12:00:05 (UTC): the next code at 12:01, good at a lane until 12:10. */
const ANSWER: MemberCode = {
  code: CODE,
  issuedAt: '2026-12-03T12:00:05+00:00',
  refreshAt: '2026-12-03T12:01:00+00:00',
  validUntil: '2026-12-03T12:10:00+00:00',
}
/** When the answer arrived, by the phone's clock: three and a half hours wrong. */
const PHONE_CLOCK = Date.parse('2026-12-03T08:30:00+00:00')

afterEach(() => {
  vi.useRealTimers()
})

describe('the member code as a cashier reads it', () => {
  it('groups the 26 digits in fours, losing none', () => {
    expect(groupDigits(CODE)).toBe('9123 4567 8901 2345 0712 3456 78')
    expect(groupDigits(CODE).replace(/ /g, '')).toBe(CODE)
  })

  it('leaves anything that is not digits as it is', () => {
    expect(groupDigits('')).toBe('')
    expect(groupDigits('M000000000000123')).toBe('M000000000000123')
  })
})

describe('when the next code is fetched', () => {
  it("waits refreshAt − issuedAt by the server's clock, however wrong the phone's clock is", () => {
    vi.useFakeTimers()
    for (const phoneNow of ['2026-12-03T08:30:00Z', '2026-12-03T12:00:05Z', '2027-06-01T00:00:00Z']) {
      vi.setSystemTime(new Date(phoneNow))
      expect(refreshDelay(ANSWER)).toBe(55_000)
    }
  })

  it('reads timestamps in any offset the api writes them in', () => {
    expect(refreshDelay({ issuedAt: '2026-12-03T20:00:30+08:00', refreshAt: '2026-12-03T12:01:00+00:00' })).toBe(30_000)
    expect(refreshDelay({ issuedAt: '2026-12-03T20:00:20.250+08:00', refreshAt: '2026-12-03T12:01:00Z' })).toBe(39_750)
  })

  it('never asks again at once (the same code again, a silo a little behind) nor waits past 5 minutes', () => {
    expect(refreshDelay({ issuedAt: ANSWER.refreshAt, refreshAt: ANSWER.refreshAt })).toBe(MIN_REFRESH_MS)
    expect(refreshDelay({ issuedAt: ANSWER.refreshAt, refreshAt: ANSWER.issuedAt })).toBe(MIN_REFRESH_MS)
    expect(refreshDelay({ issuedAt: ANSWER.issuedAt, refreshAt: '2026-12-03T13:00:00+00:00' })).toBe(MAX_REFRESH_MS)
  })

  it('falls back to a minute when the timestamps cannot be read', () => {
    expect(refreshDelay({ issuedAt: 'soon', refreshAt: ANSWER.refreshAt })).toBe(DEFAULT_REFRESH_MS)
    expect(refreshDelay({ issuedAt: ANSWER.issuedAt, refreshAt: '' })).toBe(DEFAULT_REFRESH_MS)
  })

  it('retries a failed fetch soon at first, then once a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(retryDelay)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000])
    expect(retryDelay(0)).toBe(5_000)
  })
})

describe('what the member is told about the code on screen', () => {
  const shown = (failed = false) => ({ answer: ANSWER, receivedAt: PHONE_CLOCK, failed })

  it('is fresh until the next one is overdue, by time passed since the answer, not by the phone clock', () => {
    expect(freshness(shown(), PHONE_CLOCK)).toBe('fresh')
    expect(freshness(shown(), PHONE_CLOCK + 55_000 + OVERDUE_MS)).toBe('fresh')
    expect(freshness(shown(), PHONE_CLOCK + 55_000 + OVERDUE_MS + 1)).toBe('stale')
  })

  it('may be out of date once a fetch failed, though the lane still takes it', () => {
    expect(freshness(shown(true), PHONE_CLOCK + 1_000)).toBe('stale')
  })

  it('has expired when validUntil − issuedAt (9 min 55 s) has passed: the lane refuses it', () => {
    expect(freshness(shown(true), PHONE_CLOCK + 595_000 - 1)).toBe('stale')
    expect(freshness(shown(true), PHONE_CLOCK + 595_000)).toBe('expired')
    expect(freshness(shown(false), PHONE_CLOCK + 3_600_000)).toBe('expired')
  })
})
