// The "change password" dialog of the signed-in staff member: checked here first, the api's rule for a new one.
import { staffPasswordProblem } from './accountForm'

export interface OwnPasswordForm {
  current: string
  next: string
  again: string
}

/** Each field's problem as a key under `staff.fields`; empty when the form may be sent. */
export function ownPasswordProblems(form: OwnPasswordForm): Partial<Record<keyof OwnPasswordForm, string>> {
  const problems: Partial<Record<keyof OwnPasswordForm, string>> = {}
  if (!form.current) problems.current = 'currentRequired'
  const next = staffPasswordProblem(form.next)
  if (next) problems.next = next
  if (form.again !== form.next) problems.again = 'passwordMismatch'
  return problems
}
