import { reactive } from 'vue'
import type { Store } from '../api/stores'

// The chain's stores (GET /stores), read once per session and shared by every page that lets staff pick a store:
// the header, the devices tab, the staff account form, the campaign form, the reports. Saving a store puts it in
// the list at once and reads the list again.

/** Whose list it is: another sign-in (another person, other roles or stores) reads its own. */
export const sessionKey = (session: { username: string; roles: readonly string[]; stores: readonly string[] }) =>
  `${session.username}\n${session.roles.join(',')}\n${session.stores.join(',')}`

const byId = (a: Store, b: Store) => (a.storeId < b.storeId ? -1 : a.storeId > b.storeId ? 1 : 0)

/** The list with `store` in it, replacing the one of the same id, sorted by id as the api sorts it. */
export const withStore = (stores: readonly Store[], store: Store): Store[] => [...stores.filter((s) => s.storeId !== store.storeId), store].sort(byId)

export interface DirectoryState {
  stores: Store[]
  /** The api answered for this session: `stores` is its list. */
  loaded: boolean
  loading: boolean
  /** The last read failed (an api without GET /stores, a network error): pages fall back on the stores they know. */
  failed: boolean
}

export class StoreDirectory {
  readonly state = reactive<DirectoryState>({ stores: [], loaded: false, loading: false, failed: false })
  private key: string | null = null
  private pending: Promise<Store[]> | null = null
  /** Each read's number: only the newest read's answer is kept (one begun before a save may not undo it). */
  private latest = 0

  constructor(private readonly fetchStores: () => Promise<Store[]>) {}

  /**
   * The stores of the session `key`: read from the api the first time (a read under way is shared), from memory after
   * that; `force` reads them again. A failed read is tried again by the next call.
   */
  load(key: string, force = false): Promise<Store[]> {
    this.switchTo(key)
    if (this.pending && !force) return this.pending
    if (this.state.loaded && !force) return Promise.resolve(this.state.stores)
    const ticket = ++this.latest
    this.state.loading = true
    const pending = this.fetchStores().then(
      (stores) => {
        if (ticket === this.latest) Object.assign(this.state, { stores: [...stores].sort(byId), loaded: true, failed: false })
        return this.state.stores
      },
      (error: unknown) => {
        if (ticket === this.latest) this.state.failed = true
        throw error
      },
    )
    this.pending = pending
    void pending.catch(() => {}).finally(() => {
      if (ticket !== this.latest) return
      this.state.loading = false
      this.pending = null
    })
    return pending
  }

  /** A store just saved (PUT /stores answered it): listed at once, then the list read again. */
  saved(key: string, store: Store): Promise<Store[]> {
    this.switchTo(key)
    this.state.stores = withStore(this.state.stores, store)
    return this.load(key, true)
  }

  /** Another session (or none): its list is read afresh, the last one's forgotten. The same session keeps its list. */
  switchTo(key: string | null): void {
    if (key !== this.key) this.reset(key)
  }

  /** Forgets the list (signed out, or someone else signed in): a read still under way is dropped. */
  reset(key: string | null = null): void {
    this.key = key
    this.latest++
    this.pending = null
    Object.assign(this.state, { stores: [], loaded: false, loading: false, failed: false })
  }
}
