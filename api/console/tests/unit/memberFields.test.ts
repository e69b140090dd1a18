import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/api/http'
import { birthYears, daysIn, joinDate, splitDate } from '../../src/member/birthday'
import { emailProblem, nameProblem, otpProblem, phoneProblem, serverFieldErrors } from '../../src/member/fields'
import { refusalOf } from '../../src/member/refusals'

const messages: Record<string, string> = {
  'me.errors.auth_invalid_credentials': 'wrong credentials',
  'me.login.tooManyRequests': 'slow down',
  'common.error': 'failed: {message}',
}
const t = (key: string, values?: Record<string, unknown>) => (messages[key] ?? key).replace('{message}', String(values?.message ?? ''))
const te = (key: string) => key in messages

describe('field rules mirrored from the api', () => {
  it('knows a mainland mobile number', () => {
    expect(phoneProblem('13812345678')).toBeNull()
    expect(phoneProblem('')).toBe('phoneRequired')
    expect(phoneProblem('12812345678')).toBe('phoneInvalid')
    expect(phoneProblem('1381234567')).toBe('phoneInvalid')
  })

  it('knows a name, an e-mail address and a sign-in code', () => {
    expect(nameProblem('李雷')).toBeNull()
    expect(nameProblem('  ')).toBe('nameRequired')
    expect(nameProblem('a\u0007b')).toBe('nameInvalid')
    expect(emailProblem('')).toBeNull()
    expect(emailProblem('li@example.com')).toBeNull()
    expect(emailProblem('li@example')).toBe('emailInvalid')
    expect(otpProblem('123456')).toBeNull()
    expect(otpProblem('12345')).toBe('otpInvalid')
  })
})

describe("the api's refusals", () => {
  it("puts a 400's field problems next to their fields", () => {
    const error = new ApiError(400, 'request.invalid', 'The request is not valid.', { phone: ['is required'], password: ['must be 8 to 128 characters', 'x'] })
    expect(serverFieldErrors(error)).toEqual({ phone: 'is required', password: 'must be 8 to 128 characters; x' })
    expect(serverFieldErrors(new Error('boom'))).toEqual({})
  })

  it('adds no message when the form shows every field problem, and lists those it does not show', () => {
    const error = new ApiError(400, 'request.invalid', 'The request is not valid.', { phone: ['is required'], storeId: ['is required'] })
    expect(refusalOf(error, t, te, ['phone', 'storeId'])).toBeNull()
    expect(refusalOf(error, t, te, ['phone'])).toEqual({ title: 'failed: The request is not valid.', detail: 'storeId: is required' })
  })

  it("words a known refusal in the member's language and keeps the api's detail", () => {
    const error = new ApiError(401, 'auth.invalid_credentials', 'Unknown phone, or wrong password or code.')
    expect(refusalOf(error, t, te)).toEqual({ title: 'wrong credentials', detail: 'Unknown phone, or wrong password or code.' })
  })

  it("explains the rate limiter's bare 429", () => {
    expect(refusalOf(new ApiError(429, 'http.429', 'Too Many Requests'), t, te)).toEqual({ title: 'slow down', detail: '' })
  })
})

describe('a birthday of year, month and day', () => {
  it('has real month lengths in the gregorian calendar and up to 30 days in the lunar one', () => {
    expect(daysIn('gregorian', 2024, 2)).toBe(29)
    expect(daysIn('gregorian', 2023, 2)).toBe(28)
    expect(daysIn('gregorian', 2023, 12)).toBe(31)
    expect(daysIn('lunar', 2023, 2)).toBe(30)
  })

  it('reads and writes YYYY-MM-DD', () => {
    expect(splitDate('1990-02-30')).toEqual({ year: 1990, month: 2, day: 30 })
    expect(splitDate('')).toBeNull()
    expect(joinDate({ year: 1990, month: 2, day: 3 })).toBe('1990-02-03')
  })

  it('offers the years from this one back to 1901', () => {
    const years = birthYears(2026)
    expect(years[0]).toBe(2026)
    expect(years.at(-1)).toBe(1901)
  })
})
