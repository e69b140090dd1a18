import { describe, expect, it } from 'vitest'
import type { MemberView } from '../../src/api/me'
import { checkContact, contactChanges, contactFormOf } from '../../src/member/contact'
import { confirmsErasure, phoneTail } from '../../src/member/erasure'

const member = (changes: Partial<MemberView> = {}): MemberView => ({
  memberId: 'M000123', name: '张晓梅', phone: '13812345678', birthday: '1988-06-18', birthdayCalendar: 'gregorian', gender: 'female',
  email: 'zhang@example.com', consentMarketing: true, homeStoreId: 's001', channel: 'lane', referralCode: 'R00123',
  registeredAt: '2026-05-01T02:00:00+00:00', tier: 'silver',
  tierProgress: { spend12m: 0, visits12m: 0, nextTier: 'gold', spendToNextTier: 800_000, visitsToNextTier: 60 },
  points: { balance: 0, expiring: [] }, storedValue: 0, coupons: 0, cards: [], ...changes,
})

describe('editing contact data', () => {
  it('sends nothing when nothing changed', () => {
    expect(contactChanges(contactFormOf(member()), member())).toEqual({})
  })

  it('sends only what changed, trimmed', () => {
    const form = { ...contactFormOf(member()), name: ' 张小梅 ', email: 'new@example.com' }
    expect(contactChanges(form, member())).toEqual({ name: '张小梅', email: 'new@example.com' })
  })

  it('sends a birthday with its calendar, also when only the calendar changed', () => {
    expect(contactChanges({ ...contactFormOf(member()), birthdayCalendar: 'lunar' }, member())).toEqual({ birthday: '1988-06-18', birthdayCalendar: 'lunar' })
    const none = member({ birthday: null, gender: null, email: null })
    expect(contactChanges({ ...contactFormOf(none), birthday: '1990-01-02', gender: 'other' }, none)).toEqual({
      birthday: '1990-01-02', birthdayCalendar: 'gregorian', gender: 'other',
    })
  })

  it('refuses to empty a field the api cannot empty, and a wrong e-mail', () => {
    expect(checkContact({ ...contactFormOf(member()), email: ' ', birthday: '' }, member())).toEqual({ email: 'cannotClear', birthday: 'cannotClear' })
    expect(checkContact({ ...contactFormOf(member()), email: 'nope' }, member())).toEqual({ email: 'emailInvalid' })
    expect(checkContact({ ...contactFormOf(member()), name: '' }, member())).toEqual({ name: 'nameRequired' })
    const noEmail = member({ email: null })
    expect(checkContact(contactFormOf(noEmail), noEmail)).toEqual({})
  })
})

describe('erasing the account', () => {
  it('is confirmed by the last four digits of the phone, and nothing else', () => {
    expect(phoneTail('13812345678')).toBe('5678')
    expect(confirmsErasure('5678', '13812345678')).toBe(true)
    expect(confirmsErasure(' 5678 ', '13812345678')).toBe(true)
    expect(confirmsErasure('1234', '13812345678')).toBe(false)
    expect(confirmsErasure('', '13812345678')).toBe(false)
    expect(confirmsErasure('', '')).toBe(false)
    expect(confirmsErasure('78', '78')).toBe(false)
  })
})
