import { describe, expect, it } from 'vitest'
import { belongsTo, hubErrorCode } from '../../src/dashboard/connection'
import { applyUpdate, hourEndingAt, isStale, mergeUpdates } from '../../src/dashboard/merge'
import { sale, snapshot, update } from './fixtures'

describe('applying hub updates to a snapshot', () => {
  it('replaces the figures and the changed minute', () => {
    const next = applyUpdate(snapshot(0), update(1, 1500))
    expect(next.figures.netSales).toBe(1500)
    expect(next.minutes).toHaveLength(60)
    expect(next.minutes.at(-1)).toEqual({ minute: '2026-11-22T10:00:00+08:00', netSales: 1500, transactions: 1 })
  })

  it('ignores an update the snapshot already holds, but not one from a new activation', () => {
    const s = snapshot(900, 5)
    expect(isStale(s, update(5, 100))).toBe(true)
    expect(applyUpdate(s, update(4, 100)).figures.netSales).toBe(900)
    expect(applyUpdate(s, { ...update(1, 100), epoch: 'e2' }).figures.netSales).toBe(100)
  })

  it('is idempotent: the same update twice shows each sale once', () => {
    const u = update(1, 500, { activity: [sale('sale:a')] })
    const once = applyUpdate(snapshot(), u)
    const twice = applyUpdate({ ...once, seq: 0 }, u)
    expect(twice.activity.map((a) => a.id)).toEqual(['sale:a'])
    expect(twice.figures).toEqual(once.figures)
  })

  it('keeps the newest activity first and at most 20 items', () => {
    let s = snapshot()
    for (let i = 1; i <= 30; i++) s = applyUpdate(s, update(i, i, { activity: [sale(`sale:${i}`)] }))
    expect(s.activity).toHaveLength(20)
    expect(s.activity[0].id).toBe('sale:30')
    expect(s.activity.at(-1)?.id).toBe('sale:11')
  })

  it('moves the hour on when a later minute arrives, filling gaps with zeros in local time', () => {
    const later = update(1, 70, { at: '2026-11-22T10:02:10+08:00', minutes: [{ minute: '2026-11-22T10:02:00+08:00', netSales: 70, transactions: 1 }] })
    const next = applyUpdate(snapshot(), later)
    expect(next.minutes).toHaveLength(60)
    expect(next.minutes.at(-1)?.minute).toBe('2026-11-22T10:02:00+08:00')
    expect(next.minutes.at(-2)).toEqual({ minute: '2026-11-22T10:01:00+08:00', netSales: 0, transactions: 0 })
    expect(next.minutes[0].minute).toBe('2026-11-22T09:03:00+08:00')
  })

  it('upserts lanes by id and ranks stores by sales', () => {
    const s = applyUpdate(snapshot(), update(1, 0, {
      lanes: [{ laneId: '02', online: true, transactions: 1, netSales: 5 }, { laneId: '01', online: true, transactions: 0, netSales: 0 }],
      stores: [{ storeId: 'a', netSales: 1, transactions: 1, memberShareBasisPoints: 0, lanesOnline: 0, lanesTotal: 0 }],
    }))
    const t = applyUpdate(s, update(2, 0, {
      lanes: [{ laneId: '01', online: false, transactions: 0, netSales: 0 }],
      stores: [{ storeId: 'b', netSales: 9, transactions: 1, memberShareBasisPoints: 0, lanesOnline: 0, lanesTotal: 0 }],
    }))
    expect(t.lanes.map((l) => [l.laneId, l.online])).toEqual([['01', false], ['02', true]])
    expect(t.stores.map((x) => x.storeId)).toEqual(['b', 'a'])
  })
})

describe('merging updates', () => {
  it('keeps the latest value of each minute and all new activity, newest first', () => {
    const merged = mergeUpdates(
      update(1, 100, { activity: [sale('sale:a')], minutes: [{ minute: '2026-11-22T09:59:00+08:00', netSales: 100, transactions: 1 }] }),
      update(2, 300, { activity: [sale('sale:b')] }),
    )
    expect(merged.seq).toBe(2)
    expect(merged.figures.netSales).toBe(300)
    expect(merged.minutes.map((m) => m.minute)).toEqual(['2026-11-22T09:59:00+08:00', '2026-11-22T10:00:00+08:00'])
    expect(merged.activity.map((a) => a.id)).toEqual(['sale:b', 'sale:a'])
  })

  it('gives an empty hour nothing to draw', () => {
    expect(hourEndingAt([])).toEqual([])
  })
})

describe('the hub connection', () => {
  it('only lets through messages of the scope being watched', () => {
    expect(belongsTo({ kind: 'store', storeId: 's001' }, { scope: 'store', storeId: 's001' })).toBe(true)
    expect(belongsTo({ kind: 'store', storeId: 's001' }, { scope: 'store', storeId: 's002' })).toBe(false)
    expect(belongsTo({ kind: 'chain' }, { scope: 'chain', storeId: null })).toBe(true)
    expect(belongsTo(null, { scope: 'chain' })).toBe(false)
  })

  it('reads the refusal code out of a hub error', () => {
    const error = new Error("An unexpected error occurred invoking 'JoinStore' on the server. HubException: auth.forbidden_store")
    expect(hubErrorCode(error)).toBe('auth.forbidden_store')
    expect(hubErrorCode(new Error('WebSocket closed'))).toBe('dashboard.unavailable')
  })
})
