/** The claims the console needs from its own access token (it never verifies it: the api does). */
export interface TokenClaims {
  sub?: string
  roles: string[]
  stores: string[]
  expiresAt?: number
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  return value == null ? [] : [String(value)]
}

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=')
  const binary = atob(base64)
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
  return new TextDecoder().decode(bytes)
}

export function readClaims(token: string): TokenClaims {
  try {
    const payload = JSON.parse(base64UrlDecode(token.split('.')[1] ?? '')) as Record<string, unknown>
    return {
      sub: typeof payload.sub === 'string' ? payload.sub : undefined,
      roles: list(payload.role ?? payload.roles),
      stores: list(payload.store),
      expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : undefined,
    }
  } catch {
    return { roles: [], stores: [] }
  }
}
