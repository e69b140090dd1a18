import { viewerDateTime } from '../utils/format'

// Report ranges are local dates (YYYY-MM-DD); the api reads them in each store's time zone.

export type Granularity = 'day' | 'week' | 'month'
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month']

/** The browser's local calendar date of an instant, not its UTC date: at 01:00 in Shanghai it is already "today". */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

/** The last `days` days ending today, both ends included (30 → today and the 29 days before). */
export function lastDays(now: Date, days = 30): { from: string; to: string } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1))
  return { from: localDate(from), to: localDate(now) }
}

/**
 * Axis labels for the api's periods ("2026-11-02" for a day or an ISO week's Monday, "2026-11" for a
 * month). The year is dropped when every period shares it, so labels stay short.
 */
export function periodLabels(periods: readonly string[], by: Granularity, weekOf: (date: string) => string = (d) => d): string[] {
  const years = new Set(periods.map((p) => p.slice(0, 4)))
  const short = years.size <= 1 && by !== 'month'
  return periods.map((p) => {
    const date = short ? p.slice(5) : p
    return by === 'week' ? weekOf(date) : date
  })
}

/** When an analysis ran: a bare date stays as written; an instant is shown on the viewer's clock. Null → "—". */
export function analysisTime(value: string | null | undefined): string {
  if (!value) return '—'
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : viewerDateTime(value)
}
