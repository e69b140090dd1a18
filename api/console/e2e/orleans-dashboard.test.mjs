import assert from 'node:assert/strict'
import { test } from 'node:test'
import { logIn, openBrowser, requireEnvironment, screenshot } from './support.mjs'

test("an admin opens Orleans' own dashboard from the header in a new tab", async () => {
  requireEnvironment()
  const { page, close } = await openBrowser()
  try {
    await logIn(page)
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.locator('[data-testid=orleans-dashboard]').click()])
    // The page's own data calls carry the session cookie (a 401 would leave the page empty).
    const counters = tab.waitForResponse((r) => r.url().endsWith('/admin/orleans/DashboardCounters'), { timeout: 15_000 })
    await tab.waitForURL(/\/admin\/orleans\/$/, { timeout: 15_000 })
    const answer = await counters
    assert.equal(answer.status(), 200)
    assert.ok((await answer.json()).totalActiveHostCount >= 1)
    assert.equal(await tab.title(), 'Orleans Dashboard')
    await screenshot(tab, 'orleans-dashboard')
  } finally {
    await close()
  }
})
