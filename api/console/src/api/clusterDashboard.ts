/**
 * Orleans' own dashboard (admins only) lives at /admin/orleans/ on the api. A new tab cannot send the bearer
 * token, so the console first asks the api for a short-lived HttpOnly cookie scoped to that path, then points
 * the tab there. The tab is opened at once, on the click, so that popup blockers let it through.
 */
export const SESSION_PATH = '/admin/orleans/session'

export interface TabLike {
  opener: unknown
  location: { href: string }
  close(): void
}

export type Opener = (url: string, target: string) => TabLike | null
export type Fetcher = (input: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>

export class ClusterDashboardError extends Error {
  constructor(readonly status: number) {
    super(`orleans dashboard session: ${status}`)
  }
}

export async function openClusterDashboard(token: string, open: Opener, fetcher: Fetcher): Promise<void> {
  const tab = open('', '_blank')
  try {
    const response = await fetcher(SESSION_PATH, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      credentials: 'same-origin',
    })
    if (!response.ok) throw new ClusterDashboardError(response.status)
    const answer = (await response.json()) as { url?: string }
    const url = answer.url ?? '/admin/orleans/'
    if (!tab) {
      // A blocked popup: the cookie is set, so the dashboard still opens here instead.
      open(url, '_self')
      return
    }
    tab.opener = null
    tab.location.href = url
  } catch (e) {
    tab?.close()
    throw e
  }
}
