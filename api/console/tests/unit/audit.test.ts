import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS, auditPath } from '../../src/api/audit'
import en from '../../src/i18n/en'
import zhCN from '../../src/i18n/zh-CN'
import { messageKey } from '../../src/utils/format'

describe('audit log query', () => {
  it('sends only the filters given, trimmed, with the cursor and page size', () => {
    expect(auditPath({ resource: ' member/M123 ', actor: '', action: undefined }, '812', 20)).toBe('/audit?resource=member%2FM123&cursor=812&limit=20')
  })

  it('asks for the first page when there is no cursor', () => {
    expect(auditPath({ actor: 'staff:mgr-s001', action: 'member.viewed' })).toBe('/audit?actor=staff%3Amgr-s001&action=member.viewed&limit=50')
  })

  it('names every action in both languages', () => {
    for (const action of AUDIT_ACTIONS) {
      expect((en.audit.actions as Record<string, string>)[messageKey(action)], action).toBeTruthy()
      expect((zhCN.audit.actions as Record<string, string>)[messageKey(action)], action).toBeTruthy()
    }
  })
})
