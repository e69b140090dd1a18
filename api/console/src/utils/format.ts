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
