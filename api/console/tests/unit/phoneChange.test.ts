import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/api/http'
import { codeButton, resendAt } from '../../src/member/countdown'
import {
  blankPhoneChange, checkPhoneChange, mayAskForPhoneCode, newPhoneProblem, phoneChangeBody, phoneChangeRefusal,
} from '../../src/member/phoneChange'
import { mayChangePhone, staffPhoneBody, staffPhoneProblem } from '../../src/staff/memberPhone'

const CURRENT = '13812345678'

describe('a member changing their phone number', () => {
  it('starts empty', () => {
    expect(blankPhoneChange()).toEqual({ phone: '', otp: '' })
  })

  it('takes a mainland mobile as everywhere in the portal, and not the number the member has', () => {
    expect(newPhoneProblem('', CURRENT)).toBe('phoneRequired')
    expect(newPhoneProblem('12345678901', CURRENT)).toBe('phoneInvalid')
    expect(newPhoneProblem('1391234567', CURRENT)).toBe('phoneInvalid')
    expect(newPhoneProblem(' 13812345678 ', CURRENT)).toBe('phoneSame')
    expect(newPhoneProblem(' 13987654321 ', CURRENT)).toBeNull()
  })

  it('needs the 6-digit code as well', () => {
    expect(checkPhoneChange(blankPhoneChange(), CURRENT)).toEqual({ phone: 'phoneRequired', otp: 'otpInvalid' })
    expect(checkPhoneChange({ phone: '13987654321', otp: '12345' }, CURRENT)).toEqual({ otp: 'otpInvalid' })
    expect(checkPhoneChange({ phone: '13987654321', otp: ' 042917 ' }, CURRENT)).toEqual({})
  })

  it('offers a code once the new number is right, and not while the wait runs', () => {
    const T0 = 1_800_000_000_000
    expect(mayAskForPhoneCode('1398765432', CURRENT, codeButton(null, T0))).toBe(false)
    expect(mayAskForPhoneCode(CURRENT, CURRENT, codeButton(null, T0))).toBe(false)
    expect(mayAskForPhoneCode('13987654321', CURRENT, codeButton(null, T0))).toBe(true)
    expect(mayAskForPhoneCode('13987654321', CURRENT, codeButton(resendAt(T0, 60), T0 + 1_000))).toBe(false)
    expect(mayAskForPhoneCode('13987654321', CURRENT, codeButton(resendAt(T0, 60), T0 + 60_000))).toBe(true)
  })

  it('sends the new number and its code, trimmed', () => {
    expect(phoneChangeBody({ phone: ' 13987654321 ', otp: ' 042917 ' })).toEqual({ phone: '13987654321', otp: '042917' })
  })

  it("puts the api's refusals by the field they are about", () => {
    expect(phoneChangeRefusal(new ApiError(422, 'member.phone_not_verified', 'wrong code'))).toEqual({ field: 'otp', key: 'codeWrong' })
    expect(phoneChangeRefusal(new ApiError(409, 'member.phone_taken', 'taken'))).toEqual({ field: 'phone', key: 'taken' })
    expect(phoneChangeRefusal(new ApiError(400, 'request.invalid', 'invalid', { phone: ['bad'] }))).toBeNull()
    expect(phoneChangeRefusal(new TypeError('Failed to fetch'))).toBeNull()
  })
})

describe('staff changing a member\'s phone number at the desk', () => {
  it('is offered to head office and to managers of the member\'s home store', () => {
    expect(mayChangePhone(['admin'], [], 's001')).toBe(true)
    expect(mayChangePhone(['manager'], ['s001', 's002'], 's002')).toBe(true)
    expect(mayChangePhone(['manager'], ['s001'], 's002')).toBe(false)
    expect(mayChangePhone(['manager'], ['s001'], undefined)).toBe(true)
    expect(mayChangePhone(['lane'], ['s001'], 's001')).toBe(false)
  })

  it('checks the new number, and sends it alone (no code)', () => {
    expect(staffPhoneProblem('  ', CURRENT)).toBe('required')
    expect(staffPhoneProblem('23812345678', CURRENT)).toBe('invalid')
    expect(staffPhoneProblem(CURRENT, CURRENT)).toBe('same')
    expect(staffPhoneProblem('13987654321', '138****5678')).toBeNull()
    expect(staffPhoneProblem('13987654321')).toBeNull()
    expect(staffPhoneBody(' 13987654321 ')).toEqual({ phone: '13987654321' })
  })
})
