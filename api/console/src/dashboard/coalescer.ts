// Renders at most once per interval however fast values arrive: the first value after a quiet
// spell goes at once, the rest wait for the next slot and go merged. (The hub already paces its
// messages; this keeps charts calm when several arrive together, e.g. right after a reconnect.)

export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface Coalescer<T> {
  push(value: T): void
  /** Drops what is pending (e.g. when switching stores). */
  cancel(): void
}

export function createCoalescer<T>(
  deliver: (value: T) => void,
  merge: (older: T, newer: T) => T,
  intervalMs: number,
  clock: Clock = systemClock,
): Coalescer<T> {
  let pending: { value: T } | null = null
  let timer: unknown = null
  let lastDelivered = Number.NEGATIVE_INFINITY

  const flush = () => {
    timer = null
    if (!pending) return
    const { value } = pending
    pending = null
    lastDelivered = clock.now()
    deliver(value)
  }

  return {
    push(value: T) {
      pending = pending ? { value: merge(pending.value, value) } : { value }
      if (timer !== null) return
      const wait = lastDelivered + intervalMs - clock.now()
      if (wait <= 0) flush()
      else timer = clock.setTimeout(flush, wait)
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
      pending = null
    },
  }
}
