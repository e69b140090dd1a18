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

/** Keeps a token answer as the tab's session (staff and members alike), from its claims where it has them. */
export function startSession(answer: TokenAnswer, fallbackName: string): Session {
  const claims = readClaims(answer.accessToken)
  const session: Session = {
    token: answer.accessToken,
    username: claims.sub ?? fallbackName,
    roles: answer.roles?.length ? answer.roles : claims.roles,
    stores: claims.stores,
    expiresAt: claims.expiresAt ?? Date.now() + (answer.expiresIn ?? 3600) * 1000,
    ...(answer.memberId ? { memberId: answer.memberId } : {}),
  }
  state.session = session
  globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(session))
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
