import { CHAIN, effectiveSelection } from '../dashboard/selection'
import { cardActions, type CardAction } from '../member/cardActions'

/**
 * The store a desk action on a member's card is booked to (the api's `storeId`, as for a report of loss): the
 * store chosen in the header; head office looking at the whole chain acts for the member's home store. Null when
 * there is none (a manager without stores): the api then takes the caller's only store, or refuses.
 */
export function actingStore(selected: string, roles: readonly string[], stores: readonly string[], homeStoreId?: string | null): string | null {
  const value = effectiveSelection(selected, roles, stores)
  if (value && value !== CHAIN) return value
  return roles.includes('admin') && homeStoreId ? homeStoreId : null
}

/** The body of POST /cards/{cardNo}/lost and /found from staff: `{storeId}`, or nothing for the api to choose. */
export const deskBody = (storeId: string | null): { storeId?: string } => (storeId ? { storeId } : {})

/** The same body for 解挂 (the name the desk had before it also reported cards lost). */
export const foundBody = deskBody

/** What the desk offers for a card in its state: 挂失 for an active card, 解挂 for a lost one (as the portal offers). */
export const deskActions = (status: string): CardAction[] => cardActions(status)
