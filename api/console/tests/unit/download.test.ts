import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { downloadFile } from '../../src/api/download'
import { ApiError } from '../../src/api/http'
import { downloadReport } from '../../src/api/reports'
import { state } from '../../src/api/session'

interface FakeLink { href: string; download: string; style: Record<string, string>; clicked: number; removed: boolean; click(): void; remove(): void }

let links: FakeLink[]
let calls: Array<{ url: string; init: RequestInit }>
let answer: () => Response

beforeEach(() => {
  links = []
  calls = []
  state.session = { token: 'tok-1', username: 'admin', roles: ['admin'], stores: [], expiresAt: Date.now() + 60_000 }
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return answer()
  })
  vi.stubGlobal('document', {
    createElement: () => {
      const link: FakeLink = { href: '', download: '', style: {}, clicked: 0, removed: false, click() { this.clicked++ }, remove() { this.removed = true } }
      links.push(link)
      return link
    },
    body: { appendChild: () => {} },
  })
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report-1')
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  state.session = null
})

describe('downloading a report file', () => {
  it('fetches the report with the bearer token and format, and saves it under the name the api gives', async () => {
    answer = () => new Response('\uFEFF期间 (period),销售额 (revenue)\r\n', {
      status: 200,
      headers: { 'Content-Disposition': "attachment; filename=sales.csv; filename*=UTF-8''sales-2026-11-01-2026-11-30.csv" },
    })

    const name = await downloadReport('sales', { from: '2026-11-01', to: '2026-11-30', by: 'day', storeId: null }, 'csv')

    expect(calls[0].url).toBe('/api/v1/reports/sales?from=2026-11-01&to=2026-11-30&by=day&format=csv')
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok-1')
    expect(name).toBe('sales-2026-11-01-2026-11-30.csv')
    expect(links).toHaveLength(1)
    expect(links[0]).toMatchObject({ href: 'blob:report-1', download: 'sales-2026-11-01-2026-11-30.csv', clicked: 1, removed: true })
    // The object URL lives on until the browser has read it.
    expect(URL.revokeObjectURL).not.toHaveBeenCalled()
    vi.runAllTimers()
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:report-1')
  })

  it('names the file itself when the api gives no name', async () => {
    answer = () => new Response('x', { status: 200 })
    expect(await downloadFile('/reports/segments?format=xlsx', 'segments.xlsx')).toBe('segments.xlsx')
    expect(links[0].download).toBe('segments.xlsx')
  })

  it("throws the problem's detail and saves nothing when the api refuses", async () => {
    answer = () => new Response(JSON.stringify({ status: 403, code: 'auth.forbidden_store', title: 'Forbidden', detail: 'You may not read store s002.' }), {
      status: 403,
      headers: { 'Content-Type': 'application/problem+json' },
    })
    const failing = downloadFile('/reports/sales?storeId=s002&format=csv', 'sales.csv')
    await expect(failing).rejects.toBeInstanceOf(ApiError)
    await expect(failing).rejects.toMatchObject({ status: 403, code: 'auth.forbidden_store', message: 'You may not read store s002.' })
    expect(links).toHaveLength(0)
  })

  it('signs out on 401', async () => {
    answer = () => new Response('', { status: 401 })
    await expect(downloadFile('/reports/sales?format=csv', 'sales.csv')).rejects.toMatchObject({ status: 401 })
    expect(state.session).toBeNull()
  })
})
