import type { BirthdayCalendar } from '../api/me'

// A birthday is entered as year, month and day in either calendar. A lunar date is no gregorian date
// (the 30th of the second lunar month exists), so no gregorian date picker can take it.

export const FIRST_YEAR = 1901

export interface DateParts {
  year: number
  month: number
  day: number
}

export function splitDate(text: string | null | undefined): DateParts | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '')
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null
}

export const joinDate = ({ year, month, day }: DateParts) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

/**
 * Days a month may have: the real count for a gregorian month; 30 for a lunar one, whose length varies
 * by year (29 or 30): the api tells when the 30th does not exist that year.
 */
export function daysIn(calendar: BirthdayCalendar, year: number, month: number): number {
  if (calendar === 'lunar') return 30
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Newest first: most members look for a recent year. */
export function birthYears(thisYear: number): number[] {
  return Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i)
}
