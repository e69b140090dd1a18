import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { issueCredentials, listDevices, revokeDevice } from '../../src/api/devices'
import { state, type Session } from '../../src/api/session'
import { createStaff, disableStaff, enableStaff, listStaff, resetStaffPassword, updateStaff, upsertAccount } from '../../src/api/staff'

let calls: Array<{ url: string; method: string; body: unknown; auth: string | null }>
let answer: () => Response

beforeEach(() => {
  calls = []
  state.session = { token: 'admin-token', username: 'admin', roles: ['admin'], stores: [], expiresAt: Date.now() + 60_000 } satisfies Session
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, method: String(init.method), body: init.body ? JSON.parse(String(init.body)) : undefined, auth: new Headers(init.headers).get('Authorization') })
    return answer()
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
  state.session = null
})

const account = { username: 'mgr-s001', roles: ['manager'], storeIds: ['s001'], createdAt: '2026-11-22T02:00:00Z', disabled: false, disabledAt: null }

describe('staff accounts api', () => {
  it('lists, creates, changes, disables, enables and resets with the bearer token', async () => {
    answer = () => Response.json([account])
    expect(await listStaff()).toEqual([account])
    answer = () => Response.json(account)
    await createStaff({ username: 'mgr-s001', password: 'spring-2026!', roles: ['manager'], storeIds: ['s001'] })
    await updateStaff('mgr s001', { roles: ['manager'], storeIds: ['s002'] })
    await disableStaff('mgr-s001')
    await enableStaff('mgr-s001')
    answer = () => new Response(null, { status: 204 })
    await resetStaffPassword('mgr-s001', 'autumn-2026!')

    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['GET', '/api/v1/staff', undefined],
      ['POST', '/api/v1/staff', { username: 'mgr-s001', password: 'spring-2026!', roles: ['manager'], storeIds: ['s001'] }],
      ['PATCH', '/api/v1/staff/mgr%20s001', { roles: ['manager'], storeIds: ['s002'] }],
      ['POST', '/api/v1/staff/mgr-s001/disable', {}],
      ['POST', '/api/v1/staff/mgr-s001/enable', {}],
      ['PUT', '/api/v1/staff/mgr-s001/password', { password: 'autumn-2026!' }],
    ])
    expect(calls.every((c) => c.auth === 'Bearer admin-token')).toBe(true)
  })

  it('hands back a refusal with its code', async () => {
    answer = () => Response.json({ status: 409, code: 'staff.last_admin', detail: "'admin' is the only enabled administrator" }, { status: 409 })
    await expect(disableStaff('admin')).rejects.toMatchObject({ status: 409, code: 'staff.last_admin' })
    expect(state.session).not.toBeNull()
  })

  it('puts a new account first and replaces a changed one in place, keeping what the answer left out', () => {
    const other = { ...account, username: 'admin', roles: ['admin'], storeIds: [] }
    const created = upsertAccount([other], { username: 'mgr-s002', roles: ['manager'], storeIds: ['s002'] })
    expect(created.map((a) => a.username)).toEqual(['mgr-s002', 'admin'])
    expect(created[0]).toMatchObject({ disabled: false, disabledAt: null })
    const changed = upsertAccount([other, account], { username: 'mgr-s001', roles: ['manager'], storeIds: ['s003'] })
    expect(changed[1]).toEqual({ ...account, storeIds: ['s003'] })
    expect(upsertAccount(changed, { ...account, disabled: true, disabledAt: '2026-11-23T01:00:00Z' })[1].disabled).toBe(true)
  })
})

describe('device credentials api', () => {
  const device = { deviceId: 'lane-01', clientId: 's 001.lane-01.abc123', role: 'lane', createdAt: '2026-11-22T02:00:00Z', disabled: false, disabledAt: null }

  it("lists a store's devices, issues credentials and revokes, answering the store's list", async () => {
    answer = () => Response.json([device])
    expect(await listDevices('s 001')).toEqual([device])
    answer = () => Response.json({ clientId: 's001.lane-01.abc123', clientSecret: 'secret', storeId: 's001', deviceId: 'lane-01', role: 'lane' }, { status: 201 })
    expect((await issueCredentials('s001', 'lane-01', 'lane')).clientSecret).toBe('secret')
    answer = () => Response.json([{ ...device, disabled: true, disabledAt: '2026-11-22T03:00:00Z' }])
    expect((await revokeDevice('s001', 'lane-01'))[0].disabled).toBe(true)

    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['GET', '/api/v1/stores/s%20001/devices', undefined],
      ['POST', '/api/v1/stores/s001/devices', { deviceId: 'lane-01', role: 'lane' }],
      ['POST', '/api/v1/stores/s001/devices/lane-01/revoke', {}],
    ])
  })
})

describe('stores api', () => {
  it('lists the stores and saves one under its id', async () => {
    const { listStores, saveStore } = await import('../../src/api/stores')
    const store = { storeId: 's 004', name: '静安寺店', timeZone: 'Asia/Shanghai', region: '华东' }
    answer = () => Response.json([store])
    expect(await listStores()).toEqual([store])
    answer = () => Response.json(store)
    expect(await saveStore('s 004', { name: '静安寺店', timeZone: 'Asia/Shanghai', region: '华东' })).toEqual(store)
    expect(calls.map((c) => [c.method, c.url, c.body, c.auth])).toEqual([
      ['GET', '/api/v1/stores', undefined, 'Bearer admin-token'],
      ['PUT', '/api/v1/stores/s%20004', { name: '静安寺店', timeZone: 'Asia/Shanghai', region: '华东' }, 'Bearer admin-token'],
    ])
  })

  it('reports a card lost and found at the desk for a store', async () => {
    const { markCardFound, markCardLost } = await import('../../src/api/members')
    answer = () => Response.json({ cardNo: '8800012345', status: 'lost' })
    expect(await markCardLost('8800012345', { storeId: 's001' })).toMatchObject({ status: 'lost' })
    answer = () => Response.json({ cardNo: '8800012345', status: 'active' })
    await markCardFound('8800012345', {})
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['POST', '/api/v1/cards/8800012345/lost', { storeId: 's001' }],
      ['POST', '/api/v1/cards/8800012345/found', {}],
    ])
  })
})
