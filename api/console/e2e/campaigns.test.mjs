import { test } from 'node:test'
import { field, logIn, openBrowser, requireEnvironment, screenshot, uniqueId } from './support.mjs'

test('an admin creates a campaign and pauses it', async () => {
  requireEnvironment()
  const campaignId = uniqueId('E2E-CAMP').toUpperCase()
  const { page, close } = await openBrowser()
  try {
    await logIn(page)
    await page.locator('[data-testid=menu-campaigns]').click()
    await page.locator('[data-testid=campaign-create]').click()
    await field(page, 'campaign-id').fill(campaignId)
    await field(page, 'campaign-name').fill('周末生鲜九折（测试）')
    await page.locator('[data-testid=campaign-save]').click()
    const row = page.locator('[data-testid=campaign-table] .el-table__body tr', { hasText: campaignId })
    await row.first().waitFor({ timeout: 10_000 })
    await row.first().getByText(/进行中|Active/).waitFor()

    await page.locator(`[data-testid=campaign-toggle-${campaignId}]`).first().click()
    await row.first().getByText(/已暂停|Paused/).waitFor({ timeout: 10_000 })
    await page.waitForTimeout(300)
    await screenshot(page, 'campaign-paused')
  } catch (error) {
    await screenshot(page, 'campaign-paused-FAILED').catch(() => {})
    throw error
  } finally {
    await close()
  }
})
