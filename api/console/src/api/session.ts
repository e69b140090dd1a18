import { computed, reactive } from 'vue'
import { readClaims } from './jwt'

export interface Session {
  token: string
  username: string
  roles: string[]
  stores: string[]
  expiresAt: number
  /** Set for a member's session (the token's subject): whose portal this is. */
  memberId?: string
  /**
   * When this tab received the token (its own clock, ms) and the lifetime the api gave it (s): when to renew it
   * (api/renewal.ts). Counted this way, a computer whose clock is off from the api's still renews in time.
   */
  receivedAt?: number
  expiresIn?: number
}

const STORAGE_KEY = 'loyalty.console.session'
export const STAFF_ROLES = ['admin', 'manager']
export const MEMBER_ROLE = 'member'

/** Who is signed in, as the router and the layouts tell pages apart. */
export type Viewer = 'anonymous' | 'staff' | 'member'

function load(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY)
    if (!raw) return null
    const session = JSON.parse(raw) as Session
    return session.expiresAt > Date.now() ? session : null
  } catch {
    return null
  }
}

export const state = reactive<{ session: Session | null }>({ session: load() })

export const isLoggedIn = computed(() => state.session !== null && state.session.expiresAt > Date.now())
export const isAdmin = computed(() => state.session?.roles.includes('admin') ?? false)

/** Staff roles win: a token that somehow held both would be a staff member's. */
export function viewerOf(session: Session | null, now = Date.now()): Viewer {
  if (!session || session.expiresAt <= now) return 'anonymous'
  if (session.roles.some((r) => STAFF_ROLES.includes(r))) return 'staff'
  if (session.roles.includes(MEMBER_ROLE) && session.memberId) return 'member'
  return 'anonymous'
}

export const viewer = computed(() => viewerOf(state.session))
export const memberId = computed(() => (viewer.value === 'member' ? state.session!.memberId! : null))

export interface TokenAnswer {
  accessToken: string
  expiresIn?: number
  roles?: string[]
  /** Only in a member's sign-in answer. */
  memberId?: string
}

export class LoginError extends Error {
  constructor(readonly reason: 'failed' | 'notStaff') {
    super(reason)
  }
}

/** The session a token answer makes (staff and members alike), from its claims where it has them. */
function sessionOf(answer: TokenAnswer, fallbackName: string): Session {
  const claims = readClaims(answer.accessToken)
  const receivedAt = Date.now()
  return {
    token: answer.accessToken,
    username: claims.sub ?? fallbackName,
    roles: answer.roles?.length ? answer.roles : claims.roles,
    stores: claims.stores,
    expiresAt: claims.expiresAt ?? receivedAt + (answer.expiresIn ?? 3600) * 1000,
    ...(answer.memberId ? { memberId: answer.memberId } : {}),
    receivedAt,
    // An answer without `expiresIn` (none from this api) falls back on the token's own expiry.
    expiresIn: answer.expiresIn ?? (claims.expiresAt ? Math.max(0, Math.floor((claims.expiresAt - receivedAt) / 1000)) : 3600),
  }
}

function keep(session: Session) {
  globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(session))
}

/** Keeps a token answer as the tab's session (staff and members alike), from its claims where it has them. */
export function startSession(answer: TokenAnswer, fallbackName: string): Session {
  const session = sessionOf(answer, fallbackName)
  state.session = session
  keep(session)
  return session
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * Keeps a renewed token (POST /auth/refresh) in the session in hand, changing only what changed: the token and
 * its times always, roles and stores only when the api now says otherwise. Pages that watch them (the dashboard's
 * scope, the reports' stores) then see nothing happen when nothing did, rather than start again every hour.
 * Null when the session ended meanwhile.
 */
export function renewSession(answer: TokenAnswer): Session | null {
  const session = state.session
  if (!session) return null
  const fresh = sessionOf({ ...answer, memberId: session.memberId }, session.username)
  // A member's answer names no roles but theirs; staff get today's roles and stores.
  const roles = session.memberId && !answer.roles?.length ? session.roles : fresh.roles
  if (!sameList(session.roles, roles)) session.roles = roles
  if (!sameList(session.stores, fresh.stores)) session.stores = fresh.stores
  Object.assign(session, { expiresAt: fresh.expiresAt, receivedAt: fresh.receivedAt, expiresIn: fresh.expiresIn })
  // The token last: keepAlive.ts schedules the next renewal the moment it changes, from the times set just before.
  session.token = fresh.token
  keep(session)
  return session
}

export async function login(username: string, password: string): Promise<Session> {
  const response = await fetch('/api/v1/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!response.ok) throw new LoginError('failed')
  const answer = (await response.json()) as TokenAnswer
  const roles = answer.roles?.length ? answer.roles : readClaims(answer.accessToken).roles
  if (!roles.some((r) => STAFF_ROLES.includes(r))) throw new LoginError('notStaff')
  return startSession({ ...answer, roles, memberId: undefined }, username)
}

export function logout() {
  state.session = null
  globalThis.sessionStorage?.removeItem(STORAGE_KEY)
}

export function accessToken(): string {
  return state.session?.token ?? ''
}
