import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  BASE_URL, field, STORE_ID, adminToken, api, commitCheckout, openBrowser, prepareStore, requireEnvironment, requireSmsDrop, screenshot, smsCodeFor, uniqueId,
} from './support.mjs'

/** 1234 → "1,234", as the portal shows a count. */
const count = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

test('a shopper joins on the web, sees their points and purchase, reports their card lost and signs in again', async () => {
  requireEnvironment()
  requireSmsDrop()
  const token = await adminToken()
  await prepareStore(token)
  const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const password = `e2e-${Math.random().toString(36).slice(2, 10)}`
  const cardNo = uniqueId('E2E').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40)

  const { page, close } = await openBrowser()
  try {
    // Members use phones: the portal is laid out for one.
    await page.setViewportSize({ width: 390, height: 844 })

    // Registration through the portal's own page, answered by the api as a web sign-up: the phone is
    // proved first, with the code the api sends it (read from the SMS drop folder).
    await page.goto(`${BASE_URL}/console/me/register`)
    await field(page, 'me-register-phone').fill(phone)
    const codeAsked = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/members/otp' && r.request().method() === 'POST')
    await page.locator('[data-testid=me-register-send-code]').click()
    const codeAnswer = await codeAsked
    assert.equal(codeAnswer.status(), 202, `send code: ${await codeAnswer.text()}`)
    await page.locator('[data-testid=me-register-code-sent]').waitFor({ timeout: 10_000 })
    await field(page, 'me-register-code').fill(await smsCodeFor(phone, 'registration.code'))
    await field(page, 'me-register-name').fill('网页会员')
    await field(page, 'me-register-password').fill(password)
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/members' && r.request().method() === 'POST')
    await page.locator('[data-testid=me-register-submit]').click()
    const registration = await answered
    assert.equal(registration.status(), 201, `register: ${await registration.text()}`)
    const registered = await registration.json()

    // Signed in and on the overview, with the sign-up points.
    await page.waitForURL(/\/console\/me$/, { timeout: 15_000 })
    assert.ok(registered.points > 0, `the programme gave no sign-up points: ${JSON.stringify(registered)}`)
    await page.locator('[data-testid=me-points]', { hasText: new RegExp(`^\\s*${count(registered.points)}\\s*$`) }).waitFor({ timeout: 10_000 })
    await page.locator('[data-testid=me-who]', { hasText: '网页会员' }).waitFor()

    // At the till (through the api, as a lane would): a card for the member, then a purchase.
    const bound = await api('POST', `/members/${registered.memberId}/cards`, { cardNo, medium: 'virtual', storeId: STORE_ID }, token)
    assert.equal(bound.status, 201, `bind card: ${JSON.stringify(bound.body)}`)
    const receipt = await commitCheckout(token, { member: { memberId: registered.memberId } })
    assert.ok(receipt.pointsEarned > 0, `the purchase earned no points: ${JSON.stringify(receipt)}`)

    // The ledger, read afresh, shows the purchase's points.
    await page.goto(`${BASE_URL}/console/me/ledger`)
    const row = page.locator('[data-testid=me-ledger-row]', { hasText: receipt.txnId })
    await row.first().waitFor({ timeout: 10_000 })
    assert.match(await row.first().innerText(), new RegExp(`\\+${count(receipt.pointsEarned)}\\b`))

    // The card, reported lost from the portal, shows as lost (and the api agrees).
    await page.locator('[data-testid=me-tab-me-cards]').click()
    await page.locator(`[data-testid=me-card-${cardNo}]`).waitFor({ timeout: 10_000 })
    await page.locator(`[data-testid=me-card-lost-${cardNo}]`).click()
    await page.locator('.me-confirm .el-button--primary').click()
    await page.locator(`[data-testid=me-card-status-${cardNo}]`, { hasText: /已挂失|Lost/ }).waitFor({ timeout: 10_000 })
    const card = await api('GET', `/cards/${cardNo}`, undefined, token)
    assert.equal(card.body?.status, 'lost', `card: ${JSON.stringify(card.body)}`)
    await page.waitForTimeout(300) // the confirmation's fade, for the picture
    await screenshot(page, 'member-portal-cards')

    // Out, and back in with phone and password.
    await page.locator('[data-testid=me-signout]').click()
    await page.waitForURL(/\/console\/me\/login/, { timeout: 10_000 })
    await field(page, 'me-login-phone').fill(phone)
    await field(page, 'me-login-password').fill(password)
    await page.locator('[data-testid=me-login-submit]').click()
    await page.waitForURL(/\/console\/me$/, { timeout: 15_000 })
    const balance = receipt.pointsBalance ?? registered.points + receipt.pointsEarned
    await page.locator('[data-testid=me-points]', { hasText: new RegExp(`^\\s*${count(balance)}\\s*$`) }).waitFor({ timeout: 10_000 })
    await page.waitForTimeout(300)
    await screenshot(page, 'member-portal')
  } catch (error) {
    await screenshot(page, 'member-portal-FAILED').catch(() => {})
    throw error
  } finally {
    await close()
  }
})
