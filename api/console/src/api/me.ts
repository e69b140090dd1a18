// What a signed-in member reads and changes of their own (their token's subject is their member id).
import { asList, del, get, patch, post, put } from './http'
import { keepMemberSession, type CodeSent } from './memberAuth'
import { getCards, type Card, type CouponTerms } from './members'
import { state, type TokenAnswer } from './session'

export type BirthdayCalendar = 'gregorian' | 'lunar'

/** How reminders reach the member (docs/notices.md, "Channels"). Sign-in codes and security notices always go by SMS. */
export type NotifyChannel = 'sms' | 'email' | 'wechat'

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
  /** Left out by an api from before channels: read it as `sms`. */
  notifyBy?: NotifyChannel
  weChatBound?: boolean
}

/** PATCH /members/{memberId}: only the fields present change (a field cannot be emptied). */
export interface ContactChanges {
  name?: string
  birthday?: string
  birthdayCalendar?: BirthdayCalendar
  gender?: 'female' | 'male' | 'other'
  email?: string
  consentMarketing?: boolean
  /**
   * `email` needs an e-mail address (on the profile or in the same request), `wechat` a bound WeChat, and any channel
   * must be one the chain offers ({@link getNotificationChannels}): else 400, field `notifyBy`.
   */
  notifyBy?: NotifyChannel
}

/** How WeChat may be bound here: `code` is the mini-program's wx.login code (no web page has one), `openId` typed in. */
export type WeChatBindBy = 'code' | 'openId'

/** GET /notification-channels: what this chain can send reminders by, and how its members may bind WeChat. */
export interface NotificationChannels {
  channels: NotifyChannel[]
  /** Without `openId` the api refuses a typed open id (400, field `openId`). */
  weChatBindBy: WeChatBindBy[]
}

/** Anyone signed in may read it, members included. */
export const getNotificationChannels = () => get<NotificationChannels>('/notification-channels')

const path = (memberId: string) => `/members/${encodeURIComponent(memberId)}`

export const getMe = (memberId: string) => get<MemberView>(path(memberId))
export const updateMe = (memberId: string, changes: ContactChanges) => patch<MemberView>(path(memberId), changes)

/**
 * Sets the member's password (PUT /members/{id}/password). The api ends the member's sessions, this one's token
 * included, and answers a new token for this tab: it replaces the stored one, so the member stays signed in here
 * while every other phone or computer is signed out.
 */
export async function setPassword(memberId: string, password: string): Promise<void> {
  const answer = await put<TokenAnswer | undefined>(`${path(memberId)}/password`, { password })
  // An api from before this change answered 204 and ended no session: the token in hand still works then.
  if (answer?.accessToken) keepMemberSession(answer, state.session?.username ?? memberId)
}

/** Ends every session of the member, this one included (204): the caller signs out here too. */
export const signOutEverywhere = (memberId: string) => post<void>(`${path(memberId)}/sign-out-everywhere`)
export const eraseMe = (memberId: string) => post<{ memberId: string; erasedAt: string }>(`${path(memberId)}/erasure`)
export const reportLost = (cardNo: string) => post<Card>(`/cards/${encodeURIComponent(cardNo)}/lost`)
/** 解挂: a lost card works again, its balance as it was (a replaced card stays replaced: `card.replaced`). */
export const reportFound = (cardNo: string) => post<Card>(`/cards/${encodeURIComponent(cardNo)}/found`)

/**
 * A code to the member's new number (POST /members/{id}/phone/otp), by the registration code's rules: sent only to
 * a number no member has, and answered alike either way, so nobody learns whose number is whose.
 */
export const sendPhoneCode = (memberId: string, phone: string) => post<CodeSent>(`${path(memberId)}/phone/otp`, { phone })

/**
 * Moves the member to the new number (PUT /members/{id}/phone) with the code it received; the old number gets an
 * SMS saying so. Refusals: `422 member.phone_not_verified` (wrong, used or expired code), `409 member.phone_taken`.
 */
export const changePhone = (memberId: string, change: { phone: string; otp: string }) => put<MemberView>(`${path(memberId)}/phone`, change)

/**
 * Binds the member's WeChat (PUT /members/{id}/wechat) by the open id the mini-program gets from WeChat's sign-in,
 * where the chain lets members type it (`weChatBindBy` has `openId`).
 */
export const bindWeChat = (memberId: string, openId: string) => put<MemberView>(`${path(memberId)}/wechat`, { openId })
/** Unbinds it: reminders that went to WeChat go by SMS again. */
export const unbindWeChat = (memberId: string) => del<MemberView>(`${path(memberId)}/wechat`)

/** Every card the member holds or held, with status, stored value and expiry: one call (GET /members/{id}/cards). */
export const getMyCards = (memberId: string): Promise<Card[]> => getCards(memberId)

/**
 * A reward members buy with points (GET /rewards, docs/rewards.md): a coupon template with a `pointsPrice`,
 * in the shape of GET /coupon-templates (money in fen, `percent` 10 = 9折); a gift is a `gift` coupon.
 */
export interface Reward extends CouponTerms {
  templateId: string
  name: string
  /** Points, 1–1,000,000. */
  pointsPrice: number
  /** Valid for this many days from the day it is bought (that day included); else from `validFrom` to `validTo`. */
  validDays?: number | null
  validFrom?: string | null
  validTo?: string | null
  /** A limited reward's units left (限量, all stores together): 0 = sold out. Absent for a reward without a limit. */
  left?: number | null
}

/** The coupon bought, what it cost and the points left (RewardsApi.cs PointsExchangeView). */
export interface PointsExchange {
  txnId: string
  code: string
  templateId: string
  name: string
  /** YYYY-MM-DD, store-local, both inclusive. */
  validFrom: string
  validTo: string
  pointsSpent: number
  pointsBalance: number
}

/** The rewards for sale, cheapest first. */
export async function getRewards(): Promise<Reward[]> {
  return asList<Reward>(await get<unknown>('/rewards'))
}

/**
 * Buys a reward with the member's points (POST /members/{id}/rewards). Idempotent by `txnId`: a repeat answers
 * the first exchange, so a retry after a lost answer cannot buy twice (see member/rewards.ts). Refusals:
 * `409 points.insufficient`, `409 txn.conflict` (the id bought another reward), `404 coupon_template.not_found`,
 * `409 reward.out_of_stock` (a limited reward sold out; a retry of a txnId that got a unit still gets its coupon).
 */
export const exchangePoints = (memberId: string, txnId: string, templateId: string) =>
  post<PointsExchange>(`${path(memberId)}/rewards`, { txnId, templateId })

/**
 * The app's member code (会员码, docs/member-codes.md): 26 digits starting with 9 that a lane reads from a QR code
 * (or a cashier types). A new one is due at `refreshAt` (every minute); a lane accepts it until `validUntil`.
 * Only the member's own token gets it (anyone else: 403 auth.forbidden); the api sends it `no-store`.
 */
export interface MemberCode {
  code: string
  /** The server's clock when it answered: with `refreshAt`, the wait until the next code, whatever the phone's clock says. */
  issuedAt: string
  refreshAt: string
  validUntil: string
}

export const getMemberCode = (memberId: string) => get<MemberCode>(`${path(memberId)}/code`)
