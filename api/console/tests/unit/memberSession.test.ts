import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, whenUnauthorized } from '../../src/api/http'
import { register, sendCode, signIn } from '../../src/api/memberAuth'
import { memberId, state, viewer, viewerOf, type Session } from '../../src/api/session'

const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
const token = (claims: Record<string, unknown>) => `${b64({ alg: 'HS256' })}.${b64(claims)}.sig`
const EXP = Math.floor(Date.now() / 1000) + 3600

let calls: Array<{ url: string; init: RequestInit }>
let answer: () => Response
const unauthorized = vi.fn()

beforeEach(() => {
  calls = []
  state.session = null
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return answer()
  })
  whenUnauthorized(unauthorized)
})

afterEach(() => {
  vi.unstubAllGlobals()
  unauthorized.mockReset()
  state.session = null
})

const session = (roles: string[], extra: Partial<Session> = {}): Session => ({ token: 't', username: 'u', roles, stores: [], expiresAt: Date.now() + 60_000, ...extra })

describe('who is signed in', () => {
  it('tells staff, members and no one apart', () => {
    expect(viewerOf(null)).toBe('anonymous')
    expect(viewerOf(session(['admin']))).toBe('staff')
    expect(viewerOf(session(['manager']))).toBe('staff')
    expect(viewerOf(session(['member'], { memberId: 'M1' }))).toBe('member')
    expect(viewerOf(session(['member']))).toBe('anonymous')
    expect(viewerOf(session(['member', 'admin'], { memberId: 'M1' }))).toBe('staff')
    expect(viewerOf(session(['admin'], { expiresAt: 1 }))).toBe('anonymous')
  })
})

describe('a member signing in', () => {
  it('sends phone and password without a token and keeps the member token as the session', async () => {
    answer = () => Response.json({ accessToken: token({ sub: 'M000123', role: 'member', exp: EXP }), tokenType: 'Bearer', expiresIn: 3600, roles: ['member'], memberId: 'M000123' })

    await signIn('13812345678', { password: 'member123' })

    expect(calls[0].url).toBe('/api/v1/members/login')
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ phone: '13812345678', password: 'member123' })
    expect(new Headers(calls[0].init.headers).has('Authorization')).toBe(false)
    expect(viewer.value).toBe('member')
    expect(memberId.value).toBe('M000123')
    expect(state.session?.expiresAt).toBe(EXP * 1000)
  })

  it("takes the member id from the token's subject when the answer leaves it out", async () => {
    answer = () => Response.json({ accessToken: token({ sub: 'M7', role: 'member', exp: EXP }) })
    await signIn('13812345678', { otp: '123456' })
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ phone: '13812345678', otp: '123456' })
    expect(memberId.value).toBe('M7')
  })

  it("throws a wrong password's 401 with the api's detail, and signs no one out", async () => {
    state.session = session(['member'], { memberId: 'M1' })
    answer = () => Response.json({ status: 401, code: 'auth.invalid_credentials', detail: 'Unknown phone, or wrong password or code.' }, { status: 401 })

    const error = await signIn('13812345678', { password: 'wrong-one' }).catch((e) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 401, code: 'auth.invalid_credentials', message: 'Unknown phone, or wrong password or code.' })
    expect(unauthorized).not.toHaveBeenCalled()
    expect(state.session).not.toBeNull()
  })
})

describe('registration and codes', () => {
  it('registers anonymously and hands back field problems by field', async () => {
    answer = () => Response.json({ status: 400, code: 'request.invalid', title: 'The request is not valid.', errors: { phone: ['is required'] } }, { status: 400 })
    const error = await register({ phone: '', name: 'x', password: 'abcdefgh', channel: 'web', consentMarketing: false, otp: '123456' }).catch((e) => e)
    expect(calls[0].init.method).toBe('POST')
    expect(calls[0].url).toBe('/api/v1/members')
    expect(new Headers(calls[0].init.headers).has('Authorization')).toBe(false)
    expect(error.errors).toEqual({ phone: ['is required'] })
  })

  it('reads when a code may be sent again', async () => {
    answer = () => Response.json({ expiresIn: 300, resendAfter: 60 }, { status: 202 })
    expect(await sendCode('13812345678')).toEqual({ expiresIn: 300, resendAfter: 60 })
  })

  it('asks for a sign-in code without a purpose, and for a registration code with one', async () => {
    answer = () => Response.json({ expiresIn: 300, resendAfter: 60 }, { status: 202 })
    await sendCode('13812345678')
    await sendCode('13912345678', 'registration')
    expect(calls.map((c) => [c.url, c.init.method, JSON.parse(String(c.init.body))])).toEqual([
      ['/api/v1/members/otp', 'POST', { phone: '13812345678' }],
      ['/api/v1/members/otp', 'POST', { phone: '13912345678', purpose: 'registration' }],
    ])
    expect(new Headers(calls[1].init.headers).has('Authorization')).toBe(false)
  })
})
