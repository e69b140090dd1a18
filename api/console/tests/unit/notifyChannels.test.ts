import { describe, expect, it } from 'vitest'
import { CHANNELS, channelChange, channelOf, channelOptions, openIdProblem } from '../../src/member/channels'

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
