import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { test } from 'node:test'
import {
  adminToken, api, chooseStore, commitCheckout, fenOf, logIn, openBrowser, prepareStore, requireEnvironment, screenshot, uniqueId,
} from './support.mjs'

/** Today in Shanghai, the store's time zone and the browser's (support.mjs opens it there). */
const shanghaiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())

test('head office reads the sales, segments and a CSV export of a store on the reports page', async () => {
  requireEnvironment()
  const token = await adminToken()
  // A store of its own, so its report holds exactly this test's sales whatever else ran today.
  const storeId = uniqueId('e2e-rpt')
  await prepareStore(token, storeId)
  const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const registered = await api('POST', '/members', { phone, name: '报表会员', storeId, channel: 'web', consentMarketing: false }, token)
  assert.equal(registered.status, 201, `register: ${JSON.stringify(registered.body)}`)
  const memberId = registered.body.memberId
  // Two sales by a member who joined today: the analysis calls them new (新客).
  const first = await commitCheckout(token, { storeId, qty: 2, member: { memberId } })
  const second = await commitCheckout(token, { storeId, qty: 3, member: { memberId } })
  const expected = first.total + second.total

  const today = shanghaiToday()
  const report = await api('GET', `/reports/sales?from=${today}&to=${today}&storeId=${storeId}`, undefined, token)
  assert.equal(report.status, 200, `sales report: ${JSON.stringify(report.body)}`)
  assert.equal(report.body.totals.revenue, expected, `revenue in the api's report: ${JSON.stringify(report.body.totals)}`)
  const run = await api('POST', '/reports/analysis/refresh', undefined, token)
  assert.equal(run.status, 200, `analysis: ${JSON.stringify(run.body)}`)
  assert.ok(run.body.segments?.new >= 1, `segments of the run: ${JSON.stringify(run.body.segments)}`)

  const { page, close } = await openBrowser()
  try {
    await logIn(page)
    await page.locator('[data-testid=menu-reports]').click()
    await page.waitForURL(/\/console\/reports/)
    await chooseStore(page, storeId, 'reports-store')
    await page.locator('[data-testid=reports-apply]').click()

    // The default range is the last 30 days ending today, so it holds today's two sales and nothing else.
    const revenue = page.locator('[data-testid=reports-revenue-value]')
    await page.waitForFunction(
      ({ expected }) => {
        const text = document.querySelector('[data-testid=reports-revenue-value]')?.textContent ?? ''
        const m = /(-?)¥([\d,]+)\.(\d{2})/.exec(text)
        return m && (m[1] ? -1 : 1) * (Number(m[2].replace(/,/g, '')) * 100 + Number(m[3])) === expected
      },
      { expected },
      { timeout: 15_000 },
    )
    assert.equal(fenOf(await revenue.innerText()), expected)
    assert.equal((await page.locator('[data-testid=reports-sales-value]').innerText()).trim(), '2')

    const segment = page.locator('[data-testid=reports-segment-new]')
    await segment.waitFor({ timeout: 15_000 })
    await segment.getByText('新客').waitFor()
    await page.waitForFunction(
      () => document.querySelector('[data-testid=reports-segment-new-members]')?.textContent?.trim() === '1',
      undefined,
      { timeout: 15_000 },
    )
    await segment.click()
    await page.locator('[data-testid=reports-segment-members]').getByText(memberId).waitFor({ timeout: 10_000 })

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 15_000 }),
      page.locator('[data-testid=reports-export-sales-csv]').click(),
    ])
    assert.match(download.suggestedFilename(), /^sales.*\.csv$/)
    const file = await download.path()
    const text = await readFile(file, 'utf8')
    assert.ok(text.includes('销售额 (revenue)'), `the CSV's header: ${text.slice(0, 200)}`)

    // Points and stored value: the member's sign-up gift and the points both sales earned, all in this store today.
    // Wait for the section to cover this store (it first showed the store the page opened with), then for its figure.
    const ledger = page.locator('[data-testid=reports-ledger]')
    await ledger.waitFor({ timeout: 15_000 })
    await page.waitForFunction(
      ({ storeId }) => {
        const section = document.querySelector('[data-testid=reports-ledger]')
        const text = section?.querySelector('[data-testid=reports-points-issued-value]')?.textContent ?? ''
        return (section?.textContent ?? '').includes(storeId) && Number(text.replace(/[,\s]/g, '')) > 0
      },
      { storeId },
      { timeout: 15_000 },
    )
    const issued = Number((await page.locator('[data-testid=reports-points-issued-value]').innerText()).replace(/[,\s]/g, ''))
    assert.ok(issued > 0, `points issued in ${storeId}: ${issued}`)
    // What is owed is the chain's, never one store's: a store's report says so instead of showing balances.
    assert.equal(await ledger.locator('[data-testid=reports-stored-value-owed]').count(), 0)
    await ledger.locator('[data-testid=reports-owed-chain-only]').waitFor()

    await page.waitForTimeout(300) // let the charts finish their animation for the picture
    await screenshot(page, 'reports')
  } catch (error) {
    await screenshot(page, 'reports-FAILED').catch(() => {})
    throw error
  } finally {
    await close()
  }
})
