import type { Viewer } from './api/session'

/**
 * Who may open which page, as a pure decision so it can be tested without a router. The console holds
 * two apps on one origin: the staff console and the members' portal (会员中心, under /me). A tab is
 * signed in as one or the other, and each only ever sees its own pages.
 */
export type Area = 'staff' | 'member'

export interface Target {
  fullPath: string
  meta: {
    /** Which app the page belongs to (staff when left out). */
    area?: Area
    /** Open without a session. */
    public?: boolean
    /** Sign-in and sign-up: someone already signed in goes to their own home instead. */
    guestOnly?: boolean
    adminOnly?: boolean
  }
}

/** Where a page is allowed (`true`), or the named route to go to instead. */
export type Decision = true | { name: string; query?: Record<string, string> }

export const HOME: Record<Area, string> = { staff: 'dashboard', member: 'me-home' }
export const LOGIN: Record<Area, string> = { staff: 'login', member: 'me-login' }

export const areaOf = (target: Pick<Target, 'meta'>): Area => target.meta.area ?? 'staff'

/** The sign-in page for a page: after a 401 a member goes back to the members' sign-in, staff to theirs. */
export function loginFor(target: Target): { name: string; query: Record<string, string> } {
  const area = areaOf(target)
  const home = area === 'member' ? '/me' : '/'
  return { name: LOGIN[area], query: target.fullPath !== home && target.fullPath !== '/' ? { next: target.fullPath } : {} }
}

/** The query the staff sign-in page reads to say that the api ended the session (LoginView). */
export const SESSION_ENDED = { session: 'ended' } as const

/**
 * Where to go when the api refuses the session (401: it ran out, or was revoked because the account was
 * disabled or its roles, stores or password changed): staff to their sign-in page, told why; a member to
 * theirs. Nowhere from a page that needs no session (a late answer after the first 401 already went there).
 */
export function afterUnauthorized(target: Target): { name: string; query: Record<string, string> } | null {
  if (target.meta.public) return null
  const login = loginFor(target)
  return areaOf(target) === 'staff' ? { ...login, query: { ...login.query, ...SESSION_ENDED } } : login
}

export function decide(target: Target, viewer: Viewer, isAdmin: boolean): Decision {
  const area = areaOf(target)
  // A member's token opens no staff page (the api would refuse its calls anyway), and staff have no portal of their own.
  if (viewer === 'member' && area === 'staff') return { name: HOME.member }
  if (viewer === 'staff' && area === 'member') return { name: HOME.staff }
  if (viewer === 'anonymous') return target.meta.public ? true : loginFor(target)
  if (target.meta.guestOnly) return { name: HOME[area] }
  // The api refuses the audit log to anyone but head office; the console does not offer it either.
  if (target.meta.adminOnly && !isAdmin) return { name: HOME.staff }
  return true
}

/** Where to go after a member signs in: the page they were sent away from, if it is one of theirs. */
export function memberNext(next: unknown): string {
  return typeof next === 'string' && /^\/me(\/|$)/.test(next) && !/^\/me\/(login|register)/.test(next) ? next : '/me'
}
