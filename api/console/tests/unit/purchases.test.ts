import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { getReceipt, listPurchases, type PurchaseItem } from '../../src/api/purchases'
import { state, type Session } from '../../src/api/session'
import { pageOf, purchasesPath, withPage } from '../../src/purchases/paging'
import { pointsChangeText, pointsMoves, purchaseRow, storeNamesOf } from '../../src/purchases/rows'
import { usePurchases } from '../../src/purchases/usePurchases'

const sale: PurchaseItem = {
  txnId: 'T1', kind: 'sale', storeId: 's001', storeName: '人民广场店', laneId: '01', committedAt: '2026-11-20T09:31:05+08:00',
  total: 12_832, pointsEarned: 128, pointsRedeemed: 500, storedValueSpent: 2_000, originalTxnId: null,
}
// As the api lists a return: every figure negative.
const refund: PurchaseItem = {
  txnId: 'R1', kind: 'return', storeId: 's009', storeName: null, laneId: '05', committedAt: '2026-11-21T10:00:00+08:00',
  total: -3_490, pointsEarned: -34, pointsRedeemed: -500, storedValueSpent: -1_000, originalTxnId: 'T1',
}

describe('paging through purchases', () => {
  it('asks for the first page without a cursor, then for the page before the last one shown', () => {
    expect(purchasesPath('M000123')).toBe('/members/M000123/purchases?limit=20')
    expect(purchasesPath('M 1/2', '1795968614679', 50)).toBe('/members/M%201%2F2/purchases?before=1795968614679&limit=50')
    expect(purchasesPath('M1', null, 500)).toBe('/members/M1/purchases?limit=100')
    expect(purchasesPath('M1', '', 0)).toBe('/members/M1/purchases?limit=1')
  })

  it('reads the cursor of the next page, none on the last', () => {
    expect(pageOf({ items: [sale], next: 'c2' })).toEqual({ items: [sale], next: 'c2' })
    expect(pageOf({ items: [sale], next: null })).toEqual({ items: [sale], next: null })
    expect(pageOf({ items: [], next: '' })).toEqual({ items: [], next: null })
    expect(pageOf([sale])).toEqual({ items: [sale], next: null })
    expect(pageOf(undefined)).toEqual({ items: [], next: null })
  })

  it('adds a later page below, starts again with a first page, and shows no purchase twice', () => {
    expect(withPage([sale], { items: [refund], next: null }, false)).toEqual([sale, refund])
    expect(withPage([sale], { items: [refund], next: null }, true)).toEqual([refund])
    expect(withPage([sale], { items: [sale, refund, refund], next: null }, false)).toEqual([sale, refund])
  })
})

describe('a purchase as a row', () => {
  it('shows a sale as paid, with the points earned and used', () => {
    const row = purchaseRow(sale)
    expect(row).toMatchObject({ txnId: 'T1', isReturn: false, store: '人民广场店', amount: 12_832, amountText: '¥128.32', storedValue: 2_000 })
    expect(row.points).toEqual([
      { kind: 'earned', points: 128, change: 128 },
      { kind: 'used', points: 500, change: -500 },
    ])
    expect(row.points.map(pointsChangeText)).toEqual(['+128', '-500'])
  })

  it('shows a return, listed negative, as a refund, with the points taken back and given back', () => {
    const row = purchaseRow(refund)
    expect(row).toMatchObject({ isReturn: true, amount: 3_490, amountText: '¥34.90', storedValue: 1_000, originalTxnId: 'T1' })
    // A store nobody set up has no name: its id.
    expect(row.store).toBe('s009')
    expect(row.points).toEqual([
      { kind: 'clawedBack', points: 34, change: -34 },
      { kind: 'givenBack', points: 500, change: 500 },
    ])
    expect(row.points.map(pointsChangeText)).toEqual(['-34', '+500'])
  })

  it('names the stores for the receipts, those without a name left out', () => {
    expect(storeNamesOf([sale, refund, { storeId: 's002', storeName: ' 徐家汇店 ' }])).toEqual({ s001: '人民广场店', s002: '徐家汇店' })
  })

  it('leaves out the points that did not move', () => {
    expect(pointsMoves({ kind: 'sale', pointsEarned: 0, pointsRedeemed: 0 })).toEqual([])
    expect(pointsMoves({ kind: 'return', pointsEarned: -12, pointsRedeemed: 0 })).toEqual([{ kind: 'clawedBack', points: 12, change: -12 }])
    expect(purchaseRow({ ...sale, total: 1_234_567 }).amountText).toBe('¥12,345.67')
  })
})

describe('the purchases api and the list', () => {
  let calls: string[]
  let answers: Array<(url: string) => Response>

  beforeEach(() => {
    calls = []
    answers = []
    state.session = { token: 'member-token', username: 'M1', roles: ['member'], stores: [], expiresAt: Date.now() + 60_000, memberId: 'M1' } satisfies Session
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url)
      return answers.shift()!(url)
    })
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    state.session = null
  })

  it('lists a page and reads a receipt', async () => {
    answers.push(() => Response.json({ items: [sale], next: 'c2' }), () => Response.json({ txnId: 'T1', lines: [] }))
    expect(await listPurchases('M1', 'c1')).toEqual({ items: [sale], next: 'c2' })
    expect(await getReceipt('M1', 'T 1')).toEqual({ txnId: 'T1', lines: [] })
    expect(calls).toEqual(['/api/v1/members/M1/purchases?before=c1&limit=20', '/api/v1/members/M1/purchases/T%201'])
  })

  it('loads the first page, then the next with its cursor, and stops on the last', async () => {
    const member = ref('M1')
    const list = usePurchases(member)
    answers.push(() => Response.json({ items: [sale], next: 'c2' }))
    await list.load(true)
    expect(list.items.value).toEqual([sale])
    expect(list.next.value).toBe('c2')
    answers.push(() => Response.json({ items: [refund], next: null }))
    await list.load(false)
    expect(list.items.value).toEqual([sale, refund])
    expect(list.next.value).toBeNull()
    // No cursor: nothing more to ask for.
    await list.load(false)
    expect(calls).toEqual(['/api/v1/members/M1/purchases?limit=20', '/api/v1/members/M1/purchases?before=c2&limit=20'])
  })

  it("drops a late page of the member shown before, and keeps a failure to show", async () => {
    const member = ref('M1')
    const list = usePurchases(member)
    let late: (r: Response) => void = () => {}
    answers.push(() => new Promise<Response>((resolve) => (late = resolve)) as unknown as Response)
    const first = list.load(true)
    member.value = 'M2'
    answers.push(() => Response.json({ items: [refund], next: null }))
    await list.load(true)
    late(Response.json({ items: [sale], next: 'c2' }))
    await first
    expect(list.items.value).toEqual([refund])
    expect(list.next.value).toBeNull()

    answers.push(() => Response.json({ type: 'about:blank', status: 403, code: 'auth.forbidden' }, { status: 403 }))
    await list.load(true)
    expect(list.error.value).toMatchObject({ status: 403, code: 'auth.forbidden' })
    expect(list.loading.value).toBe(false)
  })
})
