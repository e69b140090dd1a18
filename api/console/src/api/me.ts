// What a signed-in member reads and changes of their own (their token's subject is their member id).
import { get, patch, post, put } from './http'
import { getCards, type Card } from './members'

export type BirthdayCalendar = 'gregorian' | 'lunar'

export interface TierProgress {
  spend12m: number
  visits12m: number
  nextTier: string | null
  spendToNextTier: number
  visitsToNextTier: number
}

/** GET /members/{memberId} as the member sees it: in full, since it is their own. */
export interface MemberView {
  memberId: string
  name: string
  phone: string
  birthday: string | null
  birthdayCalendar: BirthdayCalendar
  gender: 'female' | 'male' | 'other' | null
  email: string | null
  consentMarketing: boolean
  homeStoreId: string
  channel: string
  referralCode: string
  registeredAt: string
  tier: string
  tierProgress: TierProgress
  points: { balance: number; expiring: Array<{ points: number; on: string }> }
  storedValue: number
  coupons: number
  cards: string[]
}

/** PATCH /members/{memberId}: only the fields present change (a field cannot be emptied). */
export interface ContactChanges {
  name?: string
  birthday?: string
  birthdayCalendar?: BirthdayCalendar
  gender?: 'female' | 'male' | 'other'
  email?: string
  consentMarketing?: boolean
}

const path = (memberId: string) => `/members/${encodeURIComponent(memberId)}`

export const getMe = (memberId: string) => get<MemberView>(path(memberId))
export const updateMe = (memberId: string, changes: ContactChanges) => patch<MemberView>(path(memberId), changes)
export const setPassword = (memberId: string, password: string) => put<void>(`${path(memberId)}/password`, { password })
export const eraseMe = (memberId: string) => post<{ memberId: string; erasedAt: string }>(`${path(memberId)}/erasure`)
export const reportLost = (cardNo: string) => post<Card>(`/cards/${encodeURIComponent(cardNo)}/lost`)

/** Every card the member holds or held, with status, stored value and expiry: one call (GET /members/{id}/cards). */
export const getMyCards = (memberId: string): Promise<Card[]> => getCards(memberId)
