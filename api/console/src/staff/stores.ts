import type { Store } from '../api/stores'
import { STORE_ID } from './accountForm'

const validSorted = (ids: Iterable<string>) => [...new Set(ids)].filter((s) => STORE_ID.test(s)).sort()

/**
 * The stores a picker offers: those set up (GET /stores) and the caller's own (a manager's store may not be set up
 * yet). `guessed` (what the console saw elsewhere) stands in only while the list cannot be read (`listed` null).
 * Each picker that allowed it still takes a typed id, for a store nobody set up yet.
 */
export function offeredStores(listed: readonly Store[] | null, own: readonly string[], guessed: readonly string[] = []): string[] {
  return validSorted([...(listed?.map((s) => s.storeId) ?? guessed), ...own])
}

/** Store names by id, to show beside an id ("s001 人民广场店"). */
export const storeNames = (listed: readonly Store[] | null): Record<string, string> =>
  Object.fromEntries((listed ?? []).filter((s) => s.name).map((s) => [s.storeId, s.name]))

/**
 * What the staff and devices page guessed before the api listed stores, and what it falls back on when the list
 * cannot be read: the stores the console knows (the header's, the admin's own) and those staff accounts name, sorted.
 */
export function knownStores(known: readonly string[], accounts: ReadonlyArray<{ storeIds?: readonly string[] }>): string[] {
  return validSorted([...known, ...accounts.flatMap((a) => a.storeIds ?? [])])
}

/** A row of the stores page: a store set up, or a manager's own store that nobody set up yet (offered to set up). */
export interface StoreRow extends Store {
  setUp: boolean
}

/** The stores listed, and the caller's own stores the api does not list yet (a manager's, not set up), by id. */
export function storeRows(listed: readonly Store[], own: readonly string[]): StoreRow[] {
  const known = new Set(listed.map((s) => s.storeId))
  const missing = validSorted(own).filter((id) => !known.has(id)).map((storeId) => ({ storeId, name: '', timeZone: '', region: null, setUp: false }))
  return [...listed.map((s) => ({ ...s, setUp: true })), ...missing].sort((a, b) => (a.storeId < b.storeId ? -1 : a.storeId > b.storeId ? 1 : 0))
}

/** The rows whose id, name or region holds the text typed (any case); all of them for no text. */
export function filterStores<T extends Store>(rows: readonly T[], query: string): T[] {
  const text = query.trim().toLowerCase()
  if (!text) return [...rows]
  return rows.filter((s) => [s.storeId, s.name, s.region ?? ''].some((v) => v.toLowerCase().includes(text)))
}

/** The regions stores already have, each once, sorted: offered when setting up another store. */
export const regionsOf = (stores: readonly Store[]): string[] =>
  [...new Set(stores.map((s) => s.region?.trim() ?? '').filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'))
