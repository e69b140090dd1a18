import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { whenUnauthorized } from '../../src/api/http'
import { keepSessionAlive } from '../../src/api/keepAlive'
import { accessToken, logout, memberId, state, viewer, type Session } from '../../src/api/session'
import { currentScope } from '../../src/dashboard/selection'

const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
const token = (claims: Record<string, unknown>) => `${b64({ alg: 'HS256' })}.${b64(claims)}.sig`
/** 85 % of the hour the api gives a token. */
const RENEW_MS = 3_060_000

let calls: Array<{ url: string; init: RequestInit }>
let answer: () => Response
const unauthorized = vi.fn()
let stop: () => void = () => {}

const staff = (): Session => ({
  token: 'staff-token-1', username: 'mgr-s001', roles: ['manager'], stores: ['s001'], expiresAt: Date.now() + 3_600_000, receivedAt: Date.now(), expiresIn: 3600,
})
const member = (): Session => ({
  token: 'member-token-1', username: '13812345678', roles: ['member'], stores: [], expiresAt: Date.now() + 3_600_000, memberId: 'M000123',
  receivedAt: Date.now(), expiresIn: 3600,
})

beforeEach(() => {
  vi.useFakeTimers()
  calls = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return answer()
  })
  whenUnauthorized(unauthorized)
})

afterEach(() => {
  stop()
  vi.unstubAllGlobals()
  vi.useRealTimers()
  unauthorized.mockReset()
  state.session = null
})

describe('keeping a session signed in', () => {
  it("swaps a staff member's token before it runs out, with today's roles and stores, and goes on", async () => {
    state.session = staff()
    stop = keepSessionAlive()
    const exp = Math.floor(Date.now() / 1000) + 3 * 3600
    const fresh = (n: number) => token({ sub: 'mgr-s001', role: 'manager', store: ['s001', 's002'], exp, n })
    let n = 0
    answer = () => Response.json({ accessToken: fresh(++n), tokenType: 'Bearer', expiresIn: 3600, roles: ['manager'] })

    await vi.advanceTimersByTimeAsync(RENEW_MS - 1)
    expect(calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)

    expect(calls).toHaveLength(1)
    expect(calls[0].url).toBe('/api/v1/auth/refresh')
    expect(calls[0].init.method).toBe('POST')
    expect(calls[0].init.body).toBeUndefined()
    expect(new Headers(calls[0].init.headers).get('Authorization')).toBe('Bearer staff-token-1')
    expect(accessToken()).toBe(fresh(1))
    expect(state.session).toMatchObject({ username: 'mgr-s001', roles: ['manager'], stores: ['s001', 's002'], expiresIn: 3600, receivedAt: Date.now() })
    expect(state.session?.memberId).toBeUndefined()

    // The renewed token is renewed in its turn, with itself.
    await vi.advanceTimersByTimeAsync(RENEW_MS)
    expect(calls).toHaveLength(2)
    expect(new Headers(calls[1].init.headers).get('Authorization')).toBe(`Bearer ${fresh(1)}`)
    expect(accessToken()).toBe(fresh(2))
  })

  it("keeps a member's session a member's", async () => {
    state.session = member()
    stop = keepSessionAlive()
    const fresh = token({ sub: 'M000123', role: 'member', exp: Math.floor(Date.now() / 1000) + 3600 })
    answer = () => Response.json({ accessToken: fresh, tokenType: 'Bearer', expiresIn: 3600, roles: ['member'], memberId: 'M000123' })

    await vi.advanceTimersByTimeAsync(RENEW_MS)

    expect(accessToken()).toBe(fresh)
    expect(viewer.value).toBe('member')
    expect(memberId.value).toBe('M000123')
    // The same member, under the name they signed in with.
    expect(state.session?.username).toBe('13812345678')
  })

  it('ends the session as any 401 does when the api refuses to renew it (past 12 hours, account disabled)', async () => {
    state.session = staff()
    stop = keepSessionAlive()
    answer = () => Response.json({ status: 401, code: 'auth.session_expired', detail: 'sign in again' }, { status: 401 })

    await vi.advanceTimersByTimeAsync(RENEW_MS)

    expect(state.session).toBeNull()
    expect(unauthorized).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(24 * 3_600_000)
    expect(calls).toHaveLength(1)
  })

  it('changes only the token and its times when the roles and stores stay: the dashboard keeps its scope', async () => {
    state.session = staff()
    stop = keepSessionAlive()
    const session = state.session
    const roles = state.session.roles
    const stores = state.session.stores
    const scope = currentScope.value
    answer = () => Response.json({ accessToken: token({ sub: 'mgr-s001', role: 'manager', store: 's001', exp: Math.floor(Date.now() / 1000) + 7200 }), expiresIn: 3600, roles: ['manager'] })

    await vi.advanceTimersByTimeAsync(RENEW_MS)

    expect(calls).toHaveLength(1)
    expect(state.session).toBe(session)
    expect(state.session?.roles).toBe(roles)
    expect(state.session?.stores).toBe(stores)
    expect(currentScope.value).toBe(scope)
    expect(currentScope.value).toEqual({ kind: 'store', storeId: 's001' })
  })

  it('renews nothing once signed out', async () => {
    state.session = member()
    stop = keepSessionAlive()
    await vi.advanceTimersByTimeAsync(60_000)
    logout()
    await vi.advanceTimersByTimeAsync(24 * 3_600_000)
    expect(calls).toHaveLength(0)
  })

  it('does not bring back a session signed out while its renewal was on its way', async () => {
    state.session = staff()
    stop = keepSessionAlive()
    let release!: () => void
    const fresh = token({ sub: 'mgr-s001', role: 'manager', exp: Math.floor(Date.now() / 1000) + 3600 })
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      calls.push({ url, init })
      return new Promise<Response>((resolve) => (release = () => resolve(Response.json({ accessToken: fresh, expiresIn: 3600, roles: ['manager'] }))))
    })
    await vi.advanceTimersByTimeAsync(RENEW_MS)
    logout()
    release()
    await vi.advanceTimersByTimeAsync(24 * 3_600_000)
    expect(state.session).toBeNull()
    expect(calls).toHaveLength(1)
  })

  it('schedules a token that arrives by sign-in after the timer started', async () => {
    stop = keepSessionAlive()
    await vi.advanceTimersByTimeAsync(10 * 3_600_000)
    expect(calls).toHaveLength(0)
    state.session = member()
    answer = () => Response.json({ accessToken: 'member-token-2', expiresIn: 3600, roles: ['member'], memberId: 'M000123' })
    await vi.advanceTimersByTimeAsync(RENEW_MS)
    expect(calls).toHaveLength(1)
    expect(accessToken()).toBe('member-token-2')
  })
})
