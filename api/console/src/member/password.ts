// The api's one rule for a member's password (MemberPasswords.cs), mirrored for instant feedback: the
// api stays the judge, and says so with a field error when the two ever disagree.

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

export type PasswordProblem = 'required' | 'length' | 'digitsOnly'

// .NET's char.IsDigit looks at one UTF-16 unit at a time (any Unicode decimal digit, such as ０-９),
// so a digit outside the basic plane counts as two non-digits there; this does the same.
const isDigitUnit = (unit: string) => /^\p{Nd}$/u.test(unit)

export function passwordProblem(password: string): PasswordProblem | null {
  if (!password) return 'required'
  // Length in UTF-16 units, as the api counts it.
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return 'length'
  const units = Array.from({ length: password.length }, (_, i) => password[i])
  if (units.every(isDigitUnit)) return 'digitsOnly'
  return null
}
