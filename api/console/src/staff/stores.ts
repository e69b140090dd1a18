import { STORE_ID } from './accountForm'

/**
 * The stores offered to pick from on the staff and devices page: those the console knows (the header's, the
 * admin's own) and those staff accounts name, sorted. The api has no list of stores: another id may be typed.
 */
export function knownStores(known: readonly string[], accounts: ReadonlyArray<{ storeIds?: readonly string[] }>): string[] {
  return [...new Set([...known, ...accounts.flatMap((a) => a.storeIds ?? [])])].filter((s) => STORE_ID.test(s)).sort()
}
