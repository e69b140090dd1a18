// The api's rules for a staff account (StaffRules.cs), mirrored for instant feedback in the account dialogs:
// the api stays the judge and answers a field error should the two ever disagree.
import { STAFF_ROLES } from '../api/session'
import type { NewStaff, StaffChanges } from '../api/staff'

export const USERNAME_MAX = 64
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 256
/** Rules.StoreId: what a store id (and a device id) may be. */
export const STORE_ID = /^[A-Za-z0-9_-]{1,32}$/

export interface StaffForm {
  username: string
  password: string
  roles: string[]
  storeIds: string[]
}

export type StaffField = 'username' | 'password' | 'roles' | 'storeIds'
/** Each field's problem as a key under `staff.fields`. */
export type StaffProblems = Partial<Record<StaffField, string>>

/** A new password, whether set by head office or by the person themself. */
export function staffPasswordProblem(password: string): string | null {
  if (!password) return 'passwordRequired'
  if (password.length < PASSWORD_MIN) return 'passwordShort'
  if (password.length > PASSWORD_MAX) return 'passwordLong'
  return null
}

/** The stores as typed: trimmed, each once, in the order given. */
export const cleanStoreIds = (storeIds: readonly string[]) => [...new Set(storeIds.map((s) => s.trim()).filter(Boolean))]

/** The roles in a fixed order (admin, manager), each once, and only the staff roles. */
export const cleanRoles = (roles: readonly string[]) => STAFF_ROLES.filter((r) => roles.includes(r))

/** At least one role; stores that are store ids; a manager who is not also an admin needs a store to manage. */
export function rolesAndStoresProblems(roles: readonly string[], storeIds: readonly string[]): StaffProblems {
  const problems: StaffProblems = {}
  if (roles.length === 0 || roles.some((r) => !STAFF_ROLES.includes(r))) problems.roles = 'rolesRequired'
  const stores = cleanStoreIds(storeIds)
  if (stores.some((s) => !STORE_ID.test(s))) problems.storeIds = 'storeInvalid'
  else if (roles.includes('manager') && !roles.includes('admin') && stores.length === 0) problems.storeIds = 'managerNeedsStore'
  return problems
}

/** Creating checks everything; editing changes roles and stores only (the name is fixed, the password is reset apart). */
export function staffFormProblems(form: StaffForm, creating: boolean): StaffProblems {
  const problems = rolesAndStoresProblems(form.roles, form.storeIds)
  if (!creating) return problems
  const username = form.username.trim()
  if (!username) problems.username = 'usernameRequired'
  else if (username.length > USERNAME_MAX) problems.username = 'usernameTooLong'
  const password = staffPasswordProblem(form.password)
  if (password) problems.password = password
  return problems
}

/** POST /staff. The password goes as typed: spaces may be part of it. */
export const newStaffBody = (form: StaffForm): NewStaff => ({
  username: form.username.trim(),
  password: form.password,
  roles: cleanRoles(form.roles),
  storeIds: cleanStoreIds(form.storeIds),
})

/** PATCH /staff/{username}. */
export const staffChangesBody = (form: StaffForm): StaffChanges => ({ roles: cleanRoles(form.roles), storeIds: cleanStoreIds(form.storeIds) })
