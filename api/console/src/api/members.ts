import { ApiError, asList, get } from './http'

export interface MemberProfile {
  memberId: string
  name?: string
  displayName?: string
  phone?: string
  email?: string
  birthday?: string
  registeredAt?: string
  tier: string
  tierProgress?: { spend12m?: number; visits12m?: number; nextTier?: string | null; spendToNextTier?: number | null }
  points?: { balance?: number; expiring?: Array<{ points: number; on: string }> }
  storedValue?: number
  coupons?: number
  /** The member's cards, as card numbers or as cards, when the profile lists them. */
  cards?: Array<string | Card>
}

export interface Card {
  cardNo: string
  status: 'active' | 'lost' | 'replaced' | 'expired' | string
  memberId?: string
  balance?: number
  expiresOn?: string
  medium?: string
}

export interface Coupon {
  code: string
  templateId: string
  /** The template's name (新会员满50减10), when the api knows it. */
  name?: string | null
  status: 'active' | 'used' | 'expired' | string
  validFrom?: string
  validTo?: string
}

export interface LedgerEntry {
  txnId: string
  kind: string
  points?: number | null
  amount?: number | null
  balanceAfter?: number | null
  at: string
  storeId?: string | null
  cardNo?: string | null
}

export interface LedgerPage { entries: LedgerEntry[]; nextCursor: string | null }

/** The api's phone look-up may answer one member, a list, or a wrapped list: take the first member id. */
export function memberIdFrom(answer: unknown): string | null {
  const single = answer as { memberId?: unknown } | null
  if (single && typeof single.memberId === 'string') return single.memberId
  const first = asList<{ memberId?: string }>(answer)[0]
  return first?.memberId ?? null
}

export async function findMemberIdByPhone(phone: string): Promise<string | null> {
  try {
    return memberIdFrom(await get<unknown>(`/members?phone=${encodeURIComponent(phone)}`))
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null
    throw e
  }
}

export async function findCard(cardNo: string): Promise<Card | null> {
  try {
    const card = await get<Card>(`/cards/${encodeURIComponent(cardNo)}`)
    return { ...card, cardNo: card.cardNo ?? cardNo }
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null
    throw e
  }
}

export const getMember = (memberId: string) => get<MemberProfile>(`/members/${encodeURIComponent(memberId)}`)

export async function getCoupons(memberId: string): Promise<Coupon[]> {
  return asList<Coupon>(await get<unknown>(`/members/${encodeURIComponent(memberId)}/coupons`))
}

/**
 * The member's cards with status and balance: from the profile's card list (looking each number
 * up), else from GET /members/{id}/cards where the api has it, else the card searched for.
 */
export async function getCards(memberId: string, searched: Card | null = null, profile?: MemberProfile): Promise<Card[]> {
  const listed = profile?.cards
  if (Array.isArray(listed) && listed.length > 0) {
    const cards = await Promise.all(listed.map(async (c) => (typeof c === 'string' ? ((await findCard(c)) ?? { cardNo: c, status: 'unknown' }) : c)))
    return cards
  }
  try {
    const answer = asList<Card>(await get<unknown>(`/members/${encodeURIComponent(memberId)}/cards`))
    return answer.length || !searched ? answer : [searched]
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return searched ? [searched] : []
    throw e
  }
}

export async function getLedger(memberId: string, cursor?: string | null): Promise<LedgerPage> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''
  const answer = await get<unknown>(`/members/${encodeURIComponent(memberId)}/ledger${query}`)
  const wrapped = answer as { nextCursor?: string | null; cursor?: string | null } | null
  return { entries: asList<LedgerEntry>(answer), nextCursor: wrapped?.nextCursor ?? null }
}

/** Spend progress towards the next tier in whole percent (integer arithmetic on fen). */
export function tierProgressPercent(spend12m: number | undefined, spendToNextTier: number | null | undefined): number {
  if (spendToNextTier == null) return 100
  const spent = Math.max(0, spend12m ?? 0)
  const needed = spent + Math.max(0, spendToNextTier)
  return needed === 0 ? 100 : Math.floor((spent * 100) / needed)
}

export const PHONE_PATTERN = /^1[3-9]\d{9}$/
