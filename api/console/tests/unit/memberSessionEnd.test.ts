import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setPassword, signOutEverywhere } from '../../src/api/me'
import { accessToken, memberId, state, viewer } from '../../src/api/session'

const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
const token = (claims: Record<string, unknown>) => `${b64({ alg: 'HS256' })}.${b64(claims)}.sig`
const EXP = Math.floor(Date.now() / 1000) + 3600

let calls: Array<{ url: string; init: RequestInit }>
let answer: () => Response

beforeEach(() => {
  calls = []
  state.session = { token: 'old-member-token', username: 'M000123', roles: ['member'], stores: [], expiresAt: Date.now() + 60_000, memberId: 'M000123' }
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return answer()
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
  state.session = null
})

describe("a member's sessions", () => {
  it('switches to the token the api answers a password change with (the old one no longer works)', async () => {
    const fresh = token({ sub: 'M000123', role: 'member', exp: EXP })
    answer = () => Response.json({ accessToken: fresh, tokenType: 'Bearer', expiresIn: 3600, roles: ['member'], memberId: 'M000123' })

    await setPassword('M000123', 'spring-2026')

    expect(calls[0].url).toBe('/api/v1/members/M000123/password')
    expect(calls[0].init.method).toBe('PUT')
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ password: 'spring-2026' })
    expect(new Headers(calls[0].init.headers).get('Authorization')).toBe('Bearer old-member-token')
    expect(accessToken()).toBe(fresh)
    expect(viewer.value).toBe('member')
    expect(memberId.value).toBe('M000123')
    expect(state.session?.expiresAt).toBe(EXP * 1000)
  })

  it('keeps the token in hand when the api answers no new one (204)', async () => {
    answer = () => new Response(null, { status: 204 })
    await setPassword('M000123', 'spring-2026')
    expect(accessToken()).toBe('old-member-token')
  })

  it('asks the api to end every session of the member', async () => {
    answer = () => new Response(null, { status: 204 })
    await signOutEverywhere('M000123')
    expect(calls[0].url).toBe('/api/v1/members/M000123/sign-out-everywhere')
    expect(calls[0].init.method).toBe('POST')
  })
})
