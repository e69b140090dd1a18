import { CHAIN } from '../dashboard/selection'

// The reports' store choice: CHAIN sends no storeId, which the api reads as "every store I may read"
// (the chain for head office, the token's stores for a manager).

export { CHAIN as ALL_STORES }

/** The stores offered: a manager's own; for head office also those the console has seen (typing another is allowed). */
export function storeChoices(roles: readonly string[], ownStores: readonly string[], known: readonly string[]): string[] {
  return roles.includes('admin') ? [...new Set([...ownStores, ...known])].sort() : [...ownStores]
}

/** The storeId parameter of a choice: none for all stores; a manager's choice outside their stores falls back to all of them. */
export function storeParam(choice: string, roles: readonly string[], ownStores: readonly string[]): string | null {
  const value = choice.trim()
  if (!value || value === CHAIN) return null
  return roles.includes('admin') || ownStores.includes(value) ? value : null
}
