import assert from 'node:assert/strict'
import { test } from 'node:test'
import { adminToken, api, chooseStore, field, issueLaneCredentials, logIn, openBrowser, requireEnvironment, screenshot, uniqueId } from './support.mjs'

/** The store the new manager runs. */
const MANAGER_STORE = 's001'

/** Element Plus gives its confirmation box no test id: the page marks it with this class. The newest is the one open. */
const confirm = (page) => page.locator('.staff-confirm').last().locator('.el-button--primary').click()

test('head office sets up a store, creates a store manager, disables them (their session ends at once), and issues and revokes lane credentials', async () => {
  requireEnvironment()
  const token = await adminToken()
  // A store of its own for the lane, so its device list holds only this test's whatever ran before: set up on the
  // stores page (门店), as head office sets up a new store.
  const deviceStore = uniqueId('e2e-dev')
  const storeName = `E2E 设备门店 ${deviceStore.slice(-6)}`
  const username = uniqueId('e2e-mgr')
  const password = `pw-${uniqueId('e2e')}`
  const deviceId = 'lane-01'

  const admin = await openBrowser()
  const manager = await openBrowser()
  try {
    await logIn(admin.page)

    // Head office sets up the store on the stores page: Beijing time unless told otherwise, and a region.
    await admin.page.locator('[data-testid=menu-stores]').click()
    await admin.page.waitForURL(/\/console\/stores/)
    await admin.page.locator('[data-testid=store-table]').waitFor()
    await admin.page.locator('[data-testid=store-create]').click()
    const storeDialog = admin.page.locator('[data-testid=store-dialog]')
    await storeDialog.waitFor()
    await field(admin.page, 'store-id').fill(deviceStore)
    await field(admin.page, 'store-name').fill(storeName)
    await storeDialog.locator('[data-testid=store-time-zone]').getByText('Asia/Shanghai').waitFor()
    await field(admin.page, 'store-region').fill('华东')
    // Closes the region's suggestions (a click outside them) without closing the dialog.
    await storeDialog.locator('.el-dialog__title').click()
    await storeDialog.locator('[data-testid=store-save]').click()
    await storeDialog.waitFor({ state: 'hidden', timeout: 10_000 })
    // Listed at once, with its name, time zone and region (and the api lists it too).
    await admin.page.locator(`[data-testid="store-name-${deviceStore}"]`, { hasText: storeName }).waitFor({ timeout: 10_000 })
    assert.equal((await admin.page.locator(`[data-testid="store-time-zone-${deviceStore}"]`).innerText()).trim(), 'Asia/Shanghai')
    assert.equal((await admin.page.locator(`[data-testid="store-region-${deviceStore}"]`).innerText()).trim(), '华东')
    const listed = await api('GET', '/stores', undefined, token)
    assert.deepEqual(listed.body?.find((s) => s.storeId === deviceStore), { storeId: deviceStore, name: storeName, timeZone: 'Asia/Shanghai', region: '华东' })
    await screenshot(admin.page, 'stores')

    // Head office creates the manager on the staff page.
    await admin.page.locator('[data-testid=menu-staff]').click()
    await admin.page.waitForURL(/\/console\/staff/)
    await admin.page.locator('[data-testid=staff-table]').waitFor()
    await admin.page.locator('[data-testid=staff-create]').click()
    const dialog = admin.page.locator('[data-testid=staff-dialog]')
    await dialog.waitFor()
    await field(admin.page, 'staff-username').fill(username)
    await field(admin.page, 'staff-password').fill(password)
    // A new account is a store manager unless told otherwise.
    await dialog.locator('.el-checkbox.is-checked', { hasText: /门店经理|Store manager/ }).waitFor()
    await admin.page.locator('[data-testid=staff-stores]').click()
    await admin.page.keyboard.type(MANAGER_STORE)
    await admin.page.keyboard.press('Enter')
    await dialog.locator('.el-tag', { hasText: MANAGER_STORE }).first().waitFor()
    // Closes the store list (a click outside it) without closing the dialog.
    await dialog.locator('.el-dialog__title').click()
    await dialog.locator('[data-testid=staff-save]').click()
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 })
    const status = admin.page.locator(`[data-testid="staff-status-${username}"]`)
    await status.getByText(/启用|Enabled/).waitFor({ timeout: 10_000 })
    await screenshot(admin.page, 'staff-accounts')

    // The manager signs in in a browser of their own and sees their store's dashboard; the staff page is their store's
    // devices to them (manager-devices.test.mjs), without the staff accounts.
    await logIn(manager.page, username, password)
    await manager.page.locator('[data-testid=connection-status]').waitFor({ timeout: 15_000 })
    await manager.page.locator('h2', { hasText: MANAGER_STORE }).waitFor({ timeout: 10_000 })
    const managerMenu = (await manager.page.locator('[data-testid=menu-staff]').innerText()).trim()
    assert.match(managerMenu, /^(门店设备|Store devices)$/, `a store manager is offered the staff accounts: ${managerMenu}`)

    // Head office disables the account…
    await admin.page.locator(`[data-testid="staff-toggle-${username}"]`).first().click()
    await confirm(admin.page)
    await status.getByText(/已停用|Disabled/).waitFor({ timeout: 10_000 })

    // …and the manager's next page, whose first api call is refused, is the sign-in page, saying why.
    await manager.page.locator('[data-testid=menu-campaigns]').click()
    await manager.page.waitForURL(/\/console\/login/, { timeout: 15_000 })
    await manager.page.locator('[data-testid=login-session-ended]').waitFor({ timeout: 10_000 })
    await screenshot(manager.page, 'staff-manager-signed-out')
    // A disabled account cannot sign in again.
    await field(manager.page, 'login-username').fill(username)
    await field(manager.page, 'login-password').fill(password)
    await manager.page.locator('[data-testid=login-submit]').click()
    await manager.page.locator('[data-testid=login-error]').waitFor({ timeout: 10_000 })
    assert.match(manager.page.url(), /\/console\/login/)

    // Lane credentials for a store: the secret is shown once, and works until the lane is revoked.
    await admin.page.locator('[data-testid=staff-tab-devices]').click()
    await chooseStore(admin.page, deviceStore, 'device-store')
    const { clientId, clientSecret } = await issueLaneCredentials(admin.page, deviceId, 'staff-device-secret')

    const deviceStatus = admin.page.locator(`[data-testid="device-status-${deviceId}"]`)
    await deviceStatus.getByText(/有效|Active/).waitFor({ timeout: 10_000 })
    await admin.page.locator(`[data-testid="device-revoke-${deviceId}"]`).first().click()
    await confirm(admin.page)
    await deviceStatus.getByText(/已吊销|Revoked/).waitFor({ timeout: 10_000 })
    const refused = await api('POST', '/auth/token', { clientId, clientSecret })
    assert.equal(refused.status, 401, `a revoked lane signs in no more: ${refused.status}`)
    await admin.page.waitForTimeout(300)
    await screenshot(admin.page, 'staff-device-revoked')
  } catch (error) {
    await screenshot(admin.page, 'staff-FAILED').catch(() => {})
    await screenshot(manager.page, 'staff-manager-FAILED').catch(() => {})
    throw error
  } finally {
    await manager.close()
    await admin.close()
  }
})
