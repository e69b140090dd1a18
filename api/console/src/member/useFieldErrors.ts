import { reactive, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Problem } from './refusals'

/**
 * A portal form's errors: the form's own checks (keys under `me.fields`), shown once a field was left or the form sent,
 * and the api's answer for a field, shown until that field is edited; `problem` is the api's refusal of the whole form.
 */
export function useFieldErrors<F extends string>(local: Ref<Partial<Record<F, string>>>) {
  const { t } = useI18n()
  const touched = reactive(new Set<F>()) as Set<F>
  const server = reactive<Record<string, string>>({})
  const problem = ref<Problem | null>(null)

  function errorOf(field: F): string {
    if (server[field]) return server[field]
    const key = local.value[field]
    return key && touched.has(field) ? t(`me.fields.${key}`) : ''
  }

  function edited(field: F) {
    delete server[field]
  }

  function clearServer() {
    for (const key of Object.keys(server)) delete server[key]
    problem.value = null
  }

  return { touched, server, problem, errorOf, edited, clearServer }
}
