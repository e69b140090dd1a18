import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CodeTicker } from '../../src/member/codeTicker'
import { DEFAULT_REFRESH_MS, refreshDelay, retryDelay } from '../../src/member/memberCode'

/** The api's answers, a minute apart, each issued 5 s into its minute. */
const answer = (minute: number) => ({
  issuedAt: `2026-12-03T12:0${minute}:05+00:00`,
  refreshAt: `2026-12-03T12:0${minute + 1}:00+00:00`,
})

/** A ticker whose fetches answer the api's next code (or fail), counting them. */
function ticking(fail: (n: number) => boolean = () => false) {
  const fetches: number[] = []
  let failures = 0
  const ticker = new CodeTicker(async () => {
    const n = fetches.push(Date.now()) - 1
    if (fail(n)) return retryDelay(++failures)
    failures = 0
    return refreshDelay(answer(n))
  })
  return { ticker, fetches }
}

beforeEach(() => {
  vi.useFakeTimers()
  // The phone's clock: hours away from the api's 12:00.
  vi.setSystemTime(new Date('2026-12-03T03:17:42Z'))
})

afterEach(() => {
  vi.useRealTimers()
})

describe('the member code on screen', () => {
  it('is replaced when the api says, 55 s after its answer, although the phone clock is hours off', async () => {
    const { ticker, fetches } = ticking()
    ticker.now()
    await vi.advanceTimersByTimeAsync(0)
    expect(fetches).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(54_999)
    expect(fetches).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(fetches).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(55_000)
    expect(fetches).toHaveLength(3)
    ticker.stop()
  })

  it('stops changing once the page is left: no fetch after stop, not even from an answer on its way', async () => {
    const { ticker, fetches } = ticking()
    ticker.now()
    ticker.stop()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(fetches).toHaveLength(1)
  })

  it('is fetched at once when the tab comes back into view, and then on the new answer\'s schedule', async () => {
    const { ticker, fetches } = ticking()
    ticker.now()
    await vi.advanceTimersByTimeAsync(10_000)
    ticker.stop() // hidden
    await vi.advanceTimersByTimeAsync(5 * 60_000)
    expect(fetches).toHaveLength(1)
    ticker.now() // visible again
    await vi.advanceTimersByTimeAsync(0)
    expect(fetches).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(55_000)
    expect(fetches).toHaveLength(3)
    ticker.stop()
  })

  it('is fetched at once on Refresh, which restarts the wait instead of adding a second timer', async () => {
    const { ticker, fetches } = ticking()
    ticker.now()
    await vi.advanceTimersByTimeAsync(30_000)
    ticker.now()
    await vi.advanceTimersByTimeAsync(0)
    expect(fetches).toHaveLength(2)
    // The first wait would have ended 25 s from here: only the new one (55 s) counts.
    await vi.advanceTimersByTimeAsync(54_000)
    expect(fetches).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(fetches).toHaveLength(3)
    ticker.stop()
  })

  it('is fetched once however often Refresh is pressed while a fetch is on its way', async () => {
    let answer: (wait: number) => void = () => {}
    const load = vi.fn(() => new Promise<number>((resolve) => (answer = resolve)))
    const ticker = new CodeTicker(load)
    ticker.now()
    ticker.now()
    ticker.now()
    expect(load).toHaveBeenCalledTimes(1)
    answer(55_000)
    await vi.advanceTimersByTimeAsync(55_000)
    expect(load).toHaveBeenCalledTimes(2)
    ticker.stop()
  })

  it('is tried again after a failed fetch, sooner than a minute at first', async () => {
    const { ticker, fetches } = ticking((n) => n === 1 || n === 2)
    ticker.now()
    await vi.advanceTimersByTimeAsync(55_000) // the second fetch fails
    expect(fetches).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(5_000) // so does the first retry
    expect(fetches).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(10_000) // the second retry gets a code
    expect(fetches).toHaveLength(4)
    await vi.advanceTimersByTimeAsync(55_000)
    expect(fetches).toHaveLength(5)
    ticker.stop()
  })

  it('keeps refreshing even if a fetch throws unexpectedly', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValue(55_000)
    const ticker = new CodeTicker(load)
    ticker.now()
    await vi.advanceTimersByTimeAsync(DEFAULT_REFRESH_MS)
    expect(load).toHaveBeenCalledTimes(2)
    ticker.stop()
  })
})
