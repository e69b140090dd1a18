import { accessToken, logout } from './session'

/**
 * An RFC 9457 problem from the api, with its stable `code` (e.g. `member.not_found`) and, for a
 * `400 request.invalid`, the problems of each field (`{"phone": ["is required"]}`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(message)
  }
}

let onUnauthorized: () => void = () => {}
export function whenUnauthorized(handler: () => void) {
  onUnauthorized = handler
}

/** The problem document of a failed response, read as text so that a proxy's HTML page does not throw. */
async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '')
  let json: Record<string, unknown> | undefined
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined
  } catch {
    json = undefined
  }
  const code = typeof json?.code === 'string' ? json.code : `http.${response.status}`
  const message = (json?.detail ?? json?.title ?? (response.statusText || code)) as string
  return new ApiError(response.status, code, message, fieldErrors(json?.errors))
}

function fieldErrors(errors: unknown): Record<string, string[]> {
  if (typeof errors !== 'object' || errors === null) return {}
  return Object.fromEntries(
    Object.entries(errors as Record<string, unknown>).map(([field, problems]) => [field, Array.isArray(problems) ? problems.map(String) : [String(problems)]]),
  )
}

function send(method: string, path: string, body: unknown, accept: string, token: string | null): Promise<Response> {
  return fetch(`/api/v1${path}`, {
    method,
    headers: {
      Accept: accept,
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/**
 * One call with the bearer token; answers the response only when it succeeded (files as well as JSON). A 401
 * means the api no longer takes the token (it ran out, or was revoked: the account was disabled or changed):
 * the session ends and the handler takes the person to their sign-in page.
 */
export async function request(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
  const token = accessToken()
  const response = await send(method, path, body, accept, token)
  if (response.status === 401) {
    // A call still on its way when a password change swapped the token was refused for the old one: the new one stands.
    if (accessToken() === token) {
      logout()
      onUnauthorized()
    }
    throw new ApiError(401, 'auth.unauthorized', 'unauthorized')
  }
  if (!response.ok) throw await problemOf(response)
  return response
}

async function json<T>(response: Response): Promise<T> {
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return json<T>(await request(method, path, body))
}

/**
 * A call that needs no sign-in (member registration and sign-in). No token goes with it: the api books
 * an anonymous sign-up to the web without asking for a store. Its 401 is the answer (a wrong password),
 * not a session that ran out, so it is thrown like any other problem and signs no one out.
 */
export async function publicApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body, 'application/json', null)
  if (!response.ok) throw await problemOf(response)
  return json<T>(response)
}

export const get = <T>(path: string) => api<T>('GET', path)
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {})
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body)
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body)
export const del = <T>(path: string) => api<T>('DELETE', path)

/** Lists come back as an array or wrapped (`items`, `entries`, `data`): accept any of them. */
export function asList<T>(answer: unknown): T[] {
  if (Array.isArray(answer)) return answer as T[]
  const wrapped = answer as Record<string, unknown> | null | undefined
  for (const key of ['items', 'entries', 'data', 'results', 'campaigns', 'templates', 'coupons', 'cards', 'members']) {
    if (Array.isArray(wrapped?.[key])) return wrapped[key] as T[]
  }
  return []
}
