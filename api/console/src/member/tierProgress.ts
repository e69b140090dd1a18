import type { TierProgress } from '../api/me'

// A member reaches the next tier by spend OR by visits over 12 months (TierDefinition.IsQualifiedBy),
// so the progress shown is the nearer of the two.

export interface TierStanding {
  /** The highest tier: nothing left to reach. */
  top: boolean
  nextTier: string | null
  /** Whole percent, 0–100, of the nearer way up. */
  percent: number
  spendPercent: number
  visitsPercent: number
  spendToNextTier: number
  visitsToNextTier: number
  /** The way that is nearer (spend on a tie: it is the one members feel). */
  nearer: 'spend' | 'visits'
}

/** Progress from `done` to `done + missing`, in whole percent (integer arithmetic: spend is fen). */
export function percentOf(done: number, missing: number): number {
  const have = Math.max(0, Math.trunc(done))
  const need = have + Math.max(0, Math.trunc(missing))
  return need === 0 ? 100 : Math.min(100, Math.floor((have * 100) / need))
}

export function tierStanding(progress: Partial<TierProgress> | null | undefined): TierStanding {
  const nextTier = progress?.nextTier ?? null
  const spendToNextTier = Math.max(0, progress?.spendToNextTier ?? 0)
  const visitsToNextTier = Math.max(0, progress?.visitsToNextTier ?? 0)
  if (nextTier === null) {
    return { top: true, nextTier, percent: 100, spendPercent: 100, visitsPercent: 100, spendToNextTier: 0, visitsToNextTier: 0, nearer: 'spend' }
  }
  const spendPercent = percentOf(progress?.spend12m ?? 0, spendToNextTier)
  const visitsPercent = percentOf(progress?.visits12m ?? 0, visitsToNextTier)
  return {
    top: false,
    nextTier,
    percent: Math.max(spendPercent, visitsPercent),
    spendPercent,
    visitsPercent,
    spendToNextTier,
    visitsToNextTier,
    nearer: visitsPercent > spendPercent ? 'visits' : 'spend',
  }
}
