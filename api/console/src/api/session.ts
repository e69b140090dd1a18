import { computed, reactive } from 'vue'
import { readClaims } from './jwt'

export interface Session {
  token: string
  username: string
  roles: string[]
  stores: string[]
  expiresAt: number
}

const STORAGE_KEY = 'loyalty.console.session'
export const STAFF_ROLES = ['admin', 'manager']

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

interface TokenAnswer {
  accessToken: string
  expiresIn?: number
  roles?: string[]
}

export class LoginError extends Error {
  constructor(readonly reason: 'failed' | 'notStaff') {
    super(reason)
  }
}

export async function login(username: string, password: string): Promise<Session> {
  const response = await fetch('/api/v1/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!response.ok) throw new LoginError('failed')
  const answer = (await response.json()) as TokenAnswer
  const claims = readClaims(answer.accessToken)
  const roles = answer.roles?.length ? answer.roles : claims.roles
  if (!roles.some((r) => STAFF_ROLES.includes(r))) throw new LoginError('notStaff')
  const session: Session = {
    token: answer.accessToken,
    username: claims.sub ?? username,
    roles,
    stores: claims.stores,
    expiresAt: claims.expiresAt ?? Date.now() + (answer.expiresIn ?? 3600) * 1000,
  }
  state.session = session
  globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(session))
  return session
}

export function logout() {
  state.session = null
  globalThis.sessionStorage?.removeItem(STORAGE_KEY)
}

export function accessToken(): string {
  return state.session?.token ?? ''
}
