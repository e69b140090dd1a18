import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../src/api/http'
import { clearPaymentPin, getPaymentPin, sendPaymentPinCode, setPaymentPin } from '../../src/api/paymentPin'
import { state } from '../../src/api/session'
import { blankPinForm, pinBody } from '../../src/member/paymentPin'

let calls: Array<{ url: string; method?: string; body: unknown }>
let answer: () => Response
const STATUS = { set: true, lockedUntil: null, changedAt: '2026-11-22T01:30:00+00:00' }

beforeEach(() => {
  calls = []
  answer = () => Response.json(STATUS)
  state.session = { token: 'the-token', username: 'M000123', roles: ['member'], stores: [], expiresAt: Date.now() + 60_000, memberId: 'M000123' }
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) })
    return answer()
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
  state.session = null
})

describe('the payment PIN, as sent to the api', () => {
  it('reads the status, asks for a code with an empty body, sets with one proof and clears by DELETE', async () => {
    expect(await getPaymentPin('M000123')).toEqual(STATUS)
    await sendPaymentPinCode('M000123')
    await setPaymentPin('M000123', pinBody({ ...blankPinForm(), otp: ' 042917 ', pin: '730518', again: '730518' }, 'otp'))
    await setPaymentPin('M000123', pinBody({ ...blankPinForm(), currentPin: '730518', pin: '482916', again: '482916' }, 'currentPin'))
    await clearPaymentPin('M/1')
    expect(calls.map(({ url, method, body }) => [method, url, body])).toEqual([
      ['GET', '/api/v1/members/M000123/payment-pin', undefined],
      ['POST', '/api/v1/members/M000123/payment-pin/otp', {}],
      ['PUT', '/api/v1/members/M000123/payment-pin', { pin: '730518', otp: '042917' }],
      ['PUT', '/api/v1/members/M000123/payment-pin', { pin: '482916', currentPin: '730518' }],
      ['DELETE', '/api/v1/members/M%2F1/payment-pin', undefined],
    ])
  })

  it('hands back a refusal as the api words it', async () => {
    answer = () => Response.json({ status: 422, code: 'payment_pin.proof_wrong', detail: 'The current PIN is wrong (or locked)' }, { status: 422 })
    const error = await setPaymentPin('M000123', { pin: '482916', currentPin: '000001' }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 422, code: 'payment_pin.proof_wrong' })
  })
})
