import { computed, reactive } from 'vue'
import { state as sessionState } from '../api/session'
import type { DashboardScope } from './types'

export const CHAIN = '__chain__'
const STORAGE_KEY = 'loyalty.console.scope'

/** Which dashboard the header's store selector points at, and the stores the console knows of. */
export const selection = reactive<{ value: string; known: string[] }>({
  value: globalThis.localStorage?.getItem(STORAGE_KEY) ?? '',
  known: [],
})

export function select(value: string) {
  selection.value = value
  globalThis.localStorage?.setItem(STORAGE_KEY, value)
}

export function learnStores(storeIds: readonly string[]) {
  const merged = new Set([...selection.known, ...storeIds])
  if (merged.size !== selection.known.length) selection.known = [...merged].sort()
}

/** Admins start on the chain, managers on their first store; a choice outside one's rights falls back. */
export function effectiveSelection(value: string, roles: readonly string[], stores: readonly string[]): string {
  const admin = roles.includes('admin')
  if (value === CHAIN) return admin ? CHAIN : (stores[0] ?? '')
  if (value && (admin || stores.includes(value))) return value
  return admin ? CHAIN : (stores[0] ?? '')
}

export const currentScope = computed<DashboardScope | null>(() => {
  const session = sessionState.session
  if (!session) return null
  const value = effectiveSelection(selection.value, session.roles, session.stores)
  if (value === CHAIN) return { kind: 'chain' }
  return value ? { kind: 'store', storeId: value } : null
})
