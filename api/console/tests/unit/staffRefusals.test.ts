import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/api/http'
import en from '../../src/i18n/en'
import zhCN from '../../src/i18n/zh-CN'
import { staffRefusal } from '../../src/staff/refusals'

const lookup = (messages: unknown) => (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages)
const translator = (messages: unknown) => ({
  t: (key: string, values: Record<string, unknown> = {}) => String(lookup(messages)(key) ?? key).replace(/\{(\w+)\}/g, (_, name) => String(values[name])),
  te: (key: string) => typeof lookup(messages)(key) === 'string',
})

describe('refusals on the staff and devices page', () => {
  const zh = translator(zhCN)
  const english = translator(en)

  it('words the codes head office meets there, in both languages', () => {
    for (const code of ['staff.last_admin', 'staff.self', 'staff.exists', 'staff.not_found', 'device.not_found', 'auth.wrong_password']) {
      const error = new ApiError(409, code, 'detail from the api')
      expect(staffRefusal(error, zh.t, zh.te), code).not.toContain('detail from the api')
      expect(staffRefusal(error, english.t, english.te), code).not.toContain('detail from the api')
    }
    expect(staffRefusal(new ApiError(409, 'staff.last_admin', 'x'), zh.t, zh.te)).toContain('唯一一个启用中的总部管理员')
    expect(staffRefusal(new ApiError(409, 'staff.self', 'x'), english.t, english.te)).toBe('You cannot disable your own account: ask another admin')
  })

  it("shows the field problems of a 400 the form did not catch, else the api's own detail", () => {
    const invalid = new ApiError(400, 'request.invalid', 'The request is not valid.', { 'storeIds[0]': ['must be 1–32 characters'] })
    expect(staffRefusal(invalid, english.t, english.te)).toBe('Failed: storeIds[0]: must be 1–32 characters')
    expect(staffRefusal(new ApiError(500, 'http.500', 'Internal Server Error'), zh.t, zh.te)).toBe('操作失败：Internal Server Error')
    expect(staffRefusal(new TypeError('Failed to fetch'), english.t, english.te)).toBe('Failed: Failed to fetch')
  })

  it("words the member desk's refusals under its own scope: who may change a number, a replaced card", () => {
    const forbidden = new ApiError(403, 'auth.forbidden', 'Only the member, head office or the member\'s store may change the phone.')
    expect(staffRefusal(forbidden, zh.t, zh.te, 'members.errors')).toContain('会员所属门店的经理')
    expect(staffRefusal(forbidden, english.t, english.te, 'members.errors')).toContain("member's home store")
    expect(staffRefusal(new ApiError(409, 'card.replaced', 'x'), english.t, english.te, 'members.errors')).toBe('The card was replaced by a new one: refresh to see the new card')
    expect(staffRefusal(new ApiError(409, 'member.phone_taken', 'x'), zh.t, zh.te, 'members.errors')).toBe('该手机号已是其他会员的手机号')
  })
})
