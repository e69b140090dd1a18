import { describe, expect, it } from 'vitest'
import { DEFAULT_RESEND_AFTER, codeButton, resendAt, secondsUntil, validMinutes } from '../../src/member/countdown'

const T0 = 1_800_000_000_000

describe('the sign-in code button', () => {
  it('offers to send a code until one was asked for', () => {
    expect(codeButton(null, T0)).toEqual({ state: 'send' })
  })

  it("counts down the api's resendAfter from its answer, in whole seconds rounded up", () => {
    const next = resendAt(T0, 60)
    expect(codeButton(next, T0)).toEqual({ state: 'wait', seconds: 60 })
    expect(codeButton(next, T0 + 100)).toEqual({ state: 'wait', seconds: 60 })
    expect(codeButton(next, T0 + 59_001)).toEqual({ state: 'wait', seconds: 1 })
  })

  it('offers to send again once the wait is over', () => {
    const next = resendAt(T0, 60)
    expect(codeButton(next, T0 + 60_000)).toEqual({ state: 'resend' })
    expect(codeButton(next, T0 + 600_000)).toEqual({ state: 'resend' })
  })

  it('waits the usual minute when the answer has no usable resendAfter', () => {
    expect(resendAt(T0, undefined)).toBe(T0 + DEFAULT_RESEND_AFTER * 1000)
    expect(resendAt(T0, Number.NaN)).toBe(T0 + DEFAULT_RESEND_AFTER * 1000)
    expect(resendAt(T0, -5)).toBe(T0 + DEFAULT_RESEND_AFTER * 1000)
    expect(resendAt(T0, 0)).toBe(T0)
  })

  it('never counts below zero', () => {
    expect(secondsUntil(T0, T0 + 5_000)).toBe(0)
    expect(secondsUntil(null, T0)).toBe(0)
  })

  it('says how many minutes a sent code is good for: whole minutes up, at least one, five when not told', () => {
    expect(validMinutes(300)).toBe(5)
    expect(validMinutes(61)).toBe(2)
    expect(validMinutes(10)).toBe(1)
    expect(validMinutes(undefined)).toBe(5)
  })
})
