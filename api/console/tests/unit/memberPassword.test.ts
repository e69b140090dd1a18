import { describe, expect, it } from 'vitest'
import { passwordProblem } from '../../src/member/password'

describe("a member's password (the api's MemberPasswords rule)", () => {
  it('takes 8 to 128 characters that are not all digits', () => {
    expect(passwordProblem('spring-2026')).toBeNull()
    expect(passwordProblem('abcdefgh')).toBeNull()
    expect(passwordProblem('a'.repeat(128))).toBeNull()
    expect(passwordProblem('1234567a')).toBeNull()
  })

  it('asks for one when there is none', () => {
    expect(passwordProblem('')).toBe('required')
  })

  it('refuses one too short or too long', () => {
    expect(passwordProblem('abc1234')).toBe('length')
    expect(passwordProblem('a'.repeat(129))).toBe('length')
  })

  it('refuses a keypad PIN, in any script of digits, as .NET char.IsDigit does', () => {
    expect(passwordProblem('12345678')).toBe('digitsOnly')
    expect(passwordProblem('１２３４５６７８')).toBe('digitsOnly') // full-width
    expect(passwordProblem('٠١٢٣٤٥٦٧')).toBe('digitsOnly') // Arabic-Indic
  })

  it('counts UTF-16 units like the api: a digit beyond the basic plane is no digit there', () => {
    // U+1D7CE MATHEMATICAL BOLD DIGIT ZERO is two UTF-16 units, neither of them a digit to char.IsDigit.
    expect(passwordProblem('𝟎𝟏𝟐𝟑')).toBeNull()
    expect(passwordProblem('𝟎𝟏𝟐')).toBe('length')
  })
})
