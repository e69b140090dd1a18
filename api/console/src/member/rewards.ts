import { reactive } from 'vue'
import { ApiError } from '../api/http'

// Buying a reward with points (docs/rewards.md). The api books an exchange once per transaction id, so the
// portal names each purchase itself: one id per confirmation dialog, kept while the outcome of a send is
// unknown (the connection dropped, a gateway answered 5xx), so that "retry", or opening the dialog again for
// the same reward, repeats that purchase rather than making a second one: the api answers a repeat with the
// first exchange. An answer from the api (the coupon, or a refusal, after which nothing changed) ends the id,
// and the next purchase is a new one.

/** The api's caller-id rule (Rules.CallerId) that `txnId` must follow. */
export const TXN_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/

type Random = Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string }

/** A version-4 UUID: `crypto.randomUUID` exists only in secure contexts (https, localhost), `getRandomValues` everywhere. */
export function randomUuid(random: Random = globalThis.crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID()
  const bytes = random.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** "rw-" and a UUID: 39 characters within the api's caller-id rule. */
export const newTxnId = (uuid: () => string = randomUuid) => `rw-${uuid()}`

/** A whole, non-negative number of points. */
const isCount = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

/** Whether the balance covers the price; an unknown balance or a price that makes no sense buys nothing. */
export function canAfford(balance: number | null | undefined, price: number | null | undefined): boolean {
  return isCount(balance) && isCount(price) && price > 0 && balance >= price
}

/** The points still missing for a reward (0 when the balance covers it, or when either figure is unknown). */
export function pointsShort(balance: number | null | undefined, price: number | null | undefined): number {
  return isCount(balance) && isCount(price) && price > balance ? price - balance : 0
}

/** A limited reward's units left (限量), 0 when sold out; null for a reward without a limit (or a figure that makes no sense). */
export function unitsLeft(reward: { left?: number | null }): number | null {
  return isCount(reward.left) ? reward.left : null
}

/** The line beside a limited reward's price, as a key under `me.rewards` and its count: 仅剩 N 份, or 已兑完. */
export function stockLabel(reward: { left?: number | null }): { key: 'left'; n: number } | { key: 'soldOut' } | null {
  const left = unitsLeft(reward)
  if (left === null) return null
  return left === 0 ? { key: 'soldOut' } : { key: 'left', n: left }
}

/** Whether a reward may be bought now: `ok`, or why not (sold out comes first: no points would help). */
export type RedeemState = 'ok' | 'soldOut' | 'short'

/**
 * A purchase in doubt (`uncertain`) may be sent again whatever the catalogue shows: it may have taken the last unit
 * and the points itself, and the api answers its retry with that coupon rather than selling another.
 */
export function redeemState(balance: number | null | undefined, reward: { pointsPrice: number; left?: number | null }, uncertain = false): RedeemState {
  if (uncertain) return 'ok'
  if (unitsLeft(reward) === 0) return 'soldOut'
  return canAfford(balance, reward.pointsPrice) ? 'ok' : 'short'
}

/**
 * Whether a failed send may have gone through all the same: no answer at all (the network, a page that was
 * not the api's JSON) or a server error (a gateway's 502 or 504 may come after the api booked it). A 4xx is
 * the api's own answer, after which nothing was bought.
 */
export function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status >= 500
}

interface Attempt {
  txnId: string
  /** A send with this id got no answer: it may have bought the reward already. */
  uncertain: boolean
}

/**
 * The purchases not answered yet, by member and reward. Reactive, so a page can tell which reward's
 * purchase is in doubt (its retry goes through whatever the balance shows, as it cannot buy twice).
 */
export class ExchangeAttempts {
  private readonly attempts = reactive(new Map<string, Attempt>())

  constructor(private readonly make: () => string = () => newTxnId()) {}

  private static key = (memberId: string, templateId: string) => `${memberId}\n${templateId}`

  /** The id a confirmation dialog sends: the reward's unanswered one, else a new one, kept until the api answers. */
  txnFor(memberId: string, templateId: string): string {
    const key = ExchangeAttempts.key(memberId, templateId)
    const attempt = this.attempts.get(key)
    if (attempt) return attempt.txnId
    const txnId = this.make()
    this.attempts.set(key, { txnId, uncertain: false })
    return txnId
  }

  /** Whether the last send for this reward got no answer. */
  uncertain(memberId: string, templateId: string): boolean {
    return this.attempts.get(ExchangeAttempts.key(memberId, templateId))?.uncertain ?? false
  }

  /** The api bought the reward under `txnId`: the next purchase is a new one. */
  answered(memberId: string, templateId: string, txnId: string): void {
    const key = ExchangeAttempts.key(memberId, templateId)
    if (this.attempts.get(key)?.txnId === txnId) this.attempts.delete(key)
  }

  /**
   * A send under `txnId` failed. Answers whether its outcome is unknown: then the id is kept for the retry;
   * otherwise (a refusal: not enough points, no longer for sale, the id taken) it ends, as an answer does.
   */
  failed(memberId: string, templateId: string, txnId: string, error: unknown): boolean {
    const key = ExchangeAttempts.key(memberId, templateId)
    const attempt = this.attempts.get(key)
    const unknown = outcomeUnknown(error)
    if (attempt?.txnId !== txnId) return unknown
    if (unknown) attempt.uncertain = true
    else this.attempts.delete(key)
    return unknown
  }
}

/** The portal's purchases, for as long as the tab lives (a dialog closed after a lost answer reopens with the same id). */
export const exchangeAttempts = new ExchangeAttempts()
