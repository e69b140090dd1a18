import type { BirthdayCalendar, ContactChanges, MemberView } from '../api/me'
import { emailProblem, nameProblem, onlyProblems } from './fields'

export interface ContactForm {
  name: string
  email: string
  gender: '' | 'female' | 'male' | 'other'
  birthday: string
  birthdayCalendar: BirthdayCalendar
}

export const contactFormOf = (m: MemberView): ContactForm => ({
  name: m.name ?? '',
  email: m.email ?? '',
  gender: m.gender ?? '',
  birthday: m.birthday ?? '',
  birthdayCalendar: m.birthdayCalendar ?? 'gregorian',
})

export type ContactField = 'name' | 'email' | 'gender' | 'birthday'

/** PATCH cannot empty a field (absent means "unchanged"): emptying one that holds a value is refused here. */
export function checkContact(form: ContactForm, was: MemberView): Partial<Record<ContactField, string>> {
  const cleared = (now: string, before: string | null) => (!now.trim() && before ? 'cannotClear' : null)
  return onlyProblems<ContactField>({
    name: nameProblem(form.name),
    email: cleared(form.email, was.email) ?? emailProblem(form.email),
    gender: cleared(form.gender, was.gender),
    birthday: cleared(form.birthday, was.birthday),
  })
}

/** Only what changed. A birthday goes with its calendar: the api reads the date in the calendar given. */
export function contactChanges(form: ContactForm, was: MemberView): ContactChanges {
  const changes: ContactChanges = {}
  if (form.name.trim() !== (was.name ?? '')) changes.name = form.name.trim()
  if (form.email.trim() && form.email.trim() !== (was.email ?? '')) changes.email = form.email.trim()
  if (form.gender && form.gender !== was.gender) changes.gender = form.gender
  if (form.birthday && (form.birthday !== was.birthday || form.birthdayCalendar !== was.birthdayCalendar)) {
    changes.birthday = form.birthday
    changes.birthdayCalendar = form.birthdayCalendar
  }
  return changes
}
