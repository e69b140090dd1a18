import { ref, shallowRef, watch } from 'vue'
import { ApiError } from '../api/http'
import type { ReportQuery } from '../api/reports'

/**
 * One report section's state: reloads whenever the toolbar applies a query, shows the problem's
 * `detail` (403 another store, 400 a bad range) and ignores answers overtaken by a newer query.
 */
export function useReport<T>(query: () => ReportQuery, load: (q: ReportQuery) => Promise<T>) {
  const data = shallowRef<T | null>(null)
  const busy = ref(false)
  const problem = ref('')
  let asked = 0

  async function reload() {
    const mine = ++asked
    busy.value = true
    problem.value = ''
    try {
      const answer = await load(query())
      if (mine === asked) data.value = answer
    } catch (e) {
      if (mine !== asked) return
      // Figures of another scope must not stay on screen under an error about this one.
      data.value = null
      problem.value = e instanceof ApiError ? e.message : String(e)
    } finally {
      if (mine === asked) busy.value = false
    }
  }

  watch(query, reload, { immediate: true })
  return { data, busy, problem, reload }
}
