// The chain's stores (GET/PUT /stores, StoresApi.cs): every store for head office, a manager's own for a manager;
// and the public directory of them all, for shoppers.
import { asList, get, publicApi, put } from './http'

/** One store as the api lists it: its name, IANA time zone (its business day and its receipts' clock) and region. */
export interface Store {
  storeId: string
  name: string
  timeZone: string
  region?: string | null
}

/** What PUT /stores/{storeId} takes: the id is the path's. */
export interface StoreChanges {
  name: string
  timeZone: string
  region?: string
}

/** Sorted by id. A store that staff name but nobody set up (no PUT yet) is not listed. */
export async function listStores(): Promise<Store[]> {
  return asList<Store>(await get<unknown>('/stores'))
}

/**
 * Creates the store, or changes it (head office, or a manager of that store: else 403 auth.forbidden_store).
 * 400 with field errors, e.g. `timeZone` when it is not an IANA zone.
 */
export const saveStore = (storeId: string, changes: StoreChanges) => put<Store>(`/stores/${encodeURIComponent(storeId)}`, changes)

/** One store as anyone may see it (GET /store-directory): no time zone, nothing but what a shopper picks by. */
export interface DirectoryEntry {
  storeId: string
  name: string
  region: string | null
}

/**
 * Every store, sorted by id, without a token: registration's home-store picker. The api caches it a minute and
 * limits it per address like sign-in (a 429 is thrown as any refusal).
 */
export async function readStoreDirectory(): Promise<DirectoryEntry[]> {
  return asList<DirectoryEntry>(await publicApi<unknown>('GET', '/store-directory'))
}
