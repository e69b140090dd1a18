import { computed, watch } from 'vue'
import { listStores, type Store } from '../api/stores'
import { state, viewer } from '../api/session'
import { StoreDirectory, sessionKey } from './storeDirectory'
import { storeNames } from './stores'

/** The console's one list of stores: read once per staff session (GET /stores), refreshed after a store is saved. */
export const storeDirectory = new StoreDirectory(listStores)

const currentKey = () => (viewer.value === 'staff' && state.session ? sessionKey(state.session) : null)

// Signed out, or signed in as someone else (or with other roles or stores): the last session's list is not shown for a
// moment, and the new session's is read.
watch(currentKey, (key) => {
  storeDirectory.switchTo(key)
  if (key) void storeDirectory.load(key).catch(() => {})
})

/**
 * The stores for a page that lets staff pick one: `listed` is the api's list (null until it answered, or when it
 * cannot be read: the page then falls back on the stores it knows), `names` their names by id.
 */
export function useStores() {
  const key = currentKey()
  if (key) void storeDirectory.load(key).catch(() => {})
  const listed = computed<Store[] | null>(() => (storeDirectory.state.loaded ? storeDirectory.state.stores : null))
  return {
    listed,
    names: computed(() => storeNames(listed.value)),
    loading: computed(() => storeDirectory.state.loading),
    failed: computed(() => storeDirectory.state.failed),
    /** Reads the list again (the stores page's refresh button); throws what the api answered. */
    reload(): Promise<Store[]> {
      const now = currentKey()
      return now ? storeDirectory.load(now, true) : Promise.resolve([])
    },
    /** A store PUT /stores answered: listed at once, and the list read again. */
    saved(store: Store): void {
      const now = currentKey()
      if (now) void storeDirectory.saved(now, store).catch(() => {})
    },
  }
}
