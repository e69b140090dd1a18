import { describe, expect, it } from 'vitest'
import { codeButton, resendAt } from '../../src/member/countdown'
import { blankRegistration, checkRegistration, mayAskForCode, registrationBody, type RegistrationForm } from '../../src/member/registration'

const filled = (changes: Partial<RegistrationForm> = {}): RegistrationForm => ({
  ...blankRegistration(), phone: '13912345678', otp: '042917', name: '李雷', password: 'spring-2026', ...changes,
})

describe('web registration', () => {
  it('asks for marketing consent rather than assuming it', () => {
    expect(blankRegistration().consentMarketing).toBe(false)
    expect(blankRegistration('K7Q2M9').referralCode).toBe('K7Q2M9')
  })

  it('finds nothing wrong with phone, code, name and a good password', () => {
    expect(checkRegistration(filled())).toEqual({})
  })

  it('names what is wrong, by field', () => {
    expect(checkRegistration(blankRegistration())).toEqual({ phone: 'phoneRequired', otp: 'otpInvalid', name: 'nameRequired', password: 'password_required' })
    expect(checkRegistration(filled({ phone: '12345678901', password: '12345678', email: 'not-mail', name: 'x'.repeat(51) }))).toEqual({
      phone: 'phoneInvalid', password: 'password_digitsOnly', email: 'emailInvalid', name: 'nameTooLong',
    })
    expect(checkRegistration(filled({ referralCode: 'X'.repeat(17) }))).toEqual({ referralCode: 'referralInvalid' })
  })

  it('sends a web sign-up without a store, and leaves out the optional fields left empty', () => {
    expect(registrationBody(filled({ phone: ' 13912345678 ', name: ' 李雷 ', email: '  ' }))).toEqual({
      phone: '13912345678', name: '李雷', password: 'spring-2026', channel: 'web', consentMarketing: false, otp: '042917',
    })
  })

  it('sends the home store picked, and none for "not now" (the api books the member to the web)', () => {
    expect(blankRegistration().storeId).toBe('')
    expect(registrationBody(filled({ storeId: 's001' })).storeId).toBe('s001')
    expect(registrationBody(filled({ storeId: '' }))).not.toHaveProperty('storeId')
  })

  it('leaves a picked home store to the api to check', () => {
    expect(checkRegistration(filled({ storeId: 's001' }))).toEqual({})
  })

  it('requires the 6-digit code sent to the phone before the form may go', () => {
    expect(blankRegistration().otp).toBe('')
    for (const otp of ['', '   ', '12345', '1234567', '12345a', '１２３４５６']) {
      expect(checkRegistration(filled({ otp })), JSON.stringify(otp)).toEqual({ otp: 'otpInvalid' })
    }
    expect(checkRegistration(filled({ otp: ' 000000 ' }))).toEqual({})
  })

  it('carries the code, trimmed, in the body', () => {
    expect(registrationBody(filled({ otp: ' 042917 ' })).otp).toBe('042917')
  })

  it('offers to send a code once the phone is well-formed, and not while the wait runs', () => {
    const T0 = 1_800_000_000_000
    expect(mayAskForCode('', codeButton(null, T0))).toBe(false)
    expect(mayAskForCode('1391234567', codeButton(null, T0))).toBe(false)
    expect(mayAskForCode('12345678901', codeButton(null, T0))).toBe(false)
    expect(mayAskForCode(' 13912345678 ', codeButton(null, T0))).toBe(true)
    const next = resendAt(T0, 60)
    expect(mayAskForCode('13912345678', codeButton(next, T0 + 1_000))).toBe(false)
    expect(mayAskForCode('13912345678', codeButton(next, T0 + 60_000))).toBe(true)
  })

  it('sends the birthday with its calendar, the e-mail, consent and the referral code when given', () => {
    const body = registrationBody(filled({ birthday: '1990-02-30', birthdayCalendar: 'lunar', email: 'li@example.com', consentMarketing: true, referralCode: ' R00124 ' }))
    expect(body).toMatchObject({ birthday: '1990-02-30', birthdayCalendar: 'lunar', email: 'li@example.com', consentMarketing: true, referralCode: 'R00124' })
    expect(body).not.toHaveProperty('storeId')
  })
})
