import type { DirectoryEntry } from '../api/stores'

// Registration's optional home-store picker (常去门店), filled from the public GET /store-directory.

export interface StoreChoice {
  storeId: string
  /** What the shopper reads: the store's name (its id only when it has none). */
  label: string
}

export interface StoreGroup {
  /** The region's name; null for the stores without one. */
  region: string | null
  stores: StoreChoice[]
}

const byChinese = (a: string, b: string) => a.localeCompare(b, 'zh-CN')

/**
 * The stores by region, regions in Chinese order and stores by name within each; the stores without a region come
 * last. A shopper looks for the store they know by its district and name, never by its id.
 */
export function homeStoreGroups(directory: readonly DirectoryEntry[]): StoreGroup[] {
  const groups = new Map<string | null, StoreChoice[]>()
  for (const entry of directory) {
    const region = entry.region?.trim() || null
    const label = entry.name?.trim() || entry.storeId
    groups.set(region, [...(groups.get(region) ?? []), { storeId: entry.storeId, label }])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : byChinese(a, b)))
    .map(([region, stores]) => ({ region, stores: stores.sort((x, y) => byChinese(x.label, y.label) || byChinese(x.storeId, y.storeId)) }))
}

/** Region headings only help when some store has a region: a chain without regions gets a plain list. */
export const showsRegions = (groups: readonly StoreGroup[]) => groups.some((g) => g.region !== null)

/** The pick, while the directory still lists it; else none (`''`, which sends no store). */
export const keptPick = (storeId: string, directory: readonly DirectoryEntry[]) => (directory.some((s) => s.storeId === storeId) ? storeId : '')
