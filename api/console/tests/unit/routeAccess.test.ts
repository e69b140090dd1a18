import { describe, expect, it } from 'vitest'
import { afterUnauthorized, decide, loginFor, memberNext, type Target } from '../../src/routeAccess'

const staffPage = (fullPath: string, meta: Target['meta'] = {}): Target => ({ fullPath, meta })
const memberPage = (fullPath: string, meta: Target['meta'] = {}): Target => ({ fullPath, meta: { area: 'member', ...meta } })

const dashboard = staffPage('/dashboard')
const audit = staffPage('/audit', { adminOnly: true })
// As router.ts declares it: any staff, each seeing what they may there (staff/staffPage.ts).
const staffAndDevices = staffPage('/staff')
const staffLogin = staffPage('/login', { public: true, guestOnly: true })
const meHome = memberPage('/me')
const meCards = memberPage('/me/cards')
const meLogin = memberPage('/me/login', { public: true, guestOnly: true })
const meRegister = memberPage('/me/register', { public: true, guestOnly: true })
const goodbye = memberPage('/me/goodbye', { public: true })

describe('who may open which page', () => {
  it('lets staff into the staff console, and head office alone into the audit log', () => {
    expect(decide(dashboard, 'staff', false)).toBe(true)
    expect(decide(audit, 'staff', true)).toBe(true)
    expect(decide(audit, 'staff', false)).toEqual({ name: 'dashboard' })
  })

  it('opens the users & devices page to head office and to store managers (for their own devices), not to members', () => {
    expect(decide(staffAndDevices, 'staff', true)).toBe(true)
    expect(decide(staffAndDevices, 'staff', false)).toBe(true)
    expect(decide(staffAndDevices, 'member', false)).toEqual({ name: 'me-home' })
    expect(decide(staffAndDevices, 'anonymous', false)).toEqual({ name: 'login', query: { next: '/staff' } })
  })

  it('sends a member who opens a staff page to their own portal', () => {
    expect(decide(dashboard, 'member', false)).toEqual({ name: 'me-home' })
    expect(decide(audit, 'member', false)).toEqual({ name: 'me-home' })
    expect(decide(staffLogin, 'member', false)).toEqual({ name: 'me-home' })
  })

  it('sends staff who open the portal back to the staff console', () => {
    expect(decide(meHome, 'staff', true)).toEqual({ name: 'dashboard' })
    expect(decide(meCards, 'staff', false)).toEqual({ name: 'dashboard' })
    expect(decide(meLogin, 'staff', false)).toEqual({ name: 'dashboard' })
  })

  it('lets a member into every page of the portal', () => {
    for (const page of [meHome, meCards, goodbye]) expect(decide(page, 'member', false)).toBe(true)
  })

  it('sends someone signed in away from the sign-in and sign-up pages, to their home', () => {
    expect(decide(meLogin, 'member', false)).toEqual({ name: 'me-home' })
    expect(decide(meRegister, 'member', false)).toEqual({ name: 'me-home' })
    expect(decide(staffLogin, 'staff', false)).toEqual({ name: 'dashboard' })
  })

  it('opens the public pages to anyone signed out', () => {
    for (const page of [staffLogin, meLogin, meRegister, goodbye]) expect(decide(page, 'anonymous', false)).toBe(true)
  })

  it("sends someone signed out to their area's sign-in, remembering the page", () => {
    expect(decide(meCards, 'anonymous', false)).toEqual({ name: 'me-login', query: { next: '/me/cards' } })
    expect(decide(meHome, 'anonymous', false)).toEqual({ name: 'me-login', query: {} })
    expect(decide(dashboard, 'anonymous', false)).toEqual({ name: 'login', query: { next: '/dashboard' } })
    expect(decide(staffPage('/'), 'anonymous', false)).toEqual({ name: 'login', query: {} })
  })

  it('sends an expired session back to the sign-in of the page it was on', () => {
    expect(loginFor(meCards)).toEqual({ name: 'me-login', query: { next: '/me/cards' } })
    expect(loginFor(dashboard)).toEqual({ name: 'login', query: { next: '/dashboard' } })
  })

  it('sends staff whose session the api ended (401) to sign in, saying so, and back to the page afterwards', () => {
    expect(afterUnauthorized(staffPage('/campaigns'))).toEqual({ name: 'login', query: { next: '/campaigns', session: 'ended' } })
    expect(afterUnauthorized(staffPage('/'))).toEqual({ name: 'login', query: { session: 'ended' } })
    expect(afterUnauthorized(meCards)).toEqual({ name: 'me-login', query: { next: '/me/cards' } })
  })

  it('goes nowhere for a late 401 that finds the person on a sign-in page already', () => {
    expect(afterUnauthorized(staffLogin)).toBeNull()
    expect(afterUnauthorized(meLogin)).toBeNull()
  })

  it("returns a member after sign-in only to a page of theirs", () => {
    expect(memberNext('/me/cards')).toBe('/me/cards')
    expect(memberNext('/me')).toBe('/me')
    expect(memberNext('/dashboard')).toBe('/me')
    expect(memberNext('/members?memberId=M1')).toBe('/me')
    expect(memberNext('/me/login')).toBe('/me')
    expect(memberNext('//evil.example/me')).toBe('/me')
    expect(memberNext(undefined)).toBe('/me')
  })
})
