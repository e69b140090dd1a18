// What can be done with a member's card in its state, for the portal and the staff desk alike.

export type CardAction = 'reportLost' | 'found'

/**
 * An active card may be reported lost, a lost one found again (解挂: it works again, its balance as it was). A
 * replaced card stays replaced, since its balance moved to the new card; an expired one is the store's to renew.
 */
export function cardActions(status: string): CardAction[] {
  if (status === 'active') return ['reportLost']
  if (status === 'lost') return ['found']
  return []
}
