import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../src/api/http'
import { END_MARGIN_MS, MAX_RETRIES, RenewalTimer, leaseOf, renewAt, retryAt, type Lease } from '../../src/api/renewal'

const HOUR = 3600
/** 51 minutes: 85 % of an hour. */
const RENEW_MS = 3_060_000

/** A timer whose renewals answer a fresh hour-long token (or fail as `outcome` says), counting them. */
function renewing(outcome: (n: number) => 'ok' | Error = () => 'ok') {
  const calls: number[] = []
  const timer = new RenewalTimer(async () => {
    const n = calls.push(Date.now()) - 1
    const result = outcome(n)
    if (result instanceof Error) throw result
    return { receivedAt: Date.now(), expiresIn: HOUR }
  })
  return { timer, calls }
}

const network = () => new TypeError('Failed to fetch')
const lease = (expiresIn = HOUR): Lease => ({ receivedAt: Date.now(), expiresIn })

beforeEach(() => {
  vi.useFakeTimers()
  // This computer's clock: nothing is read from the token's own expiry.
  vi.setSystemTime(new Date('2026-12-03T03:17:42Z'))
})

afterEach(() => {
  vi.useRealTimers()
})

describe('when a token is renewed', () => {
  it('is 85 % of its lifetime after it arrived, by the lifetime the api gave', () => {
    expect(renewAt({ receivedAt: 1_000, expiresIn: HOUR })).toBe(1_000 + RENEW_MS)
    expect(renewAt({ receivedAt: 0, expiresIn: 60 })).toBe(51_000)
  })

  it('is counted from a stored session\'s own arrival, or from now for one kept without it', () => {
    expect(leaseOf({ receivedAt: 5, expiresIn: 60, expiresAt: 1 })).toEqual({ receivedAt: 5, expiresIn: 60 })
    expect(leaseOf({ expiresAt: 1_000_000 + 90_500 }, 1_000_000)).toEqual({ receivedAt: 1_000_000, expiresIn: 90 })
    expect(leaseOf({ expiresAt: 1 }, 1_000_000)).toEqual({ receivedAt: 1_000_000, expiresIn: 0 })
  })

  it('retries 10, 20, 40 and 80 s after failures, never past the token\'s end, then gives up', () => {
    const hour = { receivedAt: 0, expiresIn: HOUR }
    expect([1, 2, 3, 4].map((n) => retryAt(hour, RENEW_MS, n)! - RENEW_MS)).toEqual([10_000, 20_000, 40_000, 80_000])
    expect(retryAt(hour, RENEW_MS, MAX_RETRIES + 1)).toBeNull()
    // Close to the end, half of what is left (less the margin the answer needs).
    const end = HOUR * 1000
    expect(retryAt(hour, end - 12_000, 1)).toBe(end - 12_000 + 5_000)
    expect(retryAt(hour, end - END_MARGIN_MS, 1)).toBeNull()
    expect(retryAt(hour, end + 1, 1)).toBeNull()
  })
})

