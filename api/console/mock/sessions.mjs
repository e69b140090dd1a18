// The mock's tokens (unsigned: the console never verifies them) and their revocation, as the api's
// TokenRevocations: revoking a subject ends every token it was issued until then, at once, while a token
// issued afterwards (a password change's new one) works. Tokens are numbered rather than timed, so one
// issued in the same millisecond as a revocation is still told apart.

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url')
const revokedUpTo = new Map()
let issued = 0

/** Staff, members and devices are revoked apart (a staff member may share a name with a device's client id). */
const kindOf = (role) => (role.includes('member') ? 'member' : role.some((r) => r === 'lane' || r === 'gateway') ? 'device' : 'staff')
const subjectOf = (sub, role) => `${kindOf(role)}:${sub}`

export const token = (sub, role, store) =>
  `${b64({ alg: 'none' })}.${b64({ sub, role, store, n: ++issued, exp: Math.floor(Date.now() / 1000) + 8 * 3600 })}.mock`

export function revoke(sub, role) {
  revokedUpTo.set(subjectOf(sub, role), issued)
}

/** Whether the api would still take a token with these claims. */
export const isLive = (claims) => (claims.n ?? 0) > (revokedUpTo.get(subjectOf(claims.sub, claims.role ?? [])) ?? 0)
