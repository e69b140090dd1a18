import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/api/http'
import {
  blankPinForm, checkPinForm, isWeakPin, isWellFormedPin, pinBody, pinFields, pinProblem, pinRefusal,
} from '../../src/member/paymentPin'

const form = (fields: Partial<ReturnType<typeof blankPinForm>>) => ({ ...blankPinForm(), ...fields })

describe('a payment PIN, by the api\'s rules', () => {
  it('is six ASCII digits', () => {
    expect(isWellFormedPin('482916')).toBe(true)
    expect(isWellFormedPin('048291')).toBe(true)
    expect(isWellFormedPin('48291')).toBe(false)
    expect(isWellFormedPin('4829160')).toBe(false)
    expect(isWellFormedPin(' 482916')).toBe(false)
    expect(isWellFormedPin('48291a')).toBe(false)
    // Full-width digits are digits to .NET's char.IsDigit, not to the api's IsAsciiDigit.
    expect(isWellFormedPin('４８２９１６')).toBe(false)
  })

  it('is weak when one digit repeats or the digits run up or down', () => {
    for (const pin of ['000000', '888888', '123456', '456789', '987654', '543210']) expect(isWeakPin(pin), pin).toBe(true)
    // A run does not wrap past 9, and a near-run is not one.
    for (const pin of ['890123', '098765', '123457', '112233', '135790', '482916']) expect(isWeakPin(pin), pin).toBe(false)
  })

  it('names the first problem of a new PIN', () => {
    expect(pinProblem('')).toBe('pinInvalid')
    expect(pinProblem('12345')).toBe('pinInvalid')
    expect(pinProblem('123456')).toBe('pinWeak')
    expect(pinProblem('482916')).toBeNull()
  })
})

describe('the payment PIN form', () => {
  it('shows the proof first, then the new PIN twice', () => {
    expect(pinFields('otp')).toEqual(['otp', 'pin', 'again'])
    expect(pinFields('currentPin')).toEqual(['currentPin', 'pin', 'again'])
  })

  it('with a code: needs the 6-digit code and a good PIN typed twice alike', () => {
    expect(checkPinForm(blankPinForm(), 'otp')).toEqual({ otp: 'otpInvalid', pin: 'pinInvalid' })
    expect(checkPinForm(form({ otp: '042917', pin: '111111', again: '111111' }), 'otp')).toEqual({ pin: 'pinWeak' })
    expect(checkPinForm(form({ otp: '042917', pin: '482916', again: '482961' }), 'otp')).toEqual({ again: 'pinMismatch' })
    expect(checkPinForm(form({ otp: ' 042917 ', pin: '482916', again: '482916' }), 'otp')).toEqual({})
  })

  it('with the current PIN: needs it well formed, and asks for no code', () => {
    expect(checkPinForm(form({ currentPin: '4829', pin: '730518', again: '730518' }), 'currentPin')).toEqual({ currentPin: 'currentPinInvalid' })
    expect(checkPinForm(form({ currentPin: '482916', pin: '730518', again: '730518' }), 'currentPin')).toEqual({})
  })

  it('sends the new PIN with exactly one proof', () => {
    const filled = form({ otp: ' 042917 ', currentPin: '482916', pin: '730518', again: '730518' })
    expect(pinBody(filled, 'otp')).toEqual({ pin: '730518', otp: '042917' })
    expect(pinBody(filled, 'currentPin')).toEqual({ pin: '730518', currentPin: '482916' })
  })

  it("puts the api's refusals by the field they are about", () => {
    const weak = new ApiError(422, 'payment_pin.weak', 'weak')
    const wrong = new ApiError(422, 'payment_pin.proof_wrong', 'wrong')
    expect(pinRefusal(weak, 'otp')).toEqual({ field: 'pin', key: 'weak' })
    expect(pinRefusal(wrong, 'otp')).toEqual({ field: 'otp', key: 'codeWrong' })
    expect(pinRefusal(wrong, 'currentPin')).toEqual({ field: 'currentPin', key: 'currentWrong' })
    expect(pinRefusal(new ApiError(400, 'request.invalid', 'invalid', { pin: ['must be 6 digits'] }), 'otp')).toBeNull()
    expect(pinRefusal(new TypeError('Failed to fetch'), 'otp')).toBeNull()
  })
})
