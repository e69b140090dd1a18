import { SEGMENTS } from '../reports/segments'
import { parseYuanToFen } from '../utils/money'
import { ApiError, asList, get, post } from './http'

export type CampaignKind = 'percentOff' | 'amountOffOver' | 'pointsMultiplier' | 'bonusPoints'

export interface Campaign {
  campaignId: string
  name: string
  kind: CampaignKind | string
  status?: string
  paused?: boolean
  schedule?: { from?: string; to?: string; weekdays?: unknown[] }
  /** `segments`: the RFM segments of the nightly purchase analysis (reports/segments.ts); none = every member. */
  target?: { tiers?: string[]; storeIds?: string[]; categoryPath?: string[]; skus?: string[]; segments?: string[] }
  reward?: { percent?: number; threshold?: number; amount?: number; multiplier?: number; points?: number }
  limits?: { perMember?: number; budget?: number }
  stacking?: { exclusive?: boolean; priority?: number }
}

/** What the create form holds: amounts as the yuan a person types. */
export interface CampaignForm {
  campaignId: string
  name: string
  kind: CampaignKind
  range: [Date, Date] | null
  weekdays: number[]
  tiers: string[]
  /** Members whose last analysis put them in one of these segments; empty = everyone. */
  segments: string[]
  storeIds: string[]
  categoryPath: string
  percent: number | null
  thresholdYuan: string
  amountYuan: string
  multiplier: number | null
  points: number | null
  perMember: number | null
  budgetYuan: string
  exclusive: boolean
  priority: number | null
}

export function campaignStatus(c: Campaign): string {
  return c.status ?? (c.paused ? 'paused' : 'active')
}

const splitPath = (path: string) => path.split('/').map((p) => p.trim()).filter(Boolean)

/** The form's weekdays are 1–7 (Monday = 1); the API takes their English names. */
const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
export const weekdayName = (day: number) => WEEKDAY_NAMES[day - 1]

/** A campaign runs whole store-local days: the API takes YYYY-MM-DD. */
export const localDate = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`

/** The POST /campaigns body; throws a message key when an amount is not a valid number of yuan. */
export function buildCampaignBody(form: CampaignForm): Record<string, unknown> {
  const fen = (yuan: string) => {
    if (!yuan.trim()) return undefined
    const value = parseYuanToFen(yuan)
    if (value === null) throw new Error('common.invalidAmount')
    return value
  }
  const reward: Record<string, number | undefined> = {}
  if (form.kind === 'percentOff') reward.percent = form.percent ?? undefined
  if (form.kind === 'amountOffOver') {
    reward.threshold = fen(form.thresholdYuan)
    reward.amount = fen(form.amountYuan)
  }
  if (form.kind === 'pointsMultiplier') reward.multiplier = form.multiplier ?? undefined
  if (form.kind === 'bonusPoints') reward.points = form.points ?? undefined
  const categoryPath = splitPath(form.categoryPath)
  // In the order the reports list them (best first), each once, whatever order they were picked in.
  const segments = SEGMENTS.filter((segment) => form.segments?.includes(segment))
  return {
    campaignId: form.campaignId.trim(),
    name: form.name.trim(),
    kind: form.kind,
    schedule: {
      ...(form.range ? { from: localDate(form.range[0]), to: localDate(form.range[1]) } : {}),
      ...(form.weekdays.length ? { weekdays: [...form.weekdays].sort().map(weekdayName) } : {}),
    },
    target: {
      ...(form.tiers.length ? { tiers: form.tiers } : {}),
      ...(segments.length ? { segments } : {}),
      ...(form.storeIds.length ? { storeIds: form.storeIds } : {}),
      ...(categoryPath.length ? { categoryPath } : {}),
    },
    reward,
    limits: {
      ...(form.perMember ? { perMember: form.perMember } : {}),
      ...(form.budgetYuan.trim() ? { budget: fen(form.budgetYuan) } : {}),
    },
    stacking: { exclusive: form.exclusive, ...(form.priority != null ? { priority: form.priority } : {}) },
  }
}

export async function listCampaigns(): Promise<Campaign[]> {
  return asList<Campaign>(await get<unknown>('/campaigns'))
}

export const createCampaign = (body: Record<string, unknown>) => post<Campaign>('/campaigns', body)
export const pauseCampaign = (id: string) => post<Campaign>(`/campaigns/${encodeURIComponent(id)}/pause`)
export const resumeCampaign = (id: string) => post<Campaign>(`/campaigns/${encodeURIComponent(id)}/resume`)

export interface CouponTemplate {
  templateId: string
  name: string
  kind: string
  threshold?: number
  amount?: number
  percent?: number
  categoryPath?: string[]
  skus?: string[]
  validDays?: number
  public?: boolean
  code?: string
  maxRedemptions?: number
  /** Members may buy it with points (docs/rewards.md): 1–1,000,000; null = not for sale. Never on a public template. */
  pointsPrice?: number | null
  /** 限量: how many of it points may buy, all stores together (1–100,000, only with a `pointsPrice`); null = no limit. */
  rewardStock?: number | null
}

/** The api may not list templates; then the console shows those made in this session. */
export async function listCouponTemplates(): Promise<CouponTemplate[] | null> {
  try {
    return asList<CouponTemplate>(await get<unknown>('/coupon-templates'))
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null
    throw e
  }
}

export const createCouponTemplate = (body: CouponTemplate) => post<CouponTemplate>('/coupon-templates', body)

export function issueCoupons(templateId: string, to: { tier: string } | { memberIds: string[] }) {
  return post<{ issued: Array<{ memberId: string; code: string }> }>(`/coupon-templates/${encodeURIComponent(templateId)}/issue`, to)
}

/** "m1, m2\nm3" → ["m1","m2","m3"]. */
export function parseMemberIds(text: string): string[] {
  return [...new Set(text.split(/[\s,，;；]+/).map((s) => s.trim()).filter(Boolean))]
}
