import { ApiError } from '../api/http'
import { messageKey } from '../utils/format'

type Translate = (key: string, values?: Record<string, unknown>) => string

/**
 * An api refusal on the staff and devices page as one sentence: the codes head office meets here (the last
 * admin, disabling oneself, a name taken…) worded under `staff.errors` (or `scope`: the member desk's under
 * `members.errors`); field problems the form did not catch as the api wrote them; anything else with the api's
 * own detail. (The members' portal has its own: member/refusals.ts.)
 */
export function staffRefusal(error: unknown, t: Translate, te: (key: string) => boolean, scope = 'staff.errors'): string {
  if (!(error instanceof ApiError)) return t('common.error', { message: error instanceof Error ? error.message : String(error) })
  const known = `${scope}.${messageKey(error.code)}`
  if (te(known)) return t(known)
  const fields = Object.entries(error.errors).map(([field, problems]) => `${field}: ${problems.join('; ')}`)
  return t('common.error', { message: fields.length ? fields.join('; ') : error.message })
}
