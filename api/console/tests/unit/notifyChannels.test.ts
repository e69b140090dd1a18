import { describe, expect, it } from 'vitest'
import { CHANNELS, channelChange, channelOf, channelOptions, openIdProblem, typesOpenId } from '../../src/member/channels'

describe('how reminders reach a member', () => {
  it('offers SMS always, e-mail only with an address, WeChat only bound, and says what is missing', () => {
    expect(channelOptions({ email: null, weChatBound: false })).toEqual([
      { value: 'sms', missing: null },
      { value: 'email', missing: 'needEmail' },
      { value: 'wechat', missing: 'needWeChat' },
    ])
    expect(channelOptions({ email: 'li@example.com', weChatBound: true }).every((o) => o.missing === null)).toBe(true)
    expect(channelOptions({ email: '  ', weChatBound: true }).find((o) => o.value === 'email')?.missing).toBe('needEmail')
    // An api from before WeChat says nothing of it: not bound.
    expect(channelOptions({ email: 'li@example.com' }).find((o) => o.value === 'wechat')?.missing).toBe('needWeChat')
  })

  it('greys out a channel the chain does not offer, whatever the member has done for it', () => {
    const ready = { email: 'li@example.com', weChatBound: true }
    expect(channelOptions(ready, ['sms'])).toEqual([
      { value: 'sms', missing: null },
      { value: 'email', missing: 'notOffered' },
      { value: 'wechat', missing: 'notOffered' },
    ])
    // Not offered wins over what the member would have to do first; what is offered still says that.
    expect(channelOptions({ email: null, weChatBound: false }, ['sms', 'email'])).toEqual([
      { value: 'sms', missing: null },
      { value: 'email', missing: 'needEmail' },
      { value: 'wechat', missing: 'notOffered' },
    ])
    expect(channelOptions(ready, ['wechat', 'sms', 'email']).every((o) => o.missing === null)).toBe(true)
  })

  it('takes every channel as offered while the offer is unknown', () => {
    const member = { email: null, weChatBound: true }
    expect(channelOptions(member, null)).toEqual(channelOptions(member))
    expect(channelOptions(member).map((o) => o.missing)).toEqual([null, 'needEmail', null])
  })

  it('lets the member type an open id unless the chain binds WeChat only by the mini-program', () => {
    expect(typesOpenId(['code', 'openId'])).toBe(true)
    expect(typesOpenId(['openId'])).toBe(true)
    expect(typesOpenId(['code'])).toBe(false)
    expect(typesOpenId([])).toBe(false)
    // Unknown (the call failed, or an api from before it): as before, the form.
    expect(typesOpenId(null)).toBe(true)
  })

  it('lists the channels in a fixed order', () => {
    expect(CHANNELS).toEqual(['sms', 'email', 'wechat'])
  })

  it('reads no channel as SMS', () => {
    expect(channelOf({})).toBe('sms')
    expect(channelOf({ notifyBy: 'wechat' })).toBe('wechat')
  })

  it('sends the channel, and the address with it only when e-mail is chosen together with one', () => {
    expect(channelChange('email')).toEqual({ notifyBy: 'email' })
    expect(channelChange('email', ' li@example.com ')).toEqual({ notifyBy: 'email', email: 'li@example.com' })
    expect(channelChange('sms', 'li@example.com')).toEqual({ notifyBy: 'sms' })
    expect(channelChange('wechat', '  ')).toEqual({ notifyBy: 'wechat' })
  })

  it('takes a WeChat open id of 16–64 letters, digits, - or _', () => {
    expect(openIdProblem('oGZUI0egBJY1zhBYw2KhdUfwVJJE')).toBeNull()
    expect(openIdProblem(' o_abc-DEF_123456 ')).toBeNull()
    expect(openIdProblem('x'.repeat(64))).toBeNull()
    for (const wrong of ['', 'short-id', 'x'.repeat(15), 'x'.repeat(65), 'has space in it!!', 'oGZUI0egBJY1zhBY.w2'])
      expect(openIdProblem(wrong), wrong).toBe('openIdInvalid')
  })
})
