// The sign-in code's resend button. The api answers every request alike (202 with `resendAfter`) and
// does not say when a code was not sent because it was asked for too soon: the client counts down.

export const DEFAULT_RESEND_AFTER = 60

/** The moment (ms) another code may be asked for, counted from when the api answered. */
export function resendAt(answeredAt: number, resendAfter: number | null | undefined): number {
  const seconds = Number.isFinite(resendAfter) && (resendAfter as number) >= 0 ? (resendAfter as number) : DEFAULT_RESEND_AFTER
  return answeredAt + seconds * 1000
}

/** Whole seconds left until `at`, rounded up so the button never shows 0 while still waiting. */
export function secondsUntil(at: number | null, now: number): number {
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000))
}

export type CodeButton = { state: 'send' } | { state: 'wait'; seconds: number } | { state: 'resend' }

/** `nextAt`: null until a code was asked for. */
export function codeButton(nextAt: number | null, now: number): CodeButton {
  if (nextAt === null) return { state: 'send' }
  const seconds = secondsUntil(nextAt, now)
  return seconds > 0 ? { state: 'wait', seconds } : { state: 'resend' }
}

/** The minutes a sent code is good for, as the notice says them (at least 1; 5 when the api does not say). */
export function validMinutes(expiresIn: number | null | undefined): number {
  return Math.max(1, Math.ceil((expiresIn ?? 300) / 60))
}
