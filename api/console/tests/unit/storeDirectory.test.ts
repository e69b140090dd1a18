import { describe, expect, it } from 'vitest'
import type { Store } from '../../src/api/stores'
import { StoreDirectory, sessionKey, withStore } from '../../src/staff/storeDirectory'
import { filterStores, knownStores, offeredStores, regionsOf, storeNames, storeRows } from '../../src/staff/stores'

const s001: Store = { storeId: 's001', name: '人民广场店', timeZone: 'Asia/Shanghai', region: '华东' }
const s002: Store = { storeId: 's002', name: '徐家汇店', timeZone: 'Asia/Shanghai', region: '华东' }
const s003: Store = { storeId: 's003', name: '乌鲁木齐店', timeZone: 'Asia/Urumqi', region: '西北' }

/** A fake GET /stores whose answers the test hands out one at a time. */
function api() {
  const calls: Array<{ resolve: (stores: Store[]) => void; reject: (e: unknown) => void }> = []
  const fetch = () => new Promise<Store[]>((resolve, reject) => calls.push({ resolve, reject }))
  return { calls, directory: new StoreDirectory(fetch) }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the list of stores, read once per session', () => {
  it('asks the api once, whoever asks and however often, and answers the same list sorted by id', async () => {
    const { calls, directory } = api()
    const first = directory.load('admin')
    const second = directory.load('admin')
    expect(calls).toHaveLength(1)
    expect(directory.state.loading).toBe(true)
    calls[0].resolve([s002, s001])
    expect(await first).toEqual([s001, s002])
    expect(await second).toEqual([s001, s002])
    expect(await directory.load('admin')).toEqual([s001, s002])
    await settle()
    expect(calls).toHaveLength(1)
    expect(directory.state).toMatchObject({ loaded: true, loading: false, failed: false })
  })

  it('reads the list again when asked to (the refresh button)', async () => {
    const { calls, directory } = api()
    const first = directory.load('admin')
    calls[0].resolve([s001])
    await first
    const again = directory.load('admin', true)
    expect(calls).toHaveLength(2)
    calls[1].resolve([s001, s002])
    expect(await again).toEqual([s001, s002])
  })

  it('lists a saved store at once, reads the list again, and lets no older answer undo the save', async () => {
    const { calls, directory } = api()
    const first = directory.load('admin')
    // Saved while the first read is still on its way.
    const saved = directory.saved('admin', s003)
    expect(directory.state.stores).toEqual([s003])
    expect(calls).toHaveLength(2)
    calls[0].resolve([s001])
    await first
    expect(directory.state.stores).toEqual([s003])
    calls[1].resolve([s001, s003])
    expect(await saved).toEqual([s001, s003])
    expect(directory.state.stores).toEqual([s001, s003])
  })

  it('tries again after a failed read, and says it failed meanwhile', async () => {
    const { calls, directory } = api()
    const first = directory.load('admin')
    calls[0].reject(new Error('offline'))
    await expect(first).rejects.toThrow('offline')
    await settle()
    expect(directory.state).toMatchObject({ loaded: false, failed: true, loading: false })
    const again = directory.load('admin')
    expect(calls).toHaveLength(2)
    calls[1].resolve([s001])
    expect(await again).toEqual([s001])
    expect(directory.state.failed).toBe(false)
  })

  it("forgets one session's list for the next, and drops the answer the last one was waiting for", async () => {
    const { calls, directory } = api()
    const admin = directory.load('admin')
    const manager = directory.load('manager')
    expect(calls).toHaveLength(2)
    calls[0].resolve([s001, s002, s003])
    await admin
    expect(directory.state.stores).toEqual([])
    calls[1].resolve([s001])
    expect(await manager).toEqual([s001])
    directory.switchTo('manager')
    expect(directory.state.stores).toEqual([s001])
    directory.switchTo(null)
    expect(directory.state).toMatchObject({ stores: [], loaded: false })
  })

  it('tells sessions apart by who signed in and with which roles and stores', () => {
    const admin = sessionKey({ username: 'admin', roles: ['admin'], stores: [] })
    expect(sessionKey({ username: 'admin', roles: ['admin'], stores: [] })).toBe(admin)
    expect(sessionKey({ username: 'mgr', roles: ['manager'], stores: ['s001'] })).not.toBe(sessionKey({ username: 'mgr', roles: ['manager'], stores: ['s002'] }))
  })

  it('puts a saved store in place of the one it replaces, sorted by id', () => {
    const renamed = { ...s001, name: '人民广场旗舰店' }
    expect(withStore([s002, s001], renamed)).toEqual([renamed, s002])
    expect(withStore([s001], s003)).toEqual([s001, s003])
  })
})

describe('the stores a picker offers', () => {
  it('offers the stores set up and the caller\'s own, once each, sorted', () => {
    expect(offeredStores([s002, s001], ['s009', 's001'], ['s777'])).toEqual(['s001', 's002', 's009'])
  })

  it('falls back on the stores the console saw while the list cannot be read', () => {
    expect(offeredStores(null, ['s001'], ['s003', 'bad id', 's002'])).toEqual(['s001', 's002', 's003'])
    expect(offeredStores(null, [])).toEqual([])
    expect(knownStores(['s002', 'bad id'], [{ storeIds: ['s001', 's002'] }, { storeIds: [] }, {}])).toEqual(['s001', 's002'])
  })

  it('names the stores set up', () => {
    expect(storeNames([s001, { ...s002, name: '' }])).toEqual({ s001: '人民广场店' })
    expect(storeNames(null)).toEqual({})
  })
})

describe('the stores page', () => {
  it("lists the stores set up, and a manager's own stores nobody set up yet, by id", () => {
    expect(storeRows([s002], ['s002', 's001'])).toEqual([
      { storeId: 's001', name: '', timeZone: '', region: null, setUp: false },
      { ...s002, setUp: true },
    ])
    expect(storeRows([s001, s002], [])).toEqual([{ ...s001, setUp: true }, { ...s002, setUp: true }])
  })

  it('filters by id, name or region, in any case', () => {
    const rows = [s001, s002, s003]
    expect(filterStores(rows, '')).toEqual(rows)
    expect(filterStores(rows, ' S00 ')).toEqual(rows)
    expect(filterStores(rows, '徐家汇')).toEqual([s002])
    expect(filterStores(rows, '西北')).toEqual([s003])
    expect(filterStores(rows, 'nothing')).toEqual([])
  })

  it('offers the regions stores have, each once', () => {
    expect(regionsOf([s001, s002, s003, { ...s001, storeId: 's004', region: null }])).toEqual(['华东', '西北'])
  })
})
