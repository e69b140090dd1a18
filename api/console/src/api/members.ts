import { ApiError, asList, get, post, put } from './http'

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
  /** The member's card numbers (their status, balance and expiry: {@link getCards}). */
  cards?: string[]
  homeStoreId?: string
  consentMarketing?: boolean
  /** How reminders reach the member: sms | email | wechat (the member chooses it in the portal). */
  notifyBy?: string
  weChatBound?: boolean
}

/** A card as the api shows it (CardsApi.cs CardView): balance in fen, expiry as a store-local date. */
export interface Card {
  cardNo: string
  status: 'active' | 'lost' | 'replaced' | 'expired' | string
  memberId?: string | null
  /** ic | magstripe | id | virtual */
  medium?: string | null
  balance?: number
  /** YYYY-MM-DD; null = no expiry. */
  expiresOn?: string | null
  /** The card a replaced card's balance moved to. */
  replacedBy?: string | null
}

export type CouponKind = 'amountOffOver' | 'percentOff' | 'categoryAmountOff' | 'categoryPercentOff' | 'gift'

/**
 * What a coupon gives, from its template (CouponTemplateRequests.cs MemberCouponView): money in fen,
 * `percent` an integer (10 = 10 % off = 9折). All null when the template is gone.
 */
export interface CouponTerms {
  kind?: CouponKind | string | null
  threshold?: number | null
  amount?: number | null
  percent?: number | null
  categoryPath?: readonly string[] | null
}

export interface Coupon extends CouponTerms {
  code: string
  templateId: string
  /** The template's name (新会员满50减10), when the api knows it. */
  name?: string | null
  status: 'active' | 'used' | 'expired' | string
  /** YYYY-MM-DD, store-local, both inclusive. */
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

/**
 * Head office or a manager of the member's home store moves the member to a new number at the service desk
 * (PUT /members/{id}/phone, no code: they have checked who the member is). Others: 403; a number another member
 * has: 409 member.phone_taken. The old number gets an SMS saying so.
 */
export const changeMemberPhone = (memberId: string, body: { phone: string }) => put<MemberProfile>(`/members/${encodeURIComponent(memberId)}/phone`, body)

/**
 * 挂失 at the desk: the card stops working at once and keeps its balance (for a replacement card, or for 解挂),
 * booked to `storeId` (staff/cardDesk.ts picks it; head office may name any store).
 */
export const markCardLost = (cardNo: string, body: { storeId?: string }) => post<Card>(`/cards/${encodeURIComponent(cardNo)}/lost`, body)

/** 解挂 at the desk: a lost card works again, booked to `storeId` (staff/cardDesk.ts picks it). */
export const markCardFound = (cardNo: string, body: { storeId?: string }) => post<Card>(`/cards/${encodeURIComponent(cardNo)}/found`, body)

export async function getCoupons(memberId: string): Promise<Coupon[]> {
  return asList<Coupon>(await get<unknown>(`/members/${encodeURIComponent(memberId)}/coupons`))
}

/**
 * GET /members/{id}/cards: every card the member holds or held (a lost or replaced one shows as such),
 * with status, stored value and expiry, in the order they were bound. One call, audited as
 * `member.cards_viewed` when staff read it; a member may read only their own (else 403).
 */
export async function getCards(memberId: string): Promise<Card[]> {
  return asList<Card>(await get<unknown>(`/members/${encodeURIComponent(memberId)}/cards`))
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
