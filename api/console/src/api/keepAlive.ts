import { watch } from 'vue'
import { api } from './http'
import { leaseOf, RenewalTimer, type Lease } from './renewal'
import { renewSession, state, type TokenAnswer } from './session'

/**
 * Swaps the session's token for a fresh one (POST /auth/refresh, no body) and keeps it in the session in hand:
 * staff get today's roles and stores with it, a member stays who they are. A 401 (the session is past its 12 hours
 * or 30 days, the account was disabled or the member erased) ends the session in http.ts, as any call's 401 does.
 */
export async function renewToken(): Promise<Lease> {
  const token = state.session?.token
  if (!token) throw new Error('signed out')
  const answer = await api<TokenAnswer>('POST', '/auth/refresh')
  // Signed out, or another token came in (a password change), while asking: this answer must not bring it back.
  if (state.session?.token !== token) throw new Error('the session changed while its token was renewed')
  return leaseOf(renewSession(answer)!)
}

/**
 * Keeps every session's token fresh from sign-in to sign-out, staff and members alike (main.ts starts it once):
 * whenever the session's token changes (a sign-in, a password change, a renewal) its renewal is scheduled, and
 * when the session ends (sign-out, a 401) the timer stops. Answers a function that stops it all (for the tests).
 */
export function keepSessionAlive(renew: () => Promise<Lease> = renewToken): () => void {
  const timer = new RenewalTimer(renew)
  // Synchronous: a sign-out stops the timer before anything else can run.
  const unwatch = watch(
    () => state.session?.token,
    () => (state.session ? timer.schedule(leaseOf(state.session)) : timer.stop()),
    { immediate: true, flush: 'sync' },
  )
  return () => {
    unwatch()
    timer.stop()
  }
}
