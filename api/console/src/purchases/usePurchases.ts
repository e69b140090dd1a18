import { ref, type Ref } from 'vue'
import { listPurchases, type PurchaseItem } from '../api/purchases'
import { withPage } from './paging'

/**
 * A member's purchases, a page at a time: `load(true)` the first page (a member opened, or a refresh), `load(false)`
 * the page after the last one shown. A late answer for another member, or for a list since started again, is dropped.
 */
export function usePurchases(memberId: Ref<string | null | undefined>) {
  const items = ref<PurchaseItem[]>([])
  const next = ref<string | null>(null)
  const loading = ref(false)
  const error = ref<unknown>(null)
  let generation = 0

  async function load(first: boolean) {
    const id = memberId.value
    if (!id || (!first && !next.value)) return
    const mine = first ? ++generation : generation
    if (first) {
      items.value = []
      next.value = null
    }
    loading.value = true
    error.value = null
    try {
      const page = await listPurchases(id, first ? null : next.value)
      if (mine !== generation || id !== memberId.value) return
      items.value = withPage(items.value, page, first)
      next.value = page.next
    } catch (e) {
      if (mine === generation) error.value = e
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  return { items, next, loading, error, load }
}
