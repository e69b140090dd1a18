import assert from 'node:assert/strict'
import { test } from 'node:test'
import { field, STORE_ID, adminToken, api, commitCheckout, fenOf, logIn, openBrowser, prepareStore, requireEnvironment, screenshot } from './support.mjs'

test('a manager finds a member by phone and sees their ledger, and their purchase with its receipt', async () => {
  requireEnvironment()
  const token = await adminToken()
  await prepareStore(token)
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const registered = await api('POST', '/members', { phone, name: '测试会员', storeId: STORE_ID, channel: 'web', consentMarketing: false }, token)
  assert.equal(registered.status, 201, `register: ${JSON.stringify(registered.body)}`)
  const receipt = await commitCheckout(token, { member: { memberId: registered.body.memberId } })

  const { page, close } = await openBrowser()
  try {
    await logIn(page)
    await page.locator('[data-testid=menu-members]').click()
    await field(page, 'member-search-input').fill(phone)
    await page.locator('[data-testid=member-search-submit]').click()
    await page.locator('[data-testid=member-profile]').waitFor({ timeout: 10_000 })
    const ledger = page.locator('[data-testid=member-ledger]')
    await ledger.getByText(receipt.txnId).first().waitFor({ timeout: 10_000 })
    // Personal data stays masked until an admin asks to see it.
    assert.ok(await page.locator('[data-testid=member-profile]').getByText(`${phone.slice(0, 3)}****${phone.slice(-4)}`).count() > 0)
    await screenshot(page, 'member-ledger')

    // 购物记录 at the service desk: the purchase, and its receipt.
    await page.locator('[data-testid=member-tab-purchases]').click()
    const purchase = page.locator(`[data-testid="purchase-${receipt.txnId}"]`)
    await purchase.waitFor({ timeout: 10_000 })
    assert.equal(fenOf(await page.locator(`[data-testid="purchase-amount-${receipt.txnId}"]`).innerText()), receipt.total)
    await purchase.click()
    const receiptDialog = page.locator('[data-testid=receipt-dialog]')
    await receiptDialog.locator('[data-testid=receipt-txn]', { hasText: receipt.txnId }).waitFor({ timeout: 10_000 })
    assert.equal(fenOf(await receiptDialog.locator('[data-testid=receipt-total]').innerText()), receipt.total)
    await page.waitForTimeout(300) // the dialog's fade-in, for the picture
    await screenshot(page, 'member-receipt')
    await receiptDialog.locator('[data-testid=receipt-close]').click()
    await receiptDialog.waitFor({ state: 'hidden', timeout: 10_000 })
  } catch (error) {
    await screenshot(page, 'member-ledger-FAILED').catch(() => {})
    throw error
  } finally {
    await close()
  }
})
