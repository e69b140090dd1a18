// POST /auth/refresh (TokenRenewalApi.cs, docs/security.md "Staying signed in"): a live staff or member token is
// swapped for a fresh one, the session's start (`at`) kept, until the session is 12 hours (staff) or 30 days
// (members) old; then, or for an account disabled or a member erased meanwhile, 401 auth.session_expired.
// MOCK_SESSION_SECONDS shortens both limits, to watch a session end (e.g. MOCK_TOKEN_SECONDS=30 MOCK_SESSION_SECONDS=90).

import { members } from './memberStore.mjs'
import { memberTokenAnswer } from './memberSignIn.mjs'
import { json } from './signalr.mjs'
import { renewStaffToken } from './staff.mjs'

const SESSION_SECONDS = process.env.MOCK_SESSION_SECONDS ? Number(process.env.MOCK_SESSION_SECONDS) : null
const STAFF_SESSION_SECONDS = SESSION_SECONDS ?? 12 * 3600
const MEMBER_SESSION_SECONDS = SESSION_SECONDS ?? 30 * 86_400

const problem = (res, status, code, detail) => json(res, status, { type: 'about:blank', status, title: 'Unauthorized', code, detail })
const signInAgain = (res, detail) => problem(res, 401, 'auth.session_expired', detail)

/** POST /auth/refresh; false for any other path. `who` is null for a token that ran out or was revoked. */
export function renewalRoute(api, method, who, res) {
  if (api !== '/auth/refresh' || method !== 'POST') return false
  if (!who) return problem(res, 401, 'auth.unauthorized', 'The token is missing, expired or revoked.'), true
  const age = Date.now() / 1000 - (who.at ?? 0)
  const staff = who.role.some((r) => r === 'admin' || r === 'manager')
  if (!staff && who.role.includes('member')) {
    if (age >= MEMBER_SESSION_SECONDS) return signInAgain(res, 'The session began too long ago: sign in again.'), true
    if (!members.has(who.sub)) return signInAgain(res, 'The member no longer exists.'), true
    return json(res, 200, memberTokenAnswer(who.sub, who.at)), true
  }
  if (!staff) return problem(res, 403, 'auth.forbidden', 'Lanes and gateways sign in with their client credentials.'), true
  if (age >= STAFF_SESSION_SECONDS) return signInAgain(res, 'The session began more than 12 hours ago: sign in again.'), true
  const renewed = renewStaffToken(who)
  return renewed ? json(res, 200, renewed) : signInAgain(res, 'The account is disabled.'), true
}
