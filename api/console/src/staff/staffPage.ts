import type { Store } from '../api/stores'
import { CHAIN, effectiveSelection } from '../dashboard/selection'
import { offeredStores } from './stores'

// Who sees what on the 用户与设备 page. The api keeps staff accounts (/staff) to head office, and lets a store manager
// manage the lanes and gateways of their own stores (DevicesApi: 403 auth.forbidden_store for any other): a store
// replacing a broken till on a Sunday does not wait for head office.

export type StaffSection = 'accounts' | 'devices'

/** The page's sections for these roles, in the order shown: head office both, a store manager the devices alone. */
export function staffSections(roles: readonly string[]): StaffSection[] {
  if (roles.includes('admin')) return ['accounts', 'devices']
  return roles.includes('manager') ? ['devices'] : []
}

/** The key under `menu` naming a page in the menu and the header: the staff page is "门店设备" to whoever sees only devices. */
export function pageTitleKey(routeName: string, roles: readonly string[]): string {
  return routeName === 'staff' && !staffSections(roles).includes('accounts') ? 'devices' : routeName
}

/** Who may type a store id the list does not hold (a store nobody set up yet): head office only. */
export const typesStores = (roles: readonly string[]) => roles.includes('admin')

/**
 * The stores the devices section offers. Head office: those set up and its own, or (while the list cannot be read)
 * those `guessed` from what the console saw. A manager: their own stores and no other, whatever the list says.
 */
export function deviceStores(roles: readonly string[], listed: readonly Store[] | null, own: readonly string[], guessed: readonly string[] = []): string[] {
  return typesStores(roles) ? offeredStores(listed, own, guessed) : offeredStores(null, own)
}

/** The store the devices section opens on: the one the header points at, if it points at one the caller may act for. */
export function firstDeviceStore(selected: string, roles: readonly string[], own: readonly string[]): string {
  const store = effectiveSelection(selected, roles, own)
  return store === CHAIN ? '' : store
}
