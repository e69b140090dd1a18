import { ApiError } from '../api/http'
import { messageKey } from '../utils/format'

/**
 * A refusal as a member reads it: a sentence in their language for the codes the portal knows (under
 * `me.errors`), with the api's own `detail` beneath it, which may say more (until when a lock-out lasts).
 */
export interface Problem {
  title: string
  detail: string
}

type Translate = (key: string, values?: Record<string, unknown>) => string

/**
 * Null when there is nothing to add to the form: a `400` whose every field problem is shown next to its
 * field (`fields`). Problems of fields the form does not show are listed in the detail.
 */
export function refusalOf(error: unknown, t: Translate, te: (key: string) => boolean, fields: readonly string[] = []): Problem | null {
  if (!(error instanceof ApiError)) return { title: t('common.error', { message: error instanceof Error ? error.message : String(error) }), detail: '' }
  const elsewhere = Object.entries(error.errors).filter(([field]) => !fields.includes(field))
  if (Object.keys(error.errors).length > 0 && elsewhere.length === 0) return null
  const known = `me.errors.${messageKey(error.code)}`
  if (te(known)) return { title: t(known), detail: error.message }
  // The rate limiter's 429 carries no problem document, only the status.
  if (error.status === 429) return { title: t('me.login.tooManyRequests'), detail: '' }
  return { title: t('common.error', { message: error.message }), detail: elsewhere.map(([field, problems]) => `${field}: ${problems.join('; ')}`).join('\n') }
}

/** The one line a toast shows for a refusal of an action without a form (a button on a card). */
export function refusalLine(error: unknown, t: Translate, te: (key: string) => boolean): string {
  return refusalOf(error, t, te)?.title ?? t('common.error', { message: String(error) })
}
