import assert from 'node:assert/strict'
import { test } from 'node:test'
import { STORE_ID, adminToken, api, issueLaneCredentials, logIn, openBrowser, requireEnvironment, screenshot, uniqueId } from './support.mjs'

/** Element Plus gives its confirmation box no test id: the page marks it with this class. The newest is the one open. */
const confirm = (page) => page.locator('.staff-confirm').last().locator('.el-button--primary').click()

test("a store manager issues and revokes a lane's credentials for their own store, and sees no staff accounts nor other stores", async () => {
  requireEnvironment()
  const token = await adminToken()
  // A store of the manager's own, so its device list holds only this test's.
  const storeId = uniqueId('e2e-mdev')
  const set = await api('PUT', `/stores/${storeId}`, { name: `E2E 经理门店 ${storeId.slice(-6)}`, timeZone: 'Asia/Shanghai', region: '华东' }, token)
  assert.equal(set.status, 200, `set up the store: ${JSON.stringify(set.body)}`)
  const username = uniqueId('e2e-mgr')
  const password = `pw-${uniqueId('e2e')}`
  const created = await api('POST', '/staff', { username, password, roles: ['manager'], storeIds: [storeId] }, token)
  assert.equal(created.status, 201, `create the manager: ${JSON.stringify(created.body)}`)
  // The api itself keeps them to their store: another's devices are refused.
  const managerToken = (await api('POST', '/auth/token', { username, password })).body.accessToken
  const elsewhere = await api('GET', `/stores/${STORE_ID}/devices`, undefined, managerToken)
  assert.equal(elsewhere.status, 403, `another store's devices: ${JSON.stringify(elsewhere.body)}`)
  assert.equal(elsewhere.body?.code, 'auth.forbidden_store')
  const deviceId = 'lane-01'

  const { page, close } = await openBrowser()
  try {
    await logIn(page, username, password)
    const menu = page.locator('[data-testid=menu-staff]')
    assert.match((await menu.innerText()).trim(), /^(门店设备|Store devices)$/)
    await menu.click()
    await page.waitForURL(/\/console\/staff/)
    await page.locator('[data-testid=device-table]').waitFor({ timeout: 10_000 })
    // Their store's devices, opened on their store, and no staff accounts.
    await page.locator('[data-testid=device-store]', { hasText: storeId }).waitFor({ timeout: 10_000 })
    for (const staffOnly of ['staff-tab-accounts', 'staff-table', 'staff-create']) {
      assert.equal(await page.locator(`[data-testid=${staffOnly}]`).count(), 0, `a store manager sees ${staffOnly}`)
    }
    // The store picker offers their store alone.
    await page.locator('[data-testid=device-store]').click()
    const offered = page.locator('.el-select-dropdown__item:visible')
    await offered.first().waitFor()
    assert.deepEqual((await offered.allInnerTexts()).map((text) => text.trim().split(/\s+/)[0]), [storeId])
    await page.keyboard.press('Escape')

    // Lane credentials: the secret is shown once, and works until the lane is revoked.
    const { clientId, clientSecret } = await issueLaneCredentials(page, deviceId, 'manager-device-secret')

    const status = page.locator(`[data-testid="device-status-${deviceId}"]`)
    await status.getByText(/有效|Active/).waitFor({ timeout: 10_000 })
    await page.locator(`[data-testid="device-revoke-${deviceId}"]`).first().click()
    await confirm(page)
    await status.getByText(/已吊销|Revoked/).waitFor({ timeout: 10_000 })
    const refused = await api('POST', '/auth/token', { clientId, clientSecret })
    assert.equal(refused.status, 401, `a revoked lane signs in no more: ${refused.status}`)
    await page.waitForTimeout(300)
    await screenshot(page, 'manager-device-revoked')
  } catch (error) {
    await screenshot(page, 'manager-devices-FAILED').catch(() => {})
    throw error
  } finally {
    await close()
  }
})
