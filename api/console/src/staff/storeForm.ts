// Setting up a store (PUT /stores/{storeId}): the api's rules (StoresApi.PutStore) mirrored for instant feedback;
// the api stays the judge, and its field errors are shown beside the fields all the same.
import type { Store, StoreChanges } from '../api/stores'
import { STORE_ID } from './accountForm'
import { DEFAULT_TIME_ZONE, IANA_ZONE } from './timeZones'

export const NAME_MAX = 100
export const REGION_MAX = 50

export interface StoreForm {
  storeId: string
  name: string
  timeZone: string
  region: string
}

export type StoreField = keyof StoreForm
/** Each field's problem as a key under `stores.fields`. */
export type StoreProblems = Partial<Record<StoreField, string>>

/** The form for a store as listed, or for a new one (on Beijing time). */
export const storeFormOf = (store?: Store | null): StoreForm => ({
  storeId: store?.storeId ?? '',
  name: store?.name ?? '',
  timeZone: store?.timeZone || DEFAULT_TIME_ZONE,
  region: store?.region ?? '',
})

/**
 * The form's problems. A new store's id must be a store id nobody set up yet (`listed`): PUT creates or replaces,
 * and a typo of an existing id would silently rename that store.
 */
export function storeFormProblems(form: StoreForm, creating: boolean, listed: readonly Pick<Store, 'storeId'>[] = []): StoreProblems {
  const problems: StoreProblems = {}
  if (creating) {
    const id = form.storeId.trim()
    if (!id) problems.storeId = 'storeIdRequired'
    else if (!STORE_ID.test(id)) problems.storeId = 'storeIdInvalid'
    else if (listed.some((s) => s.storeId === id)) problems.storeId = 'storeIdTaken'
  }
  const name = form.name.trim()
  if (!name) problems.name = 'nameRequired'
  else if (name.length > NAME_MAX) problems.name = 'nameTooLong'
  const zone = form.timeZone.trim()
  if (!zone) problems.timeZone = 'timeZoneRequired'
  else if (!IANA_ZONE.test(zone)) problems.timeZone = 'timeZoneInvalid'
  if (form.region.trim().length > REGION_MAX) problems.region = 'regionTooLong'
  return problems
}

/** The body of PUT /stores/{storeId}: trimmed; an empty region is left out (the store then has none). */
export function storeBody(form: StoreForm): StoreChanges {
  const region = form.region.trim()
  return { name: form.name.trim(), timeZone: form.timeZone.trim(), ...(region ? { region } : {}) }
}

const FIELDS: readonly StoreField[] = ['storeId', 'name', 'timeZone', 'region']

/**
 * The api's 400 field errors split into those of the form's fields (shown beside them, as the api wrote them) and
 * the rest (shown above the buttons). The api names fields in camelCase; any case is taken.
 */
export function apiFieldErrors(errors: Readonly<Record<string, readonly string[]>>): { fields: Partial<Record<StoreField, string>>; other: string[] } {
  const fields: Partial<Record<StoreField, string>> = {}
  const other: string[] = []
  for (const [name, problems] of Object.entries(errors)) {
    const field = FIELDS.find((f) => f.toLowerCase() === name.toLowerCase())
    if (field) fields[field] = problems.join('; ')
    else other.push(`${name}: ${problems.join('; ')}`)
  }
  return { fields, other }
}
