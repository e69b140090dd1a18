import { describe, expect, it } from 'vitest'
import { ClusterDashboardError, openClusterDashboard, SESSION_PATH, type TabLike } from '../../src/api/clusterDashboard'

function fakeTab() {
  return { opener: 'console' as unknown, location: { href: '' }, closed: false, close() { this.closed = true } } satisfies TabLike & { closed: boolean }
}

describe('opening the Orleans dashboard', () => {
  it('asks for a session with the bearer token, then sends the new tab to the dashboard', async () => {
    const tab = fakeTab()
    const calls: { input: string; init: RequestInit }[] = []

    await openClusterDashboard('tok-1', () => tab, async (input, init) => {
      calls.push({ input, init })
      return { ok: true, status: 200, json: async () => ({ url: '/admin/orleans/', expiresIn: 1800 }) }
    })

    expect(calls).toHaveLength(1)
    expect(calls[0].input).toBe(SESSION_PATH)
    expect(calls[0].init.method).toBe('POST')
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok-1')
    expect(tab.location.href).toBe('/admin/orleans/')
    expect(tab.opener).toBeNull()
    expect(tab.closed).toBe(false)
  })

  it('closes the tab and reports the status when the api refuses', async () => {
    const tab = fakeTab()

    const opening = openClusterDashboard('tok-2', () => tab, async () => ({ ok: false, status: 403, json: async () => ({}) }))

    await expect(opening).rejects.toBeInstanceOf(ClusterDashboardError)
    await expect(opening).rejects.toMatchObject({ status: 403 })
    expect(tab.closed).toBe(true)
    expect(tab.location.href).toBe('')
  })

  it('opens the dashboard in place when the browser blocked the new tab', async () => {
    const opened: [string, string][] = []

    await openClusterDashboard('tok-3', (url, target) => { opened.push([url, target]); return null },
      async () => ({ ok: true, status: 200, json: async () => ({ url: '/admin/orleans/' }) }))

    expect(opened).toEqual([['', '_blank'], ['/admin/orleans/', '_self']])
  })
})
