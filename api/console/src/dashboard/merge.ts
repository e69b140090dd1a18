import type { DashboardSnapshot, DashboardUpdate, MinutePoint } from './types'

// Updates carry absolute values (never deltas), so folding them is idempotent: the same update
// twice, or one the snapshot already holds, changes nothing. Mirrors DashboardMerge.cs on the server.

export const ACTIVITY_LENGTH = 20
const HOUR = 60
const MINUTE_MS = 60_000

/** An update from the same activation that the snapshot is already at or past. */
export function isStale(snapshot: DashboardSnapshot, update: DashboardUpdate): boolean {
  return update.epoch === snapshot.epoch && update.seq <= snapshot.seq
}

function upsert<T>(old: readonly T[], replacements: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>()
  for (const item of old) byKey.set(key(item), item)
  for (const item of replacements) byKey.set(key(item), item)
  return [...byKey.values()]
}

const minuteKey = (p: MinutePoint) => String(Date.parse(p.minute))

/** Keeps the offset the server wrote (the store's local time) when making the minutes of a gap. */
function addMinutes(iso: string, minutes: number): string {
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(iso)?.[1] ?? 'Z'
  const offsetMinutes = offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)))
  const local = new Date(Date.parse(iso) + (minutes + offsetMinutes) * MINUTE_MS)
  return `${local.toISOString().slice(0, 19)}${offset === 'Z' ? 'Z' : offset}`
}

/** "…T10:02:31.5+08:00" → "…T10:02:00+08:00". */
export function startOfMinute(iso: string): string {
  return iso.replace(/T(\d{2}):(\d{2}):\d{2}(\.\d+)?/, 'T$1:$2:00')
}

/**
 * 60 points, one per minute, ending with the newest minute known (or the minute of `at`, if later);
 * missing minutes are zeros.
 */
export function hourEndingAt(points: readonly MinutePoint[], at?: string): MinutePoint[] {
  const candidates = points.map((p) => p.minute)
  if (at) candidates.push(startOfMinute(at))
  if (candidates.length === 0) return []
  const byTime = new Map(points.map((p) => [Date.parse(p.minute), p]))
  const newest = candidates.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a))
  const hour: MinutePoint[] = []
  for (let i = HOUR - 1; i >= 0; i--) {
    const iso = addMinutes(newest, -i)
    hour.push(byTime.get(Date.parse(iso)) ?? { minute: iso, netSales: 0, transactions: 0 })
  }
  return hour
}

function activity<T extends { id: string }>(newer: readonly T[], older: readonly T[], length: number): T[] {
  const seen = new Set<string>()
  const merged: T[] = []
  for (const item of [...newer, ...older]) {
    if (seen.has(item.id)) continue
    seen.add(item.id)
    merged.push(item)
    if (merged.length === length) break
  }
  return merged
}

/** The snapshot as it is after the update. */
export function applyUpdate(snapshot: DashboardSnapshot, update: DashboardUpdate, activityLength = ACTIVITY_LENGTH): DashboardSnapshot {
  if (isStale(snapshot, update)) return snapshot
  return {
    ...snapshot,
    epoch: update.epoch,
    seq: update.seq,
    date: update.date,
    at: update.at,
    figures: update.figures,
    minutes: hourEndingAt(upsert(snapshot.minutes, update.minutes, minuteKey), update.at),
    topCategories: update.topCategories,
    tierMix: update.tierMix,
    lanes: upsert(snapshot.lanes, update.lanes, (l) => l.laneId).sort((a, b) => a.laneId.localeCompare(b.laneId)),
    stores: upsert(snapshot.stores, update.stores, (s) => s.storeId).sort((a, b) => b.netSales - a.netSales || a.storeId.localeCompare(b.storeId)),
    activity: activity(update.activity, snapshot.activity, activityLength),
  }
}

/** One update saying what `older` and then `newer` said. */
export function mergeUpdates(older: DashboardUpdate, newer: DashboardUpdate, activityLength = ACTIVITY_LENGTH): DashboardUpdate {
  return {
    ...newer,
    minutes: upsert(older.minutes, newer.minutes, minuteKey).sort((a, b) => Date.parse(a.minute) - Date.parse(b.minute)),
    lanes: upsert(older.lanes, newer.lanes, (l) => l.laneId),
    stores: upsert(older.stores, newer.stores, (s) => s.storeId),
    activity: activity(newer.activity, older.activity, activityLength),
  }
}
