import { describe, expect, it } from 'vitest'
import { createCoalescer, type Clock } from '../../src/dashboard/coalescer'

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0
  let timers: Array<{ at: number; callback: () => void; id: number }> = []
  let nextId = 1
  const clock: Clock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++
      timers.push({ at: now + ms, callback, id })
      return id
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id)
    },
  }
  const advance = (ms: number) => {
    now += ms
    const due = timers.filter((t) => t.at <= now)
    timers = timers.filter((t) => t.at > now)
    due.forEach((t) => t.callback())
  }
  return { clock, advance }
}

describe('coalescing a burst of updates', () => {
  it('delivers the first at once and the rest of a burst as one merged value at the next slot', () => {
    const { clock, advance } = manualClock()
    const delivered: number[][] = []
    const c = createCoalescer<number[]>((v) => delivered.push(v), (a, b) => [...a, ...b], 250, clock)

    for (let i = 1; i <= 1000; i++) c.push([i])
    expect(delivered).toEqual([[1]])

    advance(249)
    expect(delivered).toHaveLength(1)
    advance(1)
    expect(delivered).toHaveLength(2)
    expect(delivered[1]).toHaveLength(999)
    expect(delivered[1].at(-1)).toBe(1000)
  })

  it('never delivers more than once per interval however long the burst lasts', () => {
    const { clock, advance } = manualClock()
    let deliveries = 0
    const c = createCoalescer<number>(() => deliveries++, (_, b) => b, 250, clock)
    for (let ms = 0; ms < 10_000; ms += 10) {
      c.push(ms)
      advance(10)
    }
    expect(deliveries).toBeLessThanOrEqual(10_000 / 250 + 1)
    expect(deliveries).toBeGreaterThanOrEqual(10_000 / 250 - 1)
  })

  it('drops what is pending when cancelled (switching stores)', () => {
    const { clock, advance } = manualClock()
    const delivered: string[] = []
    const c = createCoalescer<string>((v) => delivered.push(v), (_, b) => b, 250, clock)
    c.push('s001-a')
    c.push('s001-b')
    c.cancel()
    advance(1000)
    expect(delivered).toEqual(['s001-a'])
  })
})