describe('the renewal timer', () => {
  it('renews once 85 % of expiresIn has passed, and not before', async () => {
    const { timer, calls } = renewing()
    timer.schedule(lease())
    await vi.advanceTimersByTimeAsync(RENEW_MS - 1)
    expect(calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(1)
    timer.stop()
  })

  it('schedules the renewed token in turn, from when it arrived', async () => {
    const { timer, calls } = renewing()
    const start = Date.now()
    timer.schedule(lease())
    await vi.advanceTimersByTimeAsync(3 * RENEW_MS)
    expect(calls.map((at) => at - start)).toEqual([RENEW_MS, 2 * RENEW_MS, 3 * RENEW_MS])
    expect(timer.pending).toBe(true)
    timer.stop()
  })

  it('follows a short lifetime as well', async () => {
    const { timer, calls } = renewing()
    timer.schedule(lease(60))
    await vi.advanceTimersByTimeAsync(51_000)
    expect(calls).toHaveLength(1)
    timer.stop()
  })

  it('retries a renewal that failed on the way (no network) a few times before the token ends', async () => {
    const { timer, calls } = renewing(() => network())
    const start = Date.now()
    timer.schedule(lease())
    await vi.advanceTimersByTimeAsync(HOUR * 1000)
    expect(calls.map((at) => at - start)).toEqual([RENEW_MS, RENEW_MS + 10_000, RENEW_MS + 30_000, RENEW_MS + 70_000, RENEW_MS + 150_000])
    expect(calls.every((at) => at - start < HOUR * 1000)).toBe(true)
    expect(timer.pending).toBe(false)
  })

  it('goes back to the usual schedule once a retry succeeds', async () => {
    const { timer, calls } = renewing((n) => (n === 0 ? network() : 'ok'))
    const start = Date.now()
    timer.schedule(lease())
    await vi.advanceTimersByTimeAsync(RENEW_MS + 10_000)
    expect(calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(RENEW_MS)
    expect(calls.map((at) => at - start)).toEqual([RENEW_MS, RENEW_MS + 10_000, 2 * RENEW_MS + 10_000])
    timer.stop()
  })

  it('does not retry a 401: the session is over (http.ts has signed out)', async () => {
    const { timer, calls } = renewing(() => new ApiError(401, 'auth.unauthorized', 'unauthorized'))
    timer.schedule(lease())
    await vi.advanceTimersByTimeAsync(HOUR * 1000)
    expect(calls).toHaveLength(1)
    expect(timer.pending).toBe(false)
  })

  it('retries a 503 like a lost connection', async () => {
    const { timer, calls } = renewing((n) => (n === 0 ? new ApiError(503, 'service.unavailable', 'down') : 'ok'))
    timer.schedule(lease())
    await vi.advanceTimersByTimeAsync(RENEW_MS + 10_000)
    expect(calls).toHaveLength(2)
    timer.stop()
  })

  it('renews nothing after a sign-out', async () => {
    const { timer, calls } = renewing()
    timer.schedule(lease())
    await vi.advanceTimersByTimeAsync(60_000)
    timer.stop()
    await vi.advanceTimersByTimeAsync(10 * HOUR * 1000)
    expect(calls).toHaveLength(0)
    expect(timer.pending).toBe(false)
  })

  it('schedules nothing from an answer that comes back after a sign-out', async () => {
    let answer!: () => void
    const calls: number[] = []
    const timer = new RenewalTimer(() => {
      calls.push(Date.now())
      return new Promise<Lease>((resolve) => (answer = () => resolve({ receivedAt: Date.now(), expiresIn: HOUR })))
    })
    timer.schedule(lease())
    await vi.advanceTimersByTimeAsync(RENEW_MS)
    timer.stop()
    answer()
    await vi.advanceTimersByTimeAsync(10 * HOUR * 1000)
    expect(calls).toHaveLength(1)
    expect(timer.pending).toBe(false)
  })

  it('renews at once a token already past its renewal time (a page reloaded late in its hour)', async () => {
    const { timer, calls } = renewing()
    timer.schedule({ receivedAt: Date.now() - 3_300_000, expiresIn: HOUR })
    await vi.advanceTimersByTimeAsync(0)
    expect(calls).toHaveLength(1)
    timer.stop()
  })

  it('leaves a token that ran out while the tab slept to the next call\'s 401', async () => {
    const { timer, calls } = renewing()
    timer.schedule({ receivedAt: Date.now() - 2 * HOUR * 1000, expiresIn: HOUR })
    await vi.advanceTimersByTimeAsync(HOUR * 1000)
    expect(calls).toHaveLength(0)
  })

  it('replaces the schedule of the token before when a new one arrives (a password change)', async () => {
    const { timer, calls } = renewing()
    const start = Date.now()
    timer.schedule(lease())
    await vi.advanceTimersByTimeAsync(1_000_000)
    timer.schedule(lease())
    await vi.advanceTimersByTimeAsync(RENEW_MS)
    expect(calls.map((at) => at - start)).toEqual([1_000_000 + RENEW_MS])
    timer.stop()
  })
})
