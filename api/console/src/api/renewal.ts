import type { Session } from './session'

// Renewing the session's token before it runs out (POST /auth/refresh, docs/security.md "Staying signed in"),
// kept apart from Vue, the api and the stored session so that its timing can be tested with fake timers
// (keepAlive.ts wires it to them). Every wait is counted on this computer's clock from when the token arrived,
// with the lifetime the api gave it: the token's `exp` is the api's clock, which a computer's may be minutes off.

/** A token as far as renewing it goes: when it arrived (this computer's ms) and how long the api said it lives (s). */
export interface Lease {
  receivedAt: number
  expiresIn: number
}

/** Renew once this share of the lifetime has gone (51 minutes of an hour): the rest leaves room for retries. */
export const RENEW_AT = 0.85
/** The first retry after a failed renewal; each one after waits twice as long, and none is past the token's end. */
export const FIRST_RETRY_MS = 10_000
export const MAX_RETRIES = 4
/** A renewal needs this long to come back before the token it is made with runs out. */
export const END_MARGIN_MS = 2_000

export const expiresAt = (lease: Lease) => lease.receivedAt + lease.expiresIn * 1000

/** When to renew: RENEW_AT of the lifetime after the token arrived. */
export const renewAt = (lease: Lease) => lease.receivedAt + Math.floor(lease.expiresIn * 1000 * RENEW_AT)

/**
 * When to try again after the `attempt`-th failure in a row (at `failedAt`): 10 s, 20 s, 40 s, 80 s later, but
 * never closer to the token's end than half of what is left, so the last tries still land before it. Null when
 * no try is left, or no time: the token then runs out, and the next call's 401 ends the session as any other.
 */
export function retryAt(lease: Lease, failedAt: number, attempt: number): number | null {
  if (attempt > MAX_RETRIES) return null
  const left = expiresAt(lease) - END_MARGIN_MS - failedAt
  if (left <= 0) return null
  return failedAt + Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), Math.floor(left / 2))
}

/** A stored session's lease; one kept before sessions had one is counted from now, to its token's expiry. */
export function leaseOf(session: Pick<Session, 'receivedAt' | 'expiresIn' | 'expiresAt'>, now = Date.now()): Lease {
  if (session.receivedAt !== undefined && session.expiresIn !== undefined) return { receivedAt: session.receivedAt, expiresIn: session.expiresIn }
  return { receivedAt: now, expiresIn: Math.max(0, Math.floor((session.expiresAt - now) / 1000)) }
}

/**
 * A refusal that no retry will change: 401, the session is over (past its 12 h or 30 days, the account disabled or
 * the token revoked: http.ts has already ended it), or 403, a token that cannot be renewed. Anything else (no
 * network, a 503) may pass.
 */
export function isFinal(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status
  return status === 401 || status === 403
}

/**
 * Renews one token at a time: `schedule` each token as it arrives (sign-in, password change, renewal), `stop` on
 * sign-out. `renew` asks the api, keeps the new token and answers its lease, which is scheduled in turn.
 */
export class RenewalTimer {
  private timer: ReturnType<typeof setTimeout> | undefined
  private lease: Lease | null = null
  private failures = 0
  /** Counts schedules and stops: an answer that comes back after either belongs to a token no longer in hand. */
  private generation = 0

  constructor(
    private readonly renew: () => Promise<Lease>,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Whether a renewal is waiting to happen. */
  get pending(): boolean {
    return this.timer !== undefined
  }

  /** A new token: renew it at RENEW_AT of its life, at once if that has passed, not at all if it ran out. */
  schedule(lease: Lease): void {
    this.cancel()
    this.generation++
    this.lease = lease
    this.failures = 0
    this.wakeAt(renewAt(lease))
  }

  /** Signed out: nothing more is renewed, not even by an answer on its way. */
  stop(): void {
    this.cancel()
    this.generation++
    this.lease = null
  }

  private wakeAt(at: number): void {
    this.timer = setTimeout(() => void this.fire(), Math.max(0, at - this.now()))
  }

  private async fire(): Promise<void> {
    this.timer = undefined
    const lease = this.lease
    const generation = this.generation
    // A tab asleep past the token's end has nothing to renew with: the next call's 401 ends the session.
    if (!lease || this.now() >= expiresAt(lease)) return
    let next: Lease
    try {
      next = await this.renew()
    } catch (error) {
      if (generation !== this.generation) return
      if (isFinal(error)) {
        this.stop()
        return
      }
      const retry = retryAt(lease, this.now(), ++this.failures)
      if (retry !== null) this.wakeAt(retry)
      return
    }
    // Keeping the new token may have scheduled it already (keepAlive.ts watches the session): once is enough.
    if (generation === this.generation) this.schedule(next)
  }

  private cancel(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }
}
