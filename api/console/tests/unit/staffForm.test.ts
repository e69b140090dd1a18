import { describe, expect, it } from 'vitest'
import {
  cleanRoles, cleanStoreIds, newStaffBody, rolesAndStoresProblems, staffChangesBody, staffFormProblems, staffPasswordProblem, type StaffForm,
} from '../../src/staff/accountForm'
import { ownPasswordProblems } from '../../src/staff/ownPassword'

const form = (changes: Partial<StaffForm> = {}): StaffForm => ({ username: 'mgr-s001', password: 'spring-2026!', roles: ['manager'], storeIds: ['s001'], ...changes })

describe("a staff account's form (the api's StaffRules)", () => {
  it('takes a store manager with a store, and an admin with none', () => {
    expect(staffFormProblems(form(), true)).toEqual({})
    expect(staffFormProblems(form({ roles: ['admin'], storeIds: [] }), true)).toEqual({})
    expect(staffFormProblems(form({ roles: ['admin', 'manager'], storeIds: [] }), true)).toEqual({})
  })

  it('asks for a role, and only staff roles', () => {
    expect(rolesAndStoresProblems([], ['s001'])).toEqual({ roles: 'rolesRequired' })
    expect(rolesAndStoresProblems(['lane'], ['s001'])).toEqual({ roles: 'rolesRequired' })
  })

  it('gives a store manager who is not an admin at least one store', () => {
    expect(rolesAndStoresProblems(['manager'], [])).toEqual({ storeIds: 'managerNeedsStore' })
    expect(rolesAndStoresProblems(['manager'], ['  '])).toEqual({ storeIds: 'managerNeedsStore' })
  })

  it('takes store ids of 1–32 letters, digits, _ and - only', () => {
    expect(rolesAndStoresProblems(['manager'], ['s001', 'store 2'])).toEqual({ storeIds: 'storeInvalid' })
    expect(rolesAndStoresProblems(['manager'], ['s'.repeat(33)])).toEqual({ storeIds: 'storeInvalid' })
    expect(rolesAndStoresProblems(['manager'], ['S_01-a'])).toEqual({})
  })

  it('asks for a name of at most 64 characters and a password of at least 10 when creating', () => {
    expect(staffFormProblems(form({ username: '  ', password: '' }), true)).toEqual({ username: 'usernameRequired', password: 'passwordRequired' })
    expect(staffFormProblems(form({ username: 'x'.repeat(65), password: '123456789' }), true)).toEqual({ username: 'usernameTooLong', password: 'passwordShort' })
    expect(staffPasswordProblem('1234567890')).toBeNull()
    expect(staffPasswordProblem('x'.repeat(257))).toBe('passwordLong')
  })

  it('checks only roles and stores when editing (the name is fixed, the password reset apart)', () => {
    expect(staffFormProblems(form({ username: '', password: '' }), false)).toEqual({})
    expect(staffFormProblems(form({ password: '', storeIds: [] }), false)).toEqual({ storeIds: 'managerNeedsStore' })
  })

  it('sends the name trimmed, the password as typed, the roles in order and each store once', () => {
    expect(newStaffBody(form({ username: ' mgr-s001 ', password: ' spaced pass ', roles: ['manager', 'admin', 'manager'], storeIds: [' s002', 's001', 's002'] })))
      .toEqual({ username: 'mgr-s001', password: ' spaced pass ', roles: ['admin', 'manager'], storeIds: ['s002', 's001'] })
    expect(staffChangesBody(form({ roles: ['manager'], storeIds: ['s003', ''] }))).toEqual({ roles: ['manager'], storeIds: ['s003'] })
    expect(cleanRoles(['lane', 'manager'])).toEqual(['manager'])
    expect(cleanStoreIds([])).toEqual([])
  })
})

describe('changing one\'s own password', () => {
  it('asks for the current password, a new one of at least 10 characters, the same twice', () => {
    expect(ownPasswordProblems({ current: 'old-password', next: 'new-password-1', again: 'new-password-1' })).toEqual({})
    expect(ownPasswordProblems({ current: '', next: 'short', again: 'shorter' })).toEqual({ current: 'currentRequired', next: 'passwordShort', again: 'passwordMismatch' })
    expect(ownPasswordProblems({ current: 'x', next: '', again: '' })).toEqual({ next: 'passwordRequired' })
  })
})
