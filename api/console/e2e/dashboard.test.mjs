import assert from 'node:assert/strict'
import { test } from 'node:test'
import { STORE_ID, adminToken, chooseStore, commitCheckout, fenOf, logIn, openBrowser, prepareStore, requireEnvironment, screenshot } from './support.mjs'

test('a checkout committed through the api shows on the live dashboard within a second', async () => {
  requireEnvironment()
  const token = await adminToken()
  await prepareStore(token)
  const { page, close } = await openBrowser()
  try {
    await logIn(page)
    await chooseStore(page, STORE_ID)
    await page.getByText(STORE_ID, { exact: false }).first().waitFor()
    const tile = page.locator('[data-testid=tile-net-sales-value]')
    await tile.waitFor({ timeout: 15_000 })
    await page.locator('[data-testid=connection-status]').getByText(/实时|Live/).waitFor({ timeout: 15_000 })
    const before = fenOf(await tile.innerText())

    const receipt = await commitCheckout(token)
    const committedAt = Date.now()
    const expected = before + receipt.total
    await page.waitForFunction(
      ({ expected }) => {
        const text = document.querySelector('[data-testid=tile-net-sales-value]')?.textContent ?? ''
        const m = /(-?)¥([\d,]+)\.(\d{2})/.exec(text)
        return m && (m[1] ? -1 : 1) * (Number(m[2].replace(/,/g, '')) * 100 + Number(m[3])) >= expected
      },
      { expected },
      { timeout: 1_000, polling: 20 },
    )
    const seenAfter = Date.now() - committedAt
    assert.equal(fenOf(await tile.innerText()), expected)
    assert.ok(seenAfter <= 1_000, `the figure changed ${seenAfter} ms after the commit`)
    await page.waitForTimeout(300) // let the charts finish their animation for the picture
    await screenshot(page, 'dashboard-after-checkout')
  } catch (error) {
    await screenshot(page, 'dashboard-after-checkout-FAILED').catch(() => {})
    throw error
  } finally {
    await close()
  }
})
