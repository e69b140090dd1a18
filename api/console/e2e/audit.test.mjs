import assert from 'node:assert/strict'
import { test } from 'node:test'
import { field, STORE_ID, adminToken, api, logIn, openBrowser, prepareStore, requireEnvironment, screenshot } from './support.mjs'

test('head office reads who looked at a member in the audit log, and the log holds no phone', async () => {
  requireEnvironment()
  const token = await adminToken()
  await prepareStore(token)
  const phone = `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const registered = await api('POST', '/members', { phone, name: '审计会员', storeId: STORE_ID, channel: 'web' }, token)
  assert.equal(registered.status, 201, `register: ${JSON.stringify(registered.body)}`)
  const memberId = registered.body.memberId
  assert.equal((await api('GET', `/members/${memberId}`, undefined, token)).status, 200)

  const { page, close } = await openBrowser()
  try {
    await logIn(page)
    await page.locator('[data-testid=menu-audit]').click()
    await field(page, 'audit-resource').fill(`member/${memberId}`)
    await page.locator('[data-testid=audit-search]').click()
    const entries = page.locator('[data-testid=audit-entries]')
    await entries.getByText('staff:admin').first().waitFor({ timeout: 10_000 })
    // The table names the actions in the console's language (zh-CN by default) and shows ids, never the phone.
    await entries.getByText('查看会员资料').first().waitFor({ timeout: 10_000 })
    await entries.getByText('会员注册').first().waitFor({ timeout: 10_000 })
    assert.equal(await entries.getByText(phone).count(), 0)
    await screenshot(page, 'audit-log')
  } catch (error) {
    await screenshot(page, 'audit-log-FAILED').catch(() => {})
    throw error
  } finally {
    await close()
  }
})
