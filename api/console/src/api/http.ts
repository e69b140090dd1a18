import { accessToken, logout } from './session'

/** An RFC 9457 problem from the api, with its stable `code` (e.g. `member.not_found`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

let onUnauthorized: () => void = () => {}
export function whenUnauthorized(handler: () => void) {
  onUnauthorized = handler
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${accessToken()}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (response.status === 401) {
    logout()
    onUnauthorized()
    throw new ApiError(401, 'auth.unauthorized', 'unauthorized')
  }
  const text = await response.text()
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined
  if (!response.ok) {
    const code = typeof json?.code === 'string' ? json.code : `http.${response.status}`
    const message = (json?.detail ?? json?.title ?? response.statusText ?? code) as string
    throw new ApiError(response.status, code, message)
  }
  return json as T
}

export const get = <T>(path: string) => api<T>('GET', path)
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {})

/** Lists come back as an array or wrapped (`items`, `entries`, `data`): accept any of them. */
export function asList<T>(answer: unknown): T[] {
  if (Array.isArray(answer)) return answer as T[]
  const wrapped = answer as Record<string, unknown> | null | undefined
  for (const key of ['items', 'entries', 'data', 'results', 'campaigns', 'templates', 'coupons', 'cards', 'members']) {
    if (Array.isArray(wrapped?.[key])) return wrapped[key] as T[]
  }
  return []
}
