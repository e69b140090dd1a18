import { PHONE_PATTERN } from '../api/members'

// Staff changing a member's phone number at the service desk (docs/sign-in.md, "Changing the phone number"): no
// code, since they see the member and check who they are; the old number is told by SMS.

/**
 * Head office, or a manager of the member's home store (the api refuses anyone else with 403). A member whose home
 * store is not known is offered to every manager: the api decides.
 */
export function mayChangePhone(roles: readonly string[], stores: readonly string[], homeStoreId?: string | null): boolean {
  if (roles.includes('admin')) return true
  return roles.includes('manager') && (!homeStoreId || stores.includes(homeStoreId))
}

/** A key under `members.phoneDialog`, or null: a mainland mobile, and not the member's number now. */
export function staffPhoneProblem(phone: string, current?: string | null): string | null {
  const text = phone.trim()
  if (!text) return 'required'
  if (!PHONE_PATTERN.test(text)) return 'invalid'
  return current && text === current.trim() ? 'same' : null
}

/** PUT /members/{id}/phone from staff: the new number alone. */
export const staffPhoneBody = (phone: string) => ({ phone: phone.trim() })
