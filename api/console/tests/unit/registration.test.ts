import { describe, expect, it } from 'vitest'
import { blankRegistration, checkRegistration, registrationBody, type RegistrationForm } from '../../src/member/registration'

const filled = (changes: Partial<RegistrationForm> = {}): RegistrationForm => ({
  ...blankRegistration(), phone: '13912345678', name: '李雷', password: 'spring-2026', ...changes,
})

describe('web registration', () => {
  it('asks for marketing consent rather than assuming it', () => {
    expect(blankRegistration().consentMarketing).toBe(false)
    expect(blankRegistration('K7Q2M9').referralCode).toBe('K7Q2M9')
  })

  it('finds nothing wrong with phone, name and a good password', () => {
    expect(checkRegistration(filled())).toEqual({})
  })

  it('names what is wrong, by field', () => {
    expect(checkRegistration(blankRegistration())).toEqual({ phone: 'phoneRequired', name: 'nameRequired', password: 'password_required' })
    expect(checkRegistration(filled({ phone: '12345678901', password: '12345678', email: 'not-mail', name: 'x'.repeat(51) }))).toEqual({
      phone: 'phoneInvalid', password: 'password_digitsOnly', email: 'emailInvalid', name: 'nameTooLong',
    })
    expect(checkRegistration(filled({ referralCode: 'X'.repeat(17) }))).toEqual({ referralCode: 'referralInvalid' })
  })

  it('sends a web sign-up without a store, and leaves out the optional fields left empty', () => {
    expect(registrationBody(filled({ phone: ' 13912345678 ', name: ' 李雷 ', email: '  ' }))).toEqual({
      phone: '13912345678', name: '李雷', password: 'spring-2026', channel: 'web', consentMarketing: false,
    })
  })

  it('sends the birthday with its calendar, the e-mail, consent and the referral code when given', () => {
    const body = registrationBody(filled({ birthday: '1990-02-30', birthdayCalendar: 'lunar', email: 'li@example.com', consentMarketing: true, referralCode: ' R00124 ' }))
    expect(body).toMatchObject({ birthday: '1990-02-30', birthdayCalendar: 'lunar', email: 'li@example.com', consentMarketing: true, referralCode: 'R00124' })
    expect(body).not.toHaveProperty('storeId')
  })
})
