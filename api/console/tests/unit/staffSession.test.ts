import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, get, whenUnauthorized } from '../../src/api/http'
import { changeOwnPassword } from '../../src/api/ownPassword'
import { accessToken, state, type Session } from '../../src/api/session'

const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
const token = (claims: Record<string, unknown>) => `${b64({ alg: 'HS256' })}.${b64(claims)}.sig`
const EXP = Math.floor(Date.now() / 1000) + 3600

let calls: Array<{ url: string; init: RequestInit }>
let answer: (url: string) => Response | Promise<Response>
const unauthorized = vi.fn()
const staff = (): Session => ({ token: 'old-token', username: 'mgr-s001', roles: ['manager'], stores: ['s001'], expiresAt: Date.now() + 60_000 })

beforeEach(() => {
  calls = []
  state.session = staff()
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return answer(url)
  })
  whenUnauthorized(unauthorized)
})

afterEach(() => {
  vi.unstubAllGlobals()
  unauthorized.mockReset()
  state.session = null
})

describe('a session the api no longer takes (401)', () => {
  it('ends the session and sends the person to sign in, whatever call met it', async () => {
    answer = () => Response.json({ status: 401, code: 'auth.unauthorized' }, { status: 401 })

    const error = await get('/campaigns').catch((e) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 401, code: 'auth.unauthorized' })
    expect(state.session).toBeNull()
    expect(unauthorized).toHaveBeenCalledTimes(1)
  })

  it('signs no one out for a refusal of another kind', async () => {
    answer = () => Response.json({ status: 403, code: 'auth.forbidden' }, { status: 403 })
    await expect(get('/staff')).rejects.toMatchObject({ status: 403 })
    expect(state.session).not.toBeNull()
    expect(unauthorized).not.toHaveBeenCalled()
  })

  it("keeps the new token when a call made with the old one is refused after it was replaced", async () => {
    let refuse!: () => void
    answer = () => new Promise<Response>((resolve) => (refuse = () => resolve(new Response(null, { status: 401 }))))
    const late = get('/campaigns').catch((e) => e)
    state.session = { ...staff(), token: 'new-token' }
    refuse()

    expect(await late).toMatchObject({ status: 401 })
    expect(accessToken()).toBe('new-token')
    expect(unauthorized).not.toHaveBeenCalled()
  })
})

describe("a staff member changing their own password", () => {
  it('sends the current and new password with the old token and keeps the new token as the session', async () => {
    const fresh = token({ sub: 'mgr-s001', role: 'manager', store: 's001', exp: EXP })
    answer = () => Response.json({ accessToken: fresh, tokenType: 'Bearer', expiresIn: 3600, roles: ['manager'] })

    await changeOwnPassword('old-password', 'new-password-1')

    expect(calls[0].url).toBe('/api/v1/auth/password')
    expect(calls[0].init.method).toBe('POST')
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ currentPassword: 'old-password', newPassword: 'new-password-1' })
    expect(new Headers(calls[0].init.headers).get('Authorization')).toBe('Bearer old-token')
    expect(state.session).toMatchObject({ token: fresh, username: 'mgr-s001', roles: ['manager'], stores: ['s001'], expiresAt: EXP * 1000 })
    expect(state.session?.memberId).toBeUndefined()
  })

  it('keeps the session as it was when the current password is wrong', async () => {
    answer = () => Response.json({ status: 422, code: 'auth.wrong_password', detail: 'The current password is wrong.' }, { status: 422 })
    await expect(changeOwnPassword('wrong', 'new-password-1')).rejects.toMatchObject({ status: 422, code: 'auth.wrong_password' })
    expect(accessToken()).toBe('old-token')
    expect(unauthorized).not.toHaveBeenCalled()
  })
})
