import { asList } from '../api/http'

// A member's purchases come newest first in pages (GET /members/{id}/purchases?before&limit): each page's `next` is
// the cursor to send as `before` for the page after it, null on the last one.

/** What one page asks for: the api's default, a screenful on a phone. */
export const PURCHASE_PAGE_SIZE = 20
/** The api's bounds for `limit`. */
export const PURCHASE_PAGE_MAX = 100

export interface PurchasePage<T> {
  items: T[]
  next: string | null
}

/** The path of a page: the first one without `before`; a limit outside 1–100 is brought within it. */
export function purchasesPath(memberId: string, before?: string | null, limit: number = PURCHASE_PAGE_SIZE): string {
  const query = new URLSearchParams()
  if (before) query.set('before', before)
  const size = Number.isFinite(limit) ? Math.min(PURCHASE_PAGE_MAX, Math.max(1, Math.trunc(limit))) : PURCHASE_PAGE_SIZE
  query.set('limit', String(size))
  return `/members/${encodeURIComponent(memberId)}/purchases?${query}`
}

/** A page as the api answers it (`{items, next}`), also an answer that is a bare list (then there is no next page). */
export function pageOf<T>(answer: unknown): PurchasePage<T> {
  const wrapped = answer as { next?: unknown; nextCursor?: unknown } | null | undefined
  const next = typeof wrapped?.next === 'string' ? wrapped.next : typeof wrapped?.nextCursor === 'string' ? wrapped.nextCursor : null
  return { items: asList<T>(answer), next: next || null }
}

/**
 * The list after a page came: the first page replaces what was shown (a new member, or a refresh), a later one
 * is added below it. A purchase already shown is not shown twice (a page may overlap the one before it).
 */
export function withPage<T extends { txnId: string }>(shown: readonly T[], page: PurchasePage<T>, first: boolean): T[] {
  const base = first ? [] : shown
  const seen = new Set(base.map((p) => p.txnId))
  return [...base, ...page.items.filter((p) => !seen.has(p.txnId) && (seen.add(p.txnId), true))]
}
