import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../src/api/http'
import { bindWeChat, changePhone, getNotificationChannels, reportFound, sendPhoneCode, unbindWeChat, updateMe } from '../../src/api/me'
import { changeMemberPhone, markCardFound } from '../../src/api/members'
import { state } from '../../src/api/session'
import { channelChange } from '../../src/member/channels'
import { phoneChangeBody } from '../../src/member/phoneChange'
import { foundBody } from '../../src/staff/cardDesk'
import { staffPhoneBody } from '../../src/staff/memberPhone'

let calls: Array<{ url: string; method?: string; body: unknown; auth: string | null }>
let answer: () => Response

beforeEach(() => {
  calls = []
  answer = () => Response.json({})
  state.session = { token: 'the-token', username: 'M000123', roles: ['member'], stores: [], expiresAt: Date.now() + 60_000, memberId: 'M000123' }
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method, body: init.body === undefined ? undefined : JSON.parse(String(init.body)), auth: new Headers(init.headers).get('Authorization') })
    return answer()
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
  state.session = null
})

describe("a member's own changes, as sent to the api", () => {
  it('asks for a code on the new number, with the member token', async () => {
    answer = () => Response.json({ expiresIn: 300, resendAfter: 60 }, { status: 202 })
    expect(await sendPhoneCode('M000123', '13987654321')).toEqual({ expiresIn: 300, resendAfter: 60 })
    expect(calls).toEqual([{ url: '/api/v1/members/M000123/phone/otp', method: 'POST', body: { phone: '13987654321' }, auth: 'Bearer the-token' }])
  })

  it('changes the number with the code, and hands back a wrong code as the api says it', async () => {
    await changePhone('M000123', phoneChangeBody({ phone: ' 13987654321 ', otp: '042917' }))
    expect(calls[0]).toMatchObject({ url: '/api/v1/members/M000123/phone', method: 'PUT', body: { phone: '13987654321', otp: '042917' } })
    answer = () => Response.json({ status: 422, code: 'member.phone_not_verified', detail: 'ask for a new one' }, { status: 422 })
    const error = await changePhone('M000123', { phone: '13987654321', otp: '000000' }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 422, code: 'member.phone_not_verified' })
  })

  it('sets the channel by PATCH, binds WeChat by PUT and unbinds it by DELETE', async () => {
    await updateMe('M000123', channelChange('email'))
    await bindWeChat('M000123', 'oGZUI0egBJY1zhBYw2KhdUfwVJJE')
    await unbindWeChat('M000123')
    expect(calls.map(({ url, method, body }) => [method, url, body])).toEqual([
      ['PATCH', '/api/v1/members/M000123', { notifyBy: 'email' }],
      ['PUT', '/api/v1/members/M000123/wechat', { openId: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE' }],
      ['DELETE', '/api/v1/members/M000123/wechat', undefined],
    ])
  })

  it("reads the chain's reminder channels and WeChat binding ways with the member token", async () => {
    answer = () => Response.json({ channels: ['sms', 'email'], weChatBindBy: ['code'] })
    expect(await getNotificationChannels()).toEqual({ channels: ['sms', 'email'], weChatBindBy: ['code'] })
    expect(calls).toEqual([{ url: '/api/v1/notification-channels', method: 'GET', body: undefined, auth: 'Bearer the-token' }])
  })

  it('finds a lost card again with an empty body (the member acts for themself)', async () => {
    answer = () => Response.json({ cardNo: '8800012345', status: 'active', balance: 52_000 })
    expect(await reportFound('8800012345')).toMatchObject({ status: 'active' })
    expect(calls[0]).toMatchObject({ url: '/api/v1/cards/8800012345/found', method: 'POST', body: {} })
  })
})

describe('the service desk, as sent to the api', () => {
  it('changes a number without a code, and finds a card for a store', async () => {
    state.session = { token: 'staff-token', username: 'mgr-s001', roles: ['manager'], stores: ['s001'], expiresAt: Date.now() + 60_000 }
    await changeMemberPhone('M000123', staffPhoneBody(' 13987654321 '))
    await markCardFound('CARD/1', foundBody('s001'))
    await markCardFound('8800012345', foundBody(null))
    expect(calls).toEqual([
      { url: '/api/v1/members/M000123/phone', method: 'PUT', body: { phone: '13987654321' }, auth: 'Bearer staff-token' },
      { url: '/api/v1/cards/CARD%2F1/found', method: 'POST', body: { storeId: 's001' }, auth: 'Bearer staff-token' },
      { url: '/api/v1/cards/8800012345/found', method: 'POST', body: {}, auth: 'Bearer staff-token' },
    ])
  })
})
