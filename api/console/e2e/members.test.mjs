import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  field, STORE_ID, adminToken, api, commitCheckout, fenOf, logIn, openBrowser, prepareStore, requireEnvironment, requireSmsDrop, screenshot, smsCodeFor, smsFor,
} from './support.mjs'

/** Signs in as head office and opens the member found by their phone, as a clerk at the desk would. */
async function openMember(page, phone) {
  await logIn(page)
  await page.locator('[data-testid=menu-members]').click()
  await field(page, 'member-search-input').fill(phone)
  await page.locator('[data-testid=member-search-submit]').click()
  await page.locator('[data-testid=member-profile]').waitFor({ timeout: 10_000 })
}

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
    await openMember(page, phone)
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

test('head office clears the payment PIN of a member who forgot it, after checking their ID', async () => {
  requireEnvironment()
  requireSmsDrop()
  const token = await adminToken()
  await prepareStore(token)
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const password = `e2e-${Math.random().toString(36).slice(2, 10)}`
  const registered = await api('POST', '/members', { phone, name: '支付密码会员', password, storeId: STORE_ID, channel: 'web', consentMarketing: false }, token)
  assert.equal(registered.status, 201, `register: ${JSON.stringify(registered.body)}`)
  const memberId = registered.body.memberId
  const pinPath = `/members/${memberId}/payment-pin`

  // The member sets a PIN (as the portal does, through the api): a code to their phone, then the PIN with it.
  const login = await api('POST', '/members/login', { phone, password })
  assert.equal(login.status, 200, `member sign-in: ${JSON.stringify(login.body)}`)
  const memberToken = login.body.accessToken
  const asked = await api('POST', `${pinPath}/otp`, {}, memberToken)
  assert.equal(asked.status, 202, `ask for the PIN code: ${JSON.stringify(asked.body)}`)
  const otp = await smsCodeFor(phone, 'payment_pin.code')
  const set = await api('PUT', pinPath, { pin: '730518', otp }, memberToken)
  assert.equal(set.status, 200, `set the PIN: ${JSON.stringify(set.body)}`)
  assert.equal(set.body.set, true)
  // Staff never set one, and a member cannot clear their own (it takes the desk and an ID card).
  assert.equal((await api('PUT', pinPath, { pin: '482916', otp: '000000' }, token)).status, 403, 'staff set a PIN')
  assert.equal((await api('DELETE', pinPath, undefined, memberToken)).status, 403, 'a member cleared their PIN')

  const { page, close } = await openBrowser()
  try {
    await openMember(page, phone)
    await page.locator('[data-testid=member-pin-state][data-state=set]').waitFor({ timeout: 10_000 })

    // The confirmation tells the clerk to check the member's ID first.
    const since = Date.now()
    await page.locator('[data-testid=member-pin-clear]').click()
    const box = page.locator('.staff-confirm').last()
    await box.waitFor({ timeout: 10_000 })
    assert.match(await box.innerText(), /身份证件|ID card/)
    const cleared = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1${pinPath}` && r.request().method() === 'DELETE')
    await box.locator('.el-button--primary').click()
    const answer = await cleared
    assert.equal(answer.status(), 200, `clear the PIN: ${await answer.text()}`)
    await page.locator('[data-testid=member-pin-state][data-state=notSet]').waitFor({ timeout: 10_000 })
    assert.equal(await page.locator('[data-testid=member-pin-clear]').count(), 0, 'a member without a PIN has none to clear')
    await page.waitForTimeout(300) // the confirmation's fade, for the picture
    await screenshot(page, 'member-payment-pin-cleared')

    const status = await api('GET', pinPath, undefined, token)
    assert.equal(status.body?.set, false, `status: ${JSON.stringify(status.body)}`)
    const notice = await smsFor(phone, 'payment_pin.changed', { since })
    assert.match(notice.text ?? '', /清除/, `the member is told: ${JSON.stringify(notice)}`)
  } catch (error) {
    await screenshot(page, 'member-payment-pin-FAILED').catch(() => {})
    throw error
  } finally {
    await close()
  }
})
