import { computed, onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'
import { getMemberCode } from '../api/me'
import { memberId } from '../api/session'
import { CodeTicker } from './codeTicker'
import { DEFAULT_REFRESH_MS, freshness, refreshDelay, retryDelay, type ShownCode } from './memberCode'
import { useNow } from './useNow'

/**
 * The member code on screen while the page is: fetched on opening, again when the api says the next one is
 * due, and at once when the tab comes back into view (a hidden tab fetches nothing: nobody is scanning it,
 * and a phone's browser would hold its timers back anyway). A failed fetch keeps the last code on screen,
 * marked as possibly out of date, and is retried.
 */
export function useMemberCode() {
  const now = useNow(1000)
  const shown = shallowRef<ShownCode | null>(null)
  const error = shallowRef<unknown>(null)
  const loading = ref(false)
  let failures = 0

  async function load(): Promise<number> {
    const id = memberId.value
    // Signed out: the router is taking the page away.
    if (!id) return DEFAULT_REFRESH_MS
    loading.value = true
    try {
      const answer = await getMemberCode(id)
      // The session may have ended (or changed hands) while the answer was on its way.
      if (memberId.value !== id) return DEFAULT_REFRESH_MS
      shown.value = { answer, receivedAt: Date.now(), failed: false }
      error.value = null
      failures = 0
      return refreshDelay(answer)
    } catch (e) {
      if (memberId.value !== id) return DEFAULT_REFRESH_MS
      error.value = e
      if (shown.value) shown.value = { ...shown.value, failed: true }
      return retryDelay(++failures)
    } finally {
      loading.value = false
    }
  }

  const ticker = new CodeTicker(load)
  const onVisibility = () => (document.visibilityState === 'hidden' ? ticker.stop() : ticker.now())

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility)
    if (document.visibilityState !== 'hidden') ticker.now()
  })
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility)
    ticker.stop()
  })

  return {
    shown,
    error,
    loading,
    freshness: computed(() => (shown.value ? freshness(shown.value, now.value) : null)),
    refresh: () => ticker.now(),
  }
}
