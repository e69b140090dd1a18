// The mock's tokens (unsigned: the console never verifies them), their expiry and their revocation, as the api's
// TokenRevocations: revoking a subject ends every token it was issued until then, at once, while a token
// issued afterwards (a password change's new one) works. Tokens are numbered rather than timed, so one
// issued in the same millisecond as a revocation is still told apart.
//
// A token lives TOKEN_SECONDS (MOCK_TOKEN_SECONDS, 3600 as the api's Auth:AccessTokenMinutes): set it to 30 to
// watch the console renew its token (POST /auth/refresh) every 25 s. Each token carries `at`, when its session
// began with a password or a code (the api's auth_time), which a renewal keeps.

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url')
const revokedUpTo = new Map()
let issued = 0

export const TOKEN_SECONDS = Number(process.env.MOCK_TOKEN_SECONDS ?? 3600)

/** Staff, members and devices are revoked apart (a staff member may share a name with a device's client id). */
const kindOf = (role) => (role.includes('member') ? 'member' : role.some((r) => r === 'lane' || r === 'gateway') ? 'device' : 'staff')
const subjectOf = (sub, role) => `${kindOf(role)}:${sub}`

/**
 * A token for `sub`, living `seconds` (devices: a 12-hour shift); `at` (s) carries a renewed session's start, else
 * the session starts now.
 */
export function token(sub, role, store, { at = Math.floor(Date.now() / 1000), seconds = TOKEN_SECONDS } = {}) {
  return `${b64({ alg: 'none' })}.${b64({ sub, role, store, at, n: ++issued, exp: Math.floor(Date.now() / 1000) + seconds })}.mock`
}

export function revoke(sub, role) {
  revokedUpTo.set(subjectOf(sub, role), issued)
}

/** Whether the api would still take a token with these claims: not run out, not revoked. */
export const isLive = (claims) =>
  (claims.exp ?? Infinity) * 1000 > Date.now() && (claims.n ?? 0) > (revokedUpTo.get(subjectOf(claims.sub, claims.role ?? [])) ?? 0)
