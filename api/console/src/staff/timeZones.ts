// A store's time zone: its business day, its reports' days and its receipts' clock (an IANA name, as the api takes).

/** Every store of the chain so far is on Beijing time. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

/** Offered in the store form: mainland China first, then the region's neighbours and a few far ones. Another may be typed. */
export const COMMON_TIME_ZONES = [
  'Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Kuala_Lumpur', 'Asia/Bangkok',
  'Asia/Ho_Chi_Minh', 'Asia/Tokyo', 'Asia/Seoul', 'Asia/Dubai', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles',
  'Australia/Sydney', 'UTC',
] as const

/**
 * What an IANA name looks like ("Area/Location", or UTC): typos are caught at once; whether the zone exists is the
 * api's call (it answers a field error on `timeZone`).
 */
export const IANA_ZONE = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/

/** "UTC+08:00" for a zone at an instant (its offset then, daylight saving included); null for a zone the browser does not know. */
export function utcOffset(zone: string, at: Date = new Date()): string | null {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value
    if (!name) return null
    return name === 'GMT' ? 'UTC+00:00' : name.replace(/^GMT/, 'UTC')
  } catch {
    return null
  }
}

/** The zones offered: the common ones, and the store's own when it is another (so editing never loses it). */
export function zoneChoices(current?: string | null): string[] {
  const zone = current?.trim()
  return zone && !(COMMON_TIME_ZONES as readonly string[]).includes(zone) ? [zone, ...COMMON_TIME_ZONES] : [...COMMON_TIME_ZONES]
}
