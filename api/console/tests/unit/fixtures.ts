import type { DashboardSnapshot, DashboardUpdate, MinutePoint } from '../../src/dashboard/types'

export const AT = '2026-11-22T10:00:00+08:00'

const figures = (netSales: number) => ({
  netSales,
  grossSales: netSales,
  refunds: 0,
  transactions: 1,
  returns: 0,
  averageBasket: netSales,
  memberSales: 0,
  memberTransactions: 0,
  memberShareBasisPoints: 0,
  discountTotal: 0,
  pointsIssued: 0,
  pointsRedeemed: 0,
  storedValueToppedUp: 0,
  storedValueSpent: 0,
  newMembers: 0,
  couponsRedeemed: 0,
  lanesOnline: 0,
  lanesTotal: 0,
})

function minutesEndingAt10(): MinutePoint[] {
  return Array.from({ length: 60 }, (_, i) => {
    const m = 60 - 59 + i - 1 // 09:01 … 10:00
    const hh = m >= 60 ? '10' : '09'
    const mm = String(m % 60).padStart(2, '0')
    return { minute: `2026-11-22T${hh}:${mm}:00+08:00`, netSales: 0, transactions: 0 }
  })
}

export function snapshot(netSales = 0, seq = 0): DashboardSnapshot {
  return {
    scope: 'store',
    storeId: 's001',
    epoch: 'e1',
    seq,
    date: '2026-11-22',
    timeZone: 'Asia/Shanghai',
    at: AT,
    figures: figures(netSales),
    minutes: minutesEndingAt10(),
    topCategories: [],
    tierMix: [],
    lanes: [],
    stores: [],
    activity: [],
  }
}

export function update(seq: number, netSales: number, extra: Partial<DashboardUpdate> = {}): DashboardUpdate {
  return {
    scope: 'store',
    storeId: 's001',
    epoch: 'e1',
    seq,
    date: '2026-11-22',
    at: AT,
    figures: figures(netSales),
    minutes: [{ minute: '2026-11-22T10:00:00+08:00', netSales, transactions: seq }],
    topCategories: [],
    tierMix: [],
    lanes: [],
    stores: [],
    activity: [],
    ...extra,
  }
}

export const sale = (id: string, amount = 100) => ({ id, kind: 'sale' as const, at: AT, storeId: 's001', amount, member: false })
