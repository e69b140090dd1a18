import type { Granularity } from '../reports/dates'
import type { SegmentFigures } from '../reports/segments'
import { downloadFile, type FileFormat } from './download'
import { get, post } from './http'

// The reports of docs/reports.md. Money in fen; `sales`, `returns`, `memberSales` and the like are counts.

export interface ReportFigures {
  sales: number
  returns: number
  memberSales: number
  revenue: number
  discounts: number
  averageBasket: number
  pointsEarned: number
  pointsRedeemed: number
  storedValueSpent: number
  couponsRedeemed: number
  newMembers: number
}

interface Range { from: string; to: string; storeIds: string[] | null }

export interface SalesReport extends Range {
  by: Granularity
  periods: Array<ReportFigures & { period: string }>
  stores: Array<ReportFigures & { storeId: string }>
  totals: ReportFigures
}

export interface CategoriesReport extends Range { categories: Array<{ category: string; revenue: number }> }

export interface MembersReport extends Range {
  by: Granularity
  periods: Array<{ period: string; newMembers: number; byChannel: Record<string, number> }>
  tiers: Array<{ tier: string; members: number }>
  channels: Array<{ channel: string; members: number }>
}

/**
 * Points and stored value moved in a period (docs/reports.md, "Points and stored value"): outflows are
 * positive numbers; the two nets are the ledger's signed sums (card-to-card transfers count only there).
 * `points*` are counts of points, `storedValue*` fen.
 */
export interface LedgerFigures {
  pointsEarned: number
  pointsGifted: number
  pointsReturned: number
  pointsRedeemed: number
  /** Spent on rewards (`points.exchanged`, docs/rewards.md), apart from points burned as cash at a lane. */
  pointsExchanged: number
  pointsClawedBack: number
  pointsExpired: number
  pointsNet: number
  storedValueToppedUp: number
  storedValueReturned: number
  storedValueSpent: number
  storedValueRefunded: number
  storedValueNet: number
}

/** What the chain owes its members at `asOf` (an instant): points, their cash value in fen (a point is a fen), stored value in fen. */
export interface Outstanding { asOf: string; points: number; pointsValue: number; storedValue: number }

export interface LedgerReport extends Range {
  by: Granularity
  periods: Array<LedgerFigures & { period: string }>
  totals: LedgerFigures
  /** Chain-wide only: null when a storeId is given or the caller is a manager scoped to stores. */
  outstanding: Outstanding | null
}

export interface SegmentsReport {
  asOf: string | null
  refreshedAt: string | null
  storeIds?: string[] | null
  segments: SegmentFigures[]
  churn: { low: number; medium: number; high: number }
}

export interface SegmentMember {
  memberId: string
  storeId: string | null
  recencyDays: number | null
  purchases12m: number
  spend12m: number
  r: number | null
  f: number | null
  m: number | null
  churnRisk: string
}

export interface SegmentMembersPage { members: SegmentMember[]; next: string | null }

export interface MemberAnalysis {
  memberId: string
  asOf: string
  segment: string
  r: number | null
  f: number | null
  m: number | null
  recencyDays: number | null
  purchases12m: number
  spend12m: number
  usualIntervalDays: number | null
  churnRisk: string
  homeStoreId?: string | null
  preferredStoreId: string | null
  topCategories: Array<{ category: string; revenue: number }>
}

export interface AnalysisRun { asOf: string; members: number; segments: Record<string, number> }

export type ReportName = 'sales' | 'categories' | 'members' | 'ledger' | 'segments'

/** What the toolbar chose; storeId null = every store the caller may read. */
export interface ReportQuery { from: string; to: string; by: Granularity; storeId: string | null }

// Each report takes only its own parameters (categories have no periods, segments no range).
const PARAMETERS: Record<ReportName, ReadonlyArray<keyof ReportQuery>> = {
  sales: ['from', 'to', 'by', 'storeId'],
  categories: ['from', 'to', 'storeId'],
  members: ['from', 'to', 'by', 'storeId'],
  ledger: ['from', 'to', 'by', 'storeId'],
  segments: ['storeId'],
}

function withQuery(path: string, values: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) if (value != null && value !== '') query.set(key, String(value))
  const text = query.toString()
  return text ? `${path}?${text}` : path
}

export function reportPath(report: ReportName, query: ReportQuery, format?: FileFormat): string {
  const values: Record<string, string | null> = {}
  for (const key of PARAMETERS[report]) values[key] = query[key]
  return withQuery(`/reports/${report}`, { ...values, format })
}

export function segmentMembersPath(segment: string, storeId: string | null, page: { after?: string | null; limit?: number } = {}, format?: FileFormat): string {
  return withQuery(`/reports/segments/${encodeURIComponent(segment)}/members`, {
    storeId,
    // A file holds the whole segment: no paging.
    after: format ? null : page.after,
    limit: format ? null : page.limit,
    format,
  })
}

export const getSalesReport = (q: ReportQuery) => get<SalesReport>(reportPath('sales', q))
export const getCategoriesReport = (q: ReportQuery) => get<CategoriesReport>(reportPath('categories', q))
export const getMembersReport = (q: ReportQuery) => get<MembersReport>(reportPath('members', q))
export const getLedgerReport = (q: ReportQuery) => get<LedgerReport>(reportPath('ledger', q))
export const getSegmentsReport = (q: ReportQuery) => get<SegmentsReport>(reportPath('segments', q))

export const getSegmentMembers = (segment: string, storeId: string | null, after?: string | null, limit = 50) =>
  get<SegmentMembersPage>(segmentMembersPath(segment, storeId, { after, limit }))

export const getMemberAnalysis = (memberId: string) => get<MemberAnalysis>(`/members/${encodeURIComponent(memberId)}/analysis`)

export const refreshAnalysis = () => post<AnalysisRun>('/reports/analysis/refresh')

/** The name used when the api gives none: the report and its range, as the api names its files. */
export function fallbackFilename(report: ReportName, query: ReportQuery, format: FileFormat): string {
  return report === 'segments' ? `segments.${format}` : `${report}-${query.from}-${query.to}.${format}`
}

export const downloadReport = (report: ReportName, query: ReportQuery, format: FileFormat) =>
  downloadFile(reportPath(report, query, format), fallbackFilename(report, query, format))

export const downloadSegmentMembers = (segment: string, storeId: string | null, format: FileFormat) =>
  downloadFile(segmentMembersPath(segment, storeId, {}, format), `segment-${segment}.${format}`)
