/** 6666 basis points → "66.66%" (integer arithmetic). */
export function formatBasisPoints(bp: number | null | undefined): string {
  if (bp == null || !Number.isSafeInteger(bp)) return '—'
  const negative = bp < 0
  const abs = Math.abs(bp)
  return `${negative ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`
}

/** 12345 → "12,345". */
export function formatCount(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return '—'
  const negative = n < 0
  return `${negative ? '-' : ''}${String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`
}

/**
 * The wall-clock part of an ISO timestamp *as the server wrote it* (the store's local time, with
 * its offset), so a manager abroad still sees the store's time: "2026-11-22T09:31:05+08:00" → "09:31".
 */
export function localTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '—'
  const match = /T(\d{2}):(\d{2}):(\d{2})/.exec(iso)
  if (!match) return '—'
  return withSeconds ? `${match[1]}:${match[2]}:${match[3]}` : `${match[1]}:${match[2]}`
}

/** "2026-11-22T09:31:05+08:00" → "2026-11-22 09:31". */
export function localDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(iso)
  return match ? `${match[1]} ${match[2]}:${match[3]}` : iso
}

/**
 * An instant in the viewer's own time zone ("2026-11-23 02:40"), for records the api may write in
 * UTC (member history, campaigns): a manager reads them on the clock on the wall.
 */
export function viewerDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—'
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(ms))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`
}

/** "points.earned" → "points_earned": message keys cannot contain dots. */
export const messageKey = (code: string) => code.replace(/[^A-Za-z0-9_]/g, '_')
