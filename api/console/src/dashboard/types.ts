// The hub's messages (see docs/dashboard.md). Money in fen, shares in basis points.

export interface DashboardFigures {
  netSales: number
  grossSales: number
  refunds: number
  transactions: number
  returns: number
  averageBasket: number
  memberSales: number
  memberTransactions: number
  memberShareBasisPoints: number
  discountTotal: number
  pointsIssued: number
  pointsRedeemed: number
  storedValueToppedUp: number
  storedValueSpent: number
  newMembers: number
  couponsRedeemed: number
  lanesOnline: number
  lanesTotal: number
}

export interface MinutePoint { minute: string; netSales: number; transactions: number }
export interface CategorySales { category: string; netSales: number }
export interface TierSales { tier: string; transactions: number; grossSales: number }
export interface LaneState {
  laneId: string
  online: boolean
  since?: string | null
  lastSaleAt?: string | null
  transactions: number
  netSales: number
}
export interface StoreRanking {
  storeId: string
  netSales: number
  transactions: number
  memberShareBasisPoints: number
  lanesOnline: number
  lanesTotal: number
}
export type ActivityKind = 'sale' | 'return' | 'member' | 'topup' | 'coupon' | 'tier' | 'lane'
export interface ActivityItem {
  id: string
  kind: ActivityKind
  at: string
  storeId: string
  laneId?: string | null
  amount: number
  detail?: string | null
  member: boolean
}

interface DashboardMessage {
  scope: 'store' | 'chain'
  storeId?: string | null
  epoch: string
  seq: number
  date: string
  at: string
  figures: DashboardFigures
  minutes: MinutePoint[]
  topCategories: CategorySales[]
  tierMix: TierSales[]
  lanes: LaneState[]
  stores: StoreRanking[]
  activity: ActivityItem[]
}

export interface DashboardSnapshot extends DashboardMessage { timeZone: string }
export type DashboardUpdate = DashboardMessage

export type DashboardScope = { kind: 'chain' } | { kind: 'store'; storeId: string }
