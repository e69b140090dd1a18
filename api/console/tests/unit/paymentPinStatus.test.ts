import { describe, expect, it } from 'vitest'
import { pinModes, pinStatusOf, proofOf } from '../../src/member/paymentPinStatus'
import { mayClearPin, offersClear } from '../../src/staff/paymentPin'

const NOW = Date.parse('2026-11-22T09:30:00Z')
const status = (set: boolean, lockedUntil: string | null = null) => ({ set, lockedUntil, changedAt: '2026-11-20T01:00:00Z' })

describe("what is said of a member's payment PIN", () => {
  it('says whether one is set', () => {
    expect(pinStatusOf(status(false), NOW)).toEqual({ key: 'notSet' })
    expect(pinStatusOf(status(true), NOW)).toEqual({ key: 'set' })
  })

  it('says until when a lock runs, on the viewer\'s clock', () => {
    expect(pinStatusOf(status(true, '2026-11-23T01:40:00Z'), NOW, 'Asia/Shanghai')).toEqual({ key: 'locked', until: '2026-11-23 09:40' })
    expect(pinStatusOf(status(true, '2026-11-23T09:40:00+08:00'), NOW, 'UTC')).toEqual({ key: 'locked', until: '2026-11-23 01:40' })
  })

  it('takes a lock whose time has passed as over', () => {
    expect(pinStatusOf(status(true, '2026-11-22T09:29:59Z'), NOW)).toEqual({ key: 'set' })
  })

  it('offers a first PIN by code, a change by the current PIN or a reset by code, and only the reset while locked', () => {
    expect(pinModes('notSet')).toEqual(['first'])
    expect(pinModes('set')).toEqual(['change', 'forgot'])
    expect(pinModes('locked')).toEqual(['forgot'])
    expect(proofOf('first')).toBe('otp')
    expect(proofOf('forgot')).toBe('otp')
    expect(proofOf('change')).toBe('currentPin')
  })
})

describe('clearing a payment PIN at the desk', () => {
  it('is for head office and managers of the member\'s home store', () => {
    expect(mayClearPin(['admin'], [], 's001')).toBe(true)
    expect(mayClearPin(['manager'], ['s001'], 's001')).toBe(true)
    expect(mayClearPin(['manager'], ['s002'], 's001')).toBe(false)
    expect(mayClearPin(['lane'], ['s001'], 's001')).toBe(false)
    expect(mayClearPin(['member'], [], 's001')).toBe(false)
  })

  it('is offered only when there is a PIN to clear', () => {
    expect(offersClear(true, status(true))).toBe(true)
    expect(offersClear(true, status(true, '2026-11-23T01:40:00Z'))).toBe(true)
    expect(offersClear(true, status(false))).toBe(false)
    expect(offersClear(true, null)).toBe(false)
    expect(offersClear(false, status(true))).toBe(false)
  })
})
