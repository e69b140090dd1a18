// Head office's staff accounts (GET/POST /staff, docs/security.md): admins only; the api answers a manager 403.
import { asList, get, patch, post, put } from './http'

/** One account as GET /staff lists it (StaffView): disabled accounts are listed too. */
export interface StaffAccount {
  username: string
  roles: string[]
  storeIds: string[]
  createdAt?: string
  disabled?: boolean
  disabledAt?: string | null
}

export interface NewStaff {
  username: string
  password: string
  roles: string[]
  storeIds: string[]
}

export interface StaffChanges {
  roles: string[]
  storeIds: string[]
}

const path = (username: string) => `/staff/${encodeURIComponent(username)}`

export async function listStaff(): Promise<StaffAccount[]> {
  return asList<StaffAccount>(await get<unknown>('/staff'))
}

/** 409 staff.exists when the name is taken. */
export const createStaff = (body: NewStaff) => post<StaffAccount>('/staff', body)

/** The account's tokens stop working at once (a token carries the roles and stores it was issued with). 409 staff.last_admin. */
export const updateStaff = (username: string, changes: StaffChanges) => patch<StaffAccount>(path(username), changes)

/** Ends the account's sessions at once. 409 staff.self (one's own), 409 staff.last_admin. */
export const disableStaff = (username: string) => post<StaffAccount>(`${path(username)}/disable`)
export const enableStaff = (username: string) => post<StaffAccount>(`${path(username)}/enable`)

/** Head office sets a new password for someone who forgot theirs: their sessions end. */
export const resetStaffPassword = (username: string, password: string) => put<void>(`${path(username)}/password`, { password })

/**
 * The list after an answer about one account: that account replaced in place (keeping what the answer left
 * out: POST /staff answers no creation time nor status), or put first when it is new.
 */
export function upsertAccount(list: readonly StaffAccount[], account: StaffAccount): StaffAccount[] {
  const known = list.find((a) => a.username === account.username)
  if (!known) return [{ disabled: false, disabledAt: null, ...account }, ...list]
  return list.map((a) => (a.username === account.username ? { ...a, ...account } : a))
}
