import type { MemberCode } from '../api/me'

// The app's member code (会员码, docs/member-codes.md) as the portal shows it. Every wait is a span between two
// of the server's own timestamps, counted on the phone from when the answer arrived: a phone whose clock is
// hours (or a time zone) off still shows the next code on time and knows when the shown one has run out.

/** Never sooner (a repeat of the same code, a silo's clock a little behind) nor later than this. */
export const MIN_REFRESH_MS = 5_000
export const MAX_REFRESH_MS = 5 * 60_000
/** When the answer's timestamps cannot be read: the api's step is a minute. */
export const DEFAULT_REFRESH_MS = 60_000
/** Past its refresh by this much with no new code (a fetch hanging, the tab asleep), the code may be out of date. */
export const OVERDUE_MS = 15_000

/** 26 digits read in fours, as a cashier types them: "9123 4567 …"; anything else as it is. */
export function groupDigits(code: string): string {
  return /^\d+$/.test(code) ? code.replace(/(\d{4})(?=\d)/g, '$1 ') : code
}

/** Milliseconds from one of the server's timestamps to another; NaN when either cannot be read. */
const span = (from: string, to: string) => Date.parse(to) - Date.parse(from)

const clamp = (ms: number) => Math.min(MAX_REFRESH_MS, Math.max(MIN_REFRESH_MS, ms))

/** How long after the answer arrived to fetch the next code: `refreshAt − issuedAt`, never the phone's clock. */
export function refreshDelay(answer: Pick<MemberCode, 'issuedAt' | 'refreshAt'>): number {
  const ms = span(answer.issuedAt, answer.refreshAt)
  return Number.isFinite(ms) ? clamp(ms) : DEFAULT_REFRESH_MS
}

/**
 * The wait after the `failures`-th failed fetch in a row: 5 s, 10 s, 20 s, 40 s, then every minute. Soon at first,
 * since the member is probably standing at the till, but not hammering an api that is down.
 */
export function retryDelay(failures: number): number {
  const n = Math.max(1, Math.floor(failures) || 1)
  return Math.min(DEFAULT_REFRESH_MS, MIN_REFRESH_MS * 2 ** Math.min(n - 1, 10))
}

/** The code on screen: the api's answer, when it arrived (the phone's ms) and whether the last fetch since failed. */
export interface ShownCode {
  answer: MemberCode
  receivedAt: number
  failed: boolean
}

/**
 * What the member should be told about the code on screen: `fresh`; `stale`, it may not be the latest (a fetch
 * failed, or the next code is overdue), though a lane still takes it; `expired`, past `validUntil`: a lane refuses it.
 */
export type Freshness = 'fresh' | 'stale' | 'expired'

export function freshness(shown: ShownCode, now: number): Freshness {
  const elapsed = now - shown.receivedAt
  const lifetime = span(shown.answer.issuedAt, shown.answer.validUntil)
  if (Number.isFinite(lifetime) && elapsed >= lifetime) return 'expired'
  return shown.failed || elapsed > refreshDelay(shown.answer) + OVERDUE_MS ? 'stale' : 'fresh'
}
